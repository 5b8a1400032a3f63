package dev.unibox.bench;

import dev.unibox.adapters.spi.InboundMessage;
import dev.unibox.auth.TokenService;
import dev.unibox.classification.BuyerModel;
import dev.unibox.classification.Corpus;
import dev.unibox.config.ClassificationRulesLoader;
import dev.unibox.config.UniboxConfig;
import dev.unibox.domain.LinguaLanguageDetector;
import dev.unibox.domain.MessageClassifier;
import dev.unibox.ingest.IngestService;
import dev.unibox.store.Database;
import dev.unibox.testing.Await;
import dev.unibox.testing.TestDatabases;
import dev.unibox.testing.TestInbox;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * The durable-ingest harness (a benchmark, not a test), durable PostgreSQL settings (fsync, synchronous_commit on):
 * single-row INSERT transactions per second on the same server (a pgbench stand-in), signed Shopee pushes
 * through the real webhook path at 1/16/64/256 in flight, push-to-socket latency at fixed rates with 200
 * agents and 3 supervisors connected, the CPU each stage cost the JVM and PostgreSQL, and a check in the database that no
 * message or event was lost or stored twice.
 *
 * <p>Run: {@code scripts/bench-ingest.sh [pushesPerLevel] [rates]}. Memory per idle socket: {@link IdleSocketBenchmark}.
 */
public final class DurableIngestBenchmark {

  private static final int CONVERSATIONS = 5000;

  public static void main(String[] args) {
    Harness.exitAfter(() -> run(args));
  }

  private static void run(String[] args) throws Exception {
    int pushes = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
    String rates = args.length > 1 ? args[1] : "250,500,1000,2000";
    Vertx vertx = Vertx.vertx();
    TestInbox inbox = TestInbox.start(vertx, Clock.systemUTC(), c -> new UniboxConfig(
        new UniboxConfig.HttpConfig("127.0.0.1", 0, false, 100, List.of(), List.of()), c.database(), c.auth(), c.routing(), c.outbox(),
        c.classificationFile(), c.demo(), c.accounts()));
    Pool pool = inbox.db.pool();
    // a first start trains the classifier's model on worker threads after the service is up (word lists decide
    // meanwhile): the stages measure the service as it runs after that, with its model
    long t = System.nanoTime();
    Await.until("the service's first model is trained and active",
        () -> single(pool, "SELECT count(*) FROM classifier_models WHERE active") == 1);
    System.out.printf("The service's model was live %.1f s after the start%n", (System.nanoTime() - t) / 1e9);
    StringBuilder out = new StringBuilder();
    out.append("Run ").append(LocalDate.now()).append(", ").append(Runtime.getRuntime().availableProcessors())
        .append(" cores (shared), one JVM, embedded PostgreSQL 18 with fsync=")
        .append(show(pool, "fsync")).append(", synchronous_commit=").append(show(pool, "synchronous_commit"))
        .append(", pool 8, ").append(CONVERSATIONS).append(" conversations.\n\n");

    CpuMeter cpu = CpuMeter.of(pool);
    out.append(insertTps(vertx, inbox.db, cpu)).append("\n\n");

    out.append("| in flight | pushes | acked/s | ack p50 ms | ack p99 ms | CPU per push (the JVM holds the load generator too) |\n"
        + "|---:|---:|---:|---:|---:|---|\n");
    int sent = 0;
    drive(vertx, inbox, Math.max(200, pushes / 10), 16, sent, null);  // warm-up
    sent += Math.max(200, pushes / 10);
    for (int inFlight : new int[] {1, 16, 64, 256}) {
      int n = inFlight == 1 ? Math.max(200, pushes / 8) : pushes;
      Histogram ack = new Histogram(60_000_000_000L, 3);
      long t0 = System.nanoTime();
      CpuMeter.Reading before = cpu.read();
      int ok = drive(vertx, inbox, n, inFlight, sent, ack);
      double s = (System.nanoTime() - t0) / 1e9;
      CpuMeter.Reading used = cpu.read().minus(before);
      sent += n;
      out.append(String.format("| %d | %d | %,.0f | %.1f | %.1f | %s |%n", inFlight, ok, ok / s,
          ack.getValueAtPercentile(50) / 1e6, ack.getValueAtPercentile(99) / 1e6, used.perUnit(n)));
      System.out.println(out);
    }

    out.append("\n").append(direct(vertx, inbox, pushes, 64, cpu)).append("\n");
    System.out.println(out);
    out.append("\n").append(liveLatency(vertx, inbox, rates, 5)).append("\n");
    System.out.println(out);
    out.append(check(pool)).append("\n");
    System.out.println(out);
    BenchmarkDoc.writeSection("Durable ingest, event log and sockets",
        "Command (from the repository root): `scripts/bench-ingest.sh " + pushes + " " + rates + "`\n\n" + out);
    vertx.close();
  }

