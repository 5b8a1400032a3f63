package dev.unibox.bench;

import dev.unibox.adapters.spi.InboundMessage;
import dev.unibox.auth.TokenService;
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
import org.HdrHistogram.Histogram;

/**
 * Issue 9's harness (a benchmark, not a test), durable PostgreSQL settings (fsync, synchronous_commit on):
 * single-row INSERT transactions per second on the same server (a pgbench stand-in), signed Shopee pushes
 * through the real webhook path at 1/16/64/256 in flight, push-to-socket latency at a fixed rate with 200
 * agents and 3 supervisors connected, and a check in the database that no
 * message or event was lost or stored twice.
 *
 * <p>Run: {@code scripts/bench-ingest.sh [pushesPerLevel] [rate]}. Memory per idle socket: {@link IdleSocketBenchmark}.
 */
public final class DurableIngestBenchmark {

  private static final int CONVERSATIONS = 5000;

  public static void main(String[] args) {
    Harness.exitAfter(() -> run(args));
  }

  private static void run(String[] args) throws Exception {
    int pushes = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
    int rate = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    Vertx vertx = Vertx.vertx();
    TestInbox inbox = TestInbox.start(vertx, Clock.systemUTC(), c -> new UniboxConfig(
        new UniboxConfig.HttpConfig("127.0.0.1", 0, false, 100, List.of(), List.of()), c.database(), c.auth(), c.routing(), c.outbox(),
        c.classificationFile(), c.demo(), c.accounts()));
    Pool pool = inbox.db.pool();
    StringBuilder out = new StringBuilder();
    out.append("Run ").append(LocalDate.now()).append(", ").append(Runtime.getRuntime().availableProcessors())
        .append(" cores (shared), one JVM, embedded PostgreSQL 18 with fsync=")
        .append(show(pool, "fsync")).append(", synchronous_commit=").append(show(pool, "synchronous_commit"))
        .append(", pool 8, ").append(CONVERSATIONS).append(" conversations.\n\n");

    out.append(String.format("Single-row INSERT transactions (32 connections, 5 s, same server): **%,.0f/s**%n%n",
        insertTps(vertx, inbox.db)));

    out.append("| in flight | pushes | acked/s | ack p50 ms | ack p99 ms |\n|---:|---:|---:|---:|---:|\n");
    int sent = 0;
    drive(vertx, inbox, Math.max(200, pushes / 10), 16, sent, null);  // warm-up
    sent += Math.max(200, pushes / 10);
    for (int inFlight : new int[] {1, 16, 64, 256}) {
      int n = inFlight == 1 ? Math.max(200, pushes / 8) : pushes;
      Histogram ack = new Histogram(60_000_000_000L, 3);
      long t0 = System.nanoTime();
      int ok = drive(vertx, inbox, n, inFlight, sent, ack);
      double s = (System.nanoTime() - t0) / 1e9;
      sent += n;
      out.append(String.format("| %d | %d | %,.0f | %.1f | %.1f |%n", inFlight, ok, ok / s,
          ack.getValueAtPercentile(50) / 1e6, ack.getValueAtPercentile(99) / 1e6));
      System.out.println(out);
    }

    out.append("\n").append(direct(vertx, inbox, pushes, 64)).append("\n");
    System.out.println(out);
    out.append("\n").append(liveLatency(vertx, inbox, rate, 5)).append("\n");
    System.out.println(out);
    out.append(check(pool)).append("\n");
    System.out.println(out);
    BenchmarkDoc.writeSection("Durable ingest, event log and sockets",
        "Command (from the repository root): `scripts/bench-ingest.sh " + pushes + " " + rate + "`\n\n" + out);
    vertx.close();
  }

  private static String show(Pool pool, String setting) throws Exception {
    return Await.result(pool.query("SHOW " + setting).execute()).iterator().next().getString(0);
  }

