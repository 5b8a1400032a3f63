package dev.unibox;

import dev.unibox.accounts.AccountRegistry;
import dev.unibox.accounts.AccountStore;
import dev.unibox.adapters.spi.AccountConfig;
import dev.unibox.auth.ServerSecrets;
import dev.unibox.cluster.LeaseKeeper;
import dev.unibox.cluster.NodeRuntime;
import dev.unibox.config.UniboxConfig;
import dev.unibox.demo.DemoHistory;
import dev.unibox.demo.DemoMode;
import dev.unibox.ops.MetricsServer;
import dev.unibox.outbox.OutboxSender;
import dev.unibox.reports.ReportsModule;
import dev.unibox.shifts.ShiftsModule;
import dev.unibox.store.Database;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: {@link Prerequisites}, then the {@link Services} and their HTTP server, then the
 * background work (accounts, routing, outbox, {@link LeasedJobs}, metrics, demo), started in order. Main
 * and the end-to-end tests both start the service through here.
 */
public final class UniboxApp {

  private static final Logger LOG = LoggerFactory.getLogger(UniboxApp.class);
  private static final long DRAIN_SECONDS = 5;

  private final Vertx vertx;
  private final NodeRuntime node;
  private final String nodeId;
  private final UniboxConfig config;
  private final Clock clock;
  private final Database db;
  private final boolean ownsDatabase;
  private final PrometheusMeterRegistry meters;
  private final AccountRegistry accounts = new AccountRegistry();
  private final Deployments deployments;
  private volatile boolean draining;
  private DemoMode demo;
  private Services services;
  private LeaseKeeper leases;
  private MetricsServer metricsServer;

  private UniboxApp(NodeRuntime node, UniboxConfig config, Clock clock, Database db, boolean ownsDatabase,
                    PrometheusMeterRegistry meters) {
    this.vertx = node.vertx();
    this.node = node;
    this.nodeId = node.nodeId();
    this.meters = meters;
    this.config = config;
    this.clock = clock;
    this.db = db;
    this.ownsDatabase = ownsDatabase;
    this.deployments = new Deployments(vertx);
  }

  /** Starts with the configured database (embedded unless database.url is set). */
  public static Future<UniboxApp> start(Vertx vertx, UniboxConfig config, Clock clock) {
    return start(NodeRuntime.single(vertx), newRegistry(), config, clock);
  }

  /** Starts this node (Main gives its runtime, clustered or not, and the registry its Vert.x records into). */
  public static Future<UniboxApp> start(NodeRuntime node, PrometheusMeterRegistry meters, UniboxConfig config,
                                        Clock clock) {
    Path keyFile = Prerequisites.jwtKeyFile(config);
    boolean keyFromFile = config.auth().jwtSecret().isBlank();
    return Database.start(node.vertx(), config.database(),
            c -> {
              if (keyFromFile) {
                ServerSecrets.adoptKeyFromDatabase(c, keyFile);
              }
            })
        .compose(db -> new UniboxApp(node, config, clock, db, true, meters).boot());
  }

  /** Starts on a database the caller owns (tests give each class its own). */
  public static Future<UniboxApp> start(Vertx vertx, UniboxConfig config, Clock clock, Database db) {
    return new UniboxApp(NodeRuntime.single(vertx), config, clock, db, false, newRegistry()).boot();
  }

  public static PrometheusMeterRegistry newRegistry() {
    return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  }

  private Future<UniboxApp> boot() {
    if (config.demo().enabled()) {
      demo = new DemoMode(vertx, config.demo());
    }
    return Prerequisites.prepare(vertx, db.pool(), config, clock, demo)
        .compose(ready -> {
          services = new Services(node, meters, db.pool(), config, clock, accounts, ready, () -> draining,
              this::heldLeases, this::resolveSelfUrl);
          return services.serve(deployments).compose(v -> startBackground(ready.accounts()));
        })
        .map(v -> {
          LOG.info("Unibox is up at {} ({} accounts)", baseUrl(), config.accounts().size());
          return this;
        });
  }