  private static String show(Pool pool, String setting) throws Exception {
    return Await.result(pool.query("SHOW " + setting).execute()).iterator().next().getString(0);
  }

  /** The pgbench stand-in: its rate, and what PostgreSQL spent on each transaction. */
  private static String insertTps(Vertx vertx, Database db, CpuMeter cpu) throws Exception {
    Database extra = Await.result(Database.connect(vertx, TestDatabases.options(db), 32));
    Await.result(extra.pool().query("CREATE TABLE bench_insert (id bigserial PRIMARY KEY, v text)").execute());
    AtomicLong done = new AtomicLong();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    CountDownLatch clients = new CountDownLatch(32);
    for (int c = 0; c < 32; c++) {
      vertx.runOnContext(v -> insertLoop(extra.pool(), end, done, clients));
    }
    long t0 = System.nanoTime();
    CpuMeter.Reading before = cpu.read();
    clients.await();
    double tps = done.get() / ((System.nanoTime() - t0) / 1e9);
    CpuMeter.Reading used = cpu.read().minus(before);
    Await.result(extra.pool().close());
    return String.format("Single-row INSERT transactions (32 connections, 5 s, same server): **%,.0f/s**; CPU per "
        + "transaction %s.", tps, used.perUnit(done.get()));
  }

  private static void insertLoop(Pool pool, long end, AtomicLong done, CountDownLatch clients) {
    if (System.nanoTime() > end) {
      clients.countDown();
      return;
    }
    pool.query("INSERT INTO bench_insert (v) VALUES ('x')").execute().onComplete(ar -> {
      done.incrementAndGet();
      insertLoop(pool, end, done, clients);
    });
  }

  /**
   * The same messages handed to IngestService directly, classified as the service classifies them (the trained
   * model, language detection), but with no HTTP, no signature, no fake platform in the JVM: what the ingest
   * itself sustains, and how many pushes a durable commit carried on average.
   */
  private static String direct(Vertx vertx, TestInbox inbox, int n, int inFlight, CpuMeter cpu) throws Exception {
    BuyerModel model = BuyerModel.train(Corpus.training());  // as the service's first start trains it
    MessageClassifier classifier = new MessageClassifier(ClassificationRulesLoader.load(
        Path.of(System.getProperty("unibox.config.dir", "../config"), "classification.yaml")), new LinguaLanguageDetector(),
        text -> model.judge(text).verdict());
    IngestService ingest = new IngestService(vertx, inbox.db.pool(), classifier, Clock.systemUTC());
    Histogram ack = new Histogram(60_000_000_000L, 3);
    long t0 = System.nanoTime();
    CpuMeter.Reading before = cpu.read();
    int ok = PushLoad.closedLoop(vertx, n, inFlight, i -> ingest.ingest(List.of(new InboundMessage(TestInbox.ACCOUNT_MY,
        "direct-" + i, "direct-" + (i % CONVERSATIONS), "direct-buyer-" + (i % CONVERSATIONS), "buyer", true, "text",
        "q" + i, java.time.Instant.now()))).map(r -> r.stored() == 1 ? 200 : 500), 0, ack);
    double s = (System.nanoTime() - t0) / 1e9;
    CpuMeter.Reading used = cpu.read().minus(before);
    return String.format("IngestService called directly (no HTTP, no signing), %d in flight: %,d stored, **%,.0f/s**, "
        + "ack p50 %.1f ms, p99 %.1f ms, %.1f pushes per durable commit on average. CPU per message: %s "
        + "(classification, ingest, event tail, routing passes): at that cost 5,000 messages/s would keep %.1f "
        + "cores busy.%n", inFlight, ok, ok / s, ack.getValueAtPercentile(50) / 1e6,
        ack.getValueAtPercentile(99) / 1e6, (double) n / ingest.transactions(), used.perUnit(n), used.coresAt(5000, n));
  }

