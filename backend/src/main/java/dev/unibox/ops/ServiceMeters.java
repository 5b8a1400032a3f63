package dev.unibox.ops;

import dev.unibox.domain.Priority;
import dev.unibox.signals.LoopVerticle;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The service's own meters, beside what Vert.x records (HTTP, event bus, pool): pushes and their ack
 * latency per platform and account, queue depth per priority, SLA warnings and breaches, outbox
 * backlog and age, account health, routing pass time, cluster members and owned accounts, open sockets.
 * Store-derived values are sampled every few seconds by one query batch, never per request.
 */
public final class ServiceMeters {

  private static final long SAMPLE_MILLIS = 5_000;

  private final MeterRegistry registry;
  private final Pool pool;
  private final Set<String> accountGauges = ConcurrentHashMap.newKeySet();
  private volatile OpsStore.Sample sample = OpsStore.Sample.empty();

  public ServiceMeters(MeterRegistry registry, Pool pool, IntSupplier clusterMembers, Supplier<Integer> ownedLeases,
                       IntSupplier openSockets) {
    this.registry = registry;
    this.pool = pool;
    for (Priority p : Priority.values()) {
      Gauge.builder("unibox_queue_depth", () -> sample.queued().getOrDefault(p.level(), 0L))
          .description("Conversations waiting in the queue").tag("priority", p.name().toLowerCase())
          .register(registry);
    }
    Gauge.builder("unibox_outbox_pending", () -> sample.outboxPending()).register(registry);
    Gauge.builder("unibox_outbox_failed", () -> sample.outboxFailed()).register(registry);
    Gauge.builder("unibox_outbox_oldest_pending_seconds", () -> sample.outboxOldestSeconds()).register(registry);
    FunctionCounter.builder("unibox_sla_warnings", this, m -> m.sample.slaWarnings()).register(registry);
    FunctionCounter.builder("unibox_sla_breaches", this, m -> m.sample.slaBreaches()).register(registry);
    Gauge.builder("unibox_cluster_members", clusterMembers::getAsInt).register(registry);
    Gauge.builder("unibox_owned_leases", ownedLeases::get).description("Accounts and jobs this node runs")
        .register(registry);
    Gauge.builder("unibox_sockets_open", openSockets::getAsInt).register(registry);
  }

  /** Samples every few seconds; the deployment waits for the first sample. */
  public LoopVerticle sampler() {
    return new LoopVerticle("Meter sample", SAMPLE_MILLIS, this::refresh).onStart(v -> refresh());
  }

  /** Reads the store-derived values now. */
  public Future<Void> refresh() {
    return OpsStore.sample(pool).map(s -> {
      sample = s;
      s.accountOk().keySet().stream().filter(accountGauges::add).forEach(account ->
          Gauge.builder("unibox_account_healthy", () -> sample.accountOk().getOrDefault(account, 0))
              .tag("account", account).register(registry));
      return (Void) null;
    }).recover(e -> Future.succeededFuture());
  }

  /** Counts every platform push by platform and outcome and times its acknowledgement. */
  public void mountPushMeters(Router router) {
    router.post("/webhooks/:platform").handler(ctx -> {
      long started = System.nanoTime();
      String platform = ctx.pathParam("platform");
      ctx.addEndHandler(v -> pushed(platform, ctx.response().getStatusCode(),
          Duration.ofNanos(System.nanoTime() - started)));
      ctx.next();
    });
  }

  private void pushed(String platform, int status, Duration ackLatency) {
    String outcome = status < 300 ? "stored" : status < 500 ? "rejected" : "failed";
    Counter.builder("unibox_pushes").tag("platform", platform).tag("outcome", outcome).register(registry).increment();
    Timer.builder("unibox_push_ack").tag("platform", platform).publishPercentileHistogram()
        .register(registry).record(ackLatency);
  }

  /** A push stored for an account (per-account rate). */
  public void storedFor(String account) {
    Counter.builder("unibox_account_pushes").tag("account", account).register(registry).increment();
  }

  /** One routing pass: how long it took and how many conversations it assigned. */
  public void routingPass(Duration took, int assigned) {
    Timer.builder("unibox_routing_pass").publishPercentileHistogram().register(registry).record(took);
    Counter.builder("unibox_assignments").register(registry).increment(assigned);
  }
}