  /** The accounts synced and running, then routing, the outbox, the leased jobs, meters and the demo buyers. */
  private Future<Void> startBackground(List<AccountConfig> configured) {
    var pool = db.pool();
    Services s = services;
    List<AccountConfig> resolved = configured.stream().map(this::resolveSelfUrl).toList();
    return AccountStore.sync(pool, resolved)
        .compose(x -> s.quality.afterAccountsSynced())
        .compose(x -> s.accountService.boot(resolved))
        .compose(x -> s.accountService.listenToOtherNodes(nodeId))
        .compose(x -> deployments.deploy(s.router.job(config.routing().sweepMillis(), s.meterService::routingPass)))
        .compose(x -> deployments.deploy(new OutboxSender(pool, accounts, config.outbox(), clock, nodeId,
            account -> leases != null && leases.holds("account:" + account))))
        .compose(x -> {
          leases = LeasedJobs.keeper(vertx, pool, clock, config, nodeId, s);
          return deployments.deploy(leases.job());
        })
        .compose(x -> deployments.deploy(s.meterService.sampler()))
        .compose(x -> config.metrics().enabled()
            ? deployments.deploy(metricsServer = new MetricsServer(config.metrics(), meters)) : Future.succeededFuture())
        .compose(x -> demo == null ? Future.succeededFuture() : new DemoHistory(pool, clock).seedOnce()
            .onSuccess(n -> LOG.info("Demo history: {} finished conversations of the last {} days", n, DemoHistory.DAYS))
            .<Void>mapEmpty())
        .onSuccess(x -> {
          if (demo != null) {
            demo.startBuyers(resolved);
          }
        });
  }

  /** "self:/path" callback URLs point at this server's own address. */
  private AccountConfig resolveSelfUrl(AccountConfig a) {
    if (!a.callbackUrl().startsWith("self:")) {
      return a;
    }
    return new AccountConfig(a.accountId(), a.platform(), a.shopId(), a.shopName(), a.region(), a.timeZone(),
        a.apiBaseUrl(), baseUrl() + a.callbackUrl().substring("self:".length()), a.credentials(), a.options());
  }

  private List<String> heldLeases() {
    return leases == null ? List.of() : leases.held();
  }

  /** Leases this node runs (accounts and jobs). */
  public LeaseKeeper leases() {
    return leases;
  }

  public PrometheusMeterRegistry meters() {
    return meters;
  }

  public String nodeId() {
    return nodeId;
  }

  /** The metrics port (when metrics are on). */
  public int metricsPort() {
    return metricsServer.actualPort();
  }

  public List<String> httpRoutes() {
    return services.http.methodRoutes();
  }

  public int httpPort() {
    return services.http.actualPort();
  }

  public String baseUrl() {
    String host = config.http().host();
    return "http://" + ("0.0.0.0".equals(host) ? "127.0.0.1" : host) + ":" + httpPort();
  }

  /** Rosters, handover and the supervisor console (tests drive its shift clock). */
  public ShiftsModule shifts() {
    return services.shifts;
  }

  /** Report rollups and routes (tests run its sweep on their clock). */
  public ReportsModule reports() {
    return services.reports;
  }

  public AccountRegistry accounts() {
    return accounts;
  }

  /** Drains HTTP first (in-flight pushes and replies finish and are answered), then stops the rest. */
  public Future<Void> stop() {
    draining = true;
    Services s = services;
    Future<Void> drained = s == null ? Future.succeededFuture() : s.http.drain(DRAIN_SECONDS);
    Future<Void> chain = drained.eventually(() -> demo == null ? Future.succeededFuture() : demo.stop());
    if (s != null) {
      s.pushes.stop();
    }
    return deployments.undeployAfter(chain)
        .eventually(() -> s == null ? Future.succeededFuture() : s.quality.stop())
        .eventually(() -> s == null ? Future.succeededFuture() : s.reports.stop())
        .eventually(accounts::stopAll)
        .eventually(() -> ownsDatabase ? db.close() : Future.succeededFuture());
  }
}