  private static int drive(Vertx vertx, TestInbox inbox, int n, int inFlight, int offset, Histogram ack)
      throws Exception {
    return PushLoad.closedLoop(vertx, n, inFlight, i -> push(inbox, i, "q" + i), offset, ack);
  }

  private static Future<Integer> push(TestInbox inbox, int i, String text) {
    return inbox.shopee.pushBuyerText(TestInbox.SHOP_MY, Long.toString(700_000 + i % CONVERSATIONS), "buyer", text)
        .map(o -> o.statusCode());
  }

  /** One rate of the live stage: when each push was due, and when its frames arrived. */
  private record LiveStage(int number, long[] scheduled, Histogram agents, Histogram leads) {}

  /**
   * Pushes at each fixed rate (open loop) for some seconds, one rate after the other on the same connected
   * sockets; latency = scheduled send to frame on a socket. The table says up to which rate the path keeps up.
   */
  private static String liveLatency(Vertx vertx, TestInbox inbox, String rates, int seconds) throws Exception {
    Pool pool = inbox.db.pool();
    Await.result(pool.query("""
        INSERT INTO users (username, display_name, role, password_hash, all_accounts, max_concurrent, presence_choice)
        SELECT 'agent' || g, 'Agent ' || g, 'agent', 'x', true, 5, 'online' FROM generate_series(1, 200) g
        UNION ALL
        SELECT 'lead' || g, 'Lead ' || g, 'supervisor', 'x', true, 0, 'online' FROM generate_series(1, 3) g""").execute());
    List<Long> ids = new ArrayList<>();
    Await.result(pool.query("SELECT id FROM users WHERE username LIKE 'agent%' OR username LIKE 'lead%'").execute())
        .forEach(r -> ids.add(r.getLong(0)));
    long newest = Await.result(pool.query("SELECT event_log_horizon() - 1").execute()).iterator().next().getLong(0);
    AtomicReference<LiveStage> current = new AtomicReference<>();
    List<WebSocket> sockets = connect(vertx, inbox, ids, 1, newest, (frame, isLead) -> {
      JsonObject data = frame.getJsonObject("data");
      String text = data == null || data.getJsonObject("message") == null ? null
          : data.getJsonObject("message").getString("text");
      LiveStage stage = current.get();
      if (stage != null && text != null && text.startsWith("live" + stage.number() + ":")) {
        int i = Integer.parseInt(text.substring(text.indexOf(':') + 1));
        long latency = System.nanoTime() - stage.scheduled()[i];
        Histogram h = isLead ? stage.leads() : stage.agents();
        synchronized (h) {
          h.recordValue(Math.max(0, latency));
        }
      }
    });
    // 200 agents coming online take 1,000 conversations from the backlog the earlier stages left: a burst of
    // assignments and their events. The stage measures messages after that burst, with every seat taken.
    long settleStart = System.nanoTime();
    Await.until("the bench agents' seats are full", () -> single(pool,
        "SELECT COALESCE(sum(active_count), 0) FROM users WHERE username LIKE 'agent%'") >= 200L * 5);
    StringBuilder out = new StringBuilder(String.format("Push → socket, open loop for %d s at each rate, 200 agents "
        + "(every seat taken: their login burst of 1,000 assignments was routed in %.1f s before the first rate) and 3 "
        + "supervisors connected; latency from the push's due time to the frame on the socket:%n%n", seconds,
        (System.nanoTime() - settleStart) / 1e9));
    out.append("| msg/s offered | acked | supervisors' frames | p50 ms | p99 ms | max ms | agents' frames | p50 ms | p99 ms |\n"
        + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    int number = 0;
    for (String r : rates.split(",")) {
      int rate = Integer.parseInt(r.trim());
      LiveStage stage = new LiveStage(++number, PushLoad.schedule(rate, seconds), new Histogram(60_000_000_000L, 3),
          new Histogram(60_000_000_000L, 3));
      current.set(stage);
      // every rate writes to the same conversations, those the agents hold among them
      int acked = PushLoad.openLoop(vertx, stage.scheduled(),
          i -> push(inbox, 900_000 + i, "live" + stage.number() + ":" + i));
      Await.until("every supervisor's frame of the rate " + rate, () -> stage.leads().getTotalCount() >= 3L * acked);
      Histogram leads = stage.leads();
      Histogram agents = stage.agents();
      out.append(String.format("| %,d | %,d | %,d | %.1f | %.1f | %.1f | %,d | %.1f | %.1f |%n", rate, acked,
          leads.getTotalCount(), leads.getValueAtPercentile(50) / 1e6, leads.getValueAtPercentile(99) / 1e6,
          leads.getMaxValue() / 1e6, agents.getTotalCount(), agents.getValueAtPercentile(50) / 1e6,
          agents.getValueAtPercentile(99) / 1e6));
      System.out.print(out);
    }
    sockets.forEach(WebSocket::close);
    return out.toString();
  }

  /** Opens socketsPerUser authenticated sockets per user and waits for every hello; the last three users are supervisors. */
  private static List<WebSocket> connect(Vertx vertx, TestInbox inbox, List<Long> users, int socketsPerUser,
                                         long lastSeq, SupervisorAwareSink sink) throws Exception {
    TokenService tokens = new TokenService(vertx, "test-jwt-secret-that-is-long-enough-0123", 12, java.time.Clock.systemUTC());
    int leadsFrom = users.size() - 3;
    return BenchSockets.connect(vertx, inbox.app.httpPort(), tokens, users, socketsPerUser, lastSeq,
        sink == null ? null : (frame, user) -> sink.accept(frame, user >= leadsFrom));
  }

  interface SupervisorAwareSink {
    void accept(JsonObject frame, boolean lead);
  }

  /** Zero lost, zero duplicated: every acknowledged push is one message and one message.created event. */
  private static String check(Pool pool) throws Exception {
    long messages = single(pool, "SELECT count(*) FROM messages");
    long distinctPlatformIds = single(pool, "SELECT count(DISTINCT platform_message_id) FROM messages");
    long events = single(pool, "SELECT count(*) FROM event_log WHERE type = 'message.created'");
    long eventMessages = single(pool,
        "SELECT count(DISTINCT payload -> 'message' ->> 'id') FROM event_log WHERE type = 'message.created'");
    String verdict = messages == distinctPlatformIds && events == messages && eventMessages == messages
        ? "zero lost, zero duplicated" : "MISMATCH";
    return String.format("Database check: %,d messages (%,d distinct platform ids), %,d message.created events "
        + "for %,d distinct messages: **%s**.%n", messages, distinctPlatformIds, events, eventMessages, verdict);
  }

  private static long single(Pool pool, String sql) throws Exception {
    return Await.result(pool.query(sql).execute()).iterator().next().getLong(0);
  }
}