  private static double insertTps(Vertx vertx, Database db) throws Exception {
    Database extra = Await.result(Database.connect(vertx, TestDatabases.options(db), 32));
    Await.result(extra.pool().query("CREATE TABLE bench_insert (id bigserial PRIMARY KEY, v text)").execute());
    AtomicLong done = new AtomicLong();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    CountDownLatch clients = new CountDownLatch(32);
    for (int c = 0; c < 32; c++) {
      vertx.runOnContext(v -> insertLoop(extra.pool(), end, done, clients));
    }
    long t0 = System.nanoTime();
    clients.await();
    double tps = done.get() / ((System.nanoTime() - t0) / 1e9);
    Await.result(extra.pool().close());
    return tps;
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
   * The same messages handed to IngestService directly (no HTTP, no signature, no fake platform in the
   * JVM): what the ingest itself sustains, and how many pushes a durable commit carried on average.
   */
  private static String direct(Vertx vertx, TestInbox inbox, int n, int inFlight) throws Exception {
    MessageClassifier classifier = new MessageClassifier(ClassificationRulesLoader.load(
        Path.of(System.getProperty("unibox.config.dir", "../config"), "classification.yaml")), new LinguaLanguageDetector());
    IngestService ingest = new IngestService(vertx, inbox.db.pool(), classifier, Clock.systemUTC());
    Histogram ack = new Histogram(60_000_000_000L, 3);
    long t0 = System.nanoTime();
    int ok = PushLoad.closedLoop(vertx, n, inFlight, i -> ingest.ingest(List.of(new InboundMessage(TestInbox.ACCOUNT_MY,
        "direct-" + i, "direct-" + (i % CONVERSATIONS), "direct-buyer-" + (i % CONVERSATIONS), "buyer", true, "text",
        "q" + i, java.time.Instant.now()))).map(r -> r.stored() == 1 ? 200 : 500), 0, ack);
    double s = (System.nanoTime() - t0) / 1e9;
    return String.format("IngestService called directly (no HTTP, no signing), %d in flight: %,d stored, **%,.0f/s**, "
        + "ack p50 %.1f ms, p99 %.1f ms, %.1f pushes per durable commit on average.%n", inFlight, ok, ok / s,
        ack.getValueAtPercentile(50) / 1e6, ack.getValueAtPercentile(99) / 1e6, (double) n / ingest.transactions());
  }

  private static int drive(Vertx vertx, TestInbox inbox, int n, int inFlight, int offset, Histogram ack)
      throws Exception {
    return PushLoad.closedLoop(vertx, n, inFlight, i -> push(inbox, i, "q" + i), offset, ack);
  }

  private static Future<Integer> push(TestInbox inbox, int i, String text) {
    return inbox.shopee.pushBuyerText(TestInbox.SHOP_MY, Long.toString(700_000 + i % CONVERSATIONS), "buyer", text)
        .map(o -> o.statusCode());
  }

  /** Pushes at a fixed rate (open loop) for some seconds; latency = scheduled send to frame on a socket. */
  private static String liveLatency(Vertx vertx, TestInbox inbox, int rate, int seconds) throws Exception {
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
    long[] scheduled = PushLoad.schedule(rate, seconds);
    Histogram agents = new Histogram(60_000_000_000L, 3);
    Histogram leads = new Histogram(60_000_000_000L, 3);
    List<WebSocket> sockets = connect(vertx, inbox, ids, 1, newest, (frame, isLead) -> {
      JsonObject data = frame.getJsonObject("data");
      String text = data == null || data.getJsonObject("message") == null ? null
          : data.getJsonObject("message").getString("text");
      if (text != null && text.startsWith("live")) {
        int i = Integer.parseInt(text.substring(4));
        long latency = System.nanoTime() - scheduled[i];
        Histogram h = isLead ? leads : agents;
        synchronized (h) {
          h.recordValue(Math.max(0, latency));
        }
      }
    });
    int acked = PushLoad.openLoop(vertx, scheduled, i -> push(inbox, 900_000 + i, "live" + i));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline && leads.getTotalCount() < 3L * acked) {
      Thread.onSpinWait();
    }
    sockets.forEach(WebSocket::close);
    return String.format("Push → socket at %,d msg/s for %d s (open loop, 200 agents + 3 supervisors connected): "
            + "%,d acked; supervisors received %,d frames, p50 %.1f ms, p99 %.1f ms, max %.1f ms; agents received "
            + "%,d frames (their assigned conversations), p50 %.1f ms, p99 %.1f ms.%n", rate, seconds, acked,
        leads.getTotalCount(), leads.getValueAtPercentile(50) / 1e6, leads.getValueAtPercentile(99) / 1e6,
        leads.getMaxValue() / 1e6, agents.getTotalCount(), agents.getValueAtPercentile(50) / 1e6,
        agents.getValueAtPercentile(99) / 1e6);
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
