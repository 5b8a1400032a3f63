package dev.unibox.bench;

import dev.unibox.adapters.shopee.fake.FakeShopee;
import dev.unibox.auth.TokenService;
import dev.unibox.store.Database;
import dev.unibox.testing.Await;
import dev.unibox.testing.ClusterConfigs;
import dev.unibox.testing.NodeProcesses;
import dev.unibox.testing.TestDatabases;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * One node against three (a benchmark, not a test): real services as separate JVMs ({@link NodeProcesses},
 * Hazelcast on loopback for three) on one embedded PostgreSQL with fsync and synchronous_commit on, six Shopee
 * shops on the fake Shopee. Signed pushes go to the nodes in turn. Measures per cluster size: ingest (closed
 * loop, acked/s and ack time), push → socket latency (open loop; with three nodes split by whether the socket
 * is on the node that took the push or on another), and the routing pass rate (a queued backlog drained by
 * the routers of every node). Then checks in the database that every acknowledged push is stored once.
 *
 * <p>Run: {@code scripts/bench-cluster.sh [pushes] [inFlight] [ratePerSecond] [backlog]}; writes the section
 * "One node against three" of docs/benchmarks.md.
 */
public final class ClusterBenchmark {

  private static final long PARTNER_ID = 2008001;
  private static final String PARTNER_KEY = "cluster-bench-partner-key-0123456789";
  /** What Shopee signs: the public URL in front of the nodes (nothing listens there; we deliver ourselves). */
  private static final String PUBLIC_CALLBACK = "http://127.0.0.1:9/webhooks/shopee";
  private static final String JWT_SECRET = "cluster-bench-session-key-0123456789abcdef";
  private static final int SHOPS = 6;
  private static final int BUYERS = 3000;
  private static final int AGENTS = 60;
  private static final int SUPERVISORS = 3;

  private record Result(int nodes, int acked, double ackedPerSecond, Histogram ack, Histogram sameNode,
                        Histogram otherNode, int backlog, double routedPerSecond, String check) {}

  public static void main(String[] args) {
    Harness.exitAfter(() -> run(args));
  }

  private static void run(String[] args) throws Exception {
    int pushes = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int inFlight = args.length > 1 ? Integer.parseInt(args[1]) : 16;
    int rate = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    int backlog = args.length > 3 ? Integer.parseInt(args[3]) : 2000;
    String load = "%.2f".formatted(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    Vertx vertx = Vertx.vertx();
    WebClient http = WebClient.create(vertx, new WebClientOptions(),
        new io.vertx.core.http.PoolOptions().setHttp1MaxSize(inFlight + 8));
    FakeShopee shopee = Await.result(new FakeShopee(vertx, PARTNER_ID, PARTNER_KEY, Clock.systemUTC()).start(0));
    for (int i = 1; i <= SHOPS; i++) {
      shopee.addShop(shop(i), "Shop " + i, "token-" + i, PUBLIC_CALLBACK);
    }
    List<Result> results = new ArrayList<>();
    String durability = "";
    for (int nodes : new int[] {1, 3}) {
      Database db = TestDatabases.fresh(vertx);
      durability = "fsync=" + show(db.pool(), "fsync") + ", synchronous_commit=" + show(db.pool(), "synchronous_commit");
      try (NodeProcesses processes = startNodes(nodes, db, shopee, http)) {
        results.add(measure(vertx, http, shopee, db, processes, nodes, pushes, inFlight, rate, backlog));
      }
      Await.result(db.close());
      System.out.println(table(results));
    }
    String body = """
        Command (from the repository root): `scripts/bench-cluster.sh %d %d %d %d`

        Run %s on %d cores (`nproc`), load average %s at the start, Java %s. Every node is a separate JVM
        (`dev.unibox.Main`, `-Xmx512m`), three nodes form a Hazelcast cluster on loopback (one node runs without
        a cluster, the default); one embedded PostgreSQL 18 (%s) for all of them; the harness (fake Shopee,
        sockets, load) is a fourth JVM. **All of it shares the same %d cores**, so three nodes here cannot be
        faster than one: the figures show what the cluster costs (event bus hops, heartbeats, lease renewals),
        not what three machines would do.
        Ingest: %,d signed Shopee pushes (after a warm-up of %d) kept %d in flight, sent to the nodes in turn,
        %d buyers over %d shops. Push → socket: an open loop of %d pushes/s for 5 s while %d agents and %d
        supervisors have a socket each, spread over the nodes; latency from the push's scheduled time to the
        `message.created` frame. Routing: a backlog of %,d queued conversations drained by the routers of every
        node (each pass one transaction under the routing lock) to %d agents with room.

        %s
        """.formatted(pushes, inFlight, rate, backlog, LocalDate.now(), Runtime.getRuntime().availableProcessors(),
        load, System.getProperty("java.version"), durability, Runtime.getRuntime().availableProcessors(), pushes,
        warmup(pushes), inFlight, BUYERS, SHOPS, rate, AGENTS, SUPERVISORS, backlog, AGENTS, table(results));
    System.out.println(body);
    BenchmarkDoc.writeSection("One node against three", body);
    Await.result(shopee.stop());
  }

  private static int warmup(int pushes) {
    return Math.max(300, pushes / 10);
  }

  private static Result measure(Vertx vertx, WebClient http, FakeShopee shopee, Database db, NodeProcesses processes,
                                int nodes, int pushes, int inFlight, int rate, int backlog) throws Exception {
    Pool pool = db.pool();
    List<Long> users = addUsers(pool);
    long newest = Await.result(pool.query("SELECT event_log_horizon() - 1").execute()).iterator().next().getLong(0);
    // set just before the open loop starts; frames of its pushes only come after that
    AtomicReference<long[]> scheduled = new AtomicReference<>();
    Histogram same = new Histogram(60_000_000_000L, 3);
    Histogram other = new Histogram(60_000_000_000L, 3);
    TokenService tokens = new TokenService(vertx, JWT_SECRET, 12, Clock.systemUTC());
    List<WebSocket> sockets = new ArrayList<>();
    for (int n = 0; n < nodes; n++) {
      int node = n;
      List<Long> here = new ArrayList<>();
      for (int u = n; u < users.size(); u += nodes) {
        here.add(users.get(u));
      }
      sockets.addAll(BenchSockets.connect(vertx, processes.nodes().get(n).httpPort(), tokens, here, 1, newest,
          (frame, user) -> {
            JsonObject message = frame.getJsonObject("data", new JsonObject()).getJsonObject("message");
            String text = message == null ? null : message.getString("text");
            if (text != null && text.startsWith("live")) {
              int i = Integer.parseInt(text.substring(4));
              Histogram h = i % nodes == node ? same : other;
              synchronized (h) {
                h.recordValue(Math.max(0, System.nanoTime() - scheduled.get()[i]));
              }
            }
          }));
    }
    PushLoad.closedLoop(vertx, warmup(pushes), inFlight, i -> push(http, shopee, processes, i, "warm-up " + i), 0, null);
    Histogram ack = new Histogram(60_000_000_000L, 3);
    long t0 = System.nanoTime();
    int acked = PushLoad.closedLoop(vertx, pushes, inFlight, i -> push(http, shopee, processes, i, "question " + i),
        warmup(pushes), ack);
    double ackedPerSecond = acked / ((System.nanoTime() - t0) / 1e9);
    scheduled.set(PushLoad.schedule(rate, 5));
    int liveAcked = PushLoad.openLoop(vertx, scheduled.get(), i -> push(http, shopee, processes, i, "live" + i));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline && same.getTotalCount() + other.getTotalCount() < (long) SUPERVISORS * liveAcked) {
      Thread.onSpinWait();
    }
    double routed = drainBacklog(pool, backlog); // before the sockets close: their agents are the ones online
    long lost = sockets.stream().filter(WebSocket::isClosed).count(); // a socket the nodes closed explains missing frames
    sockets.forEach(WebSocket::close);
    return new Result(nodes, acked, ackedPerSecond, ack, same, other, backlog, routed,
        check(pool, warmup(pushes) + acked + liveAcked) + "; %d of %d sockets closed early".formatted(lost, sockets.size()));
  }

  /** Agents with room for everything the run routes and three supervisors (who see every message). */
  private static List<Long> addUsers(Pool pool) throws Exception {
    Await.result(pool.preparedQuery("""
        INSERT INTO users (username, display_name, role, password_hash, all_accounts, max_concurrent, presence_choice,
                           presence, languages)
        SELECT 'agent' || g, 'Agent ' || g, 'agent', 'x', true, 1000, 'online', 'online', ARRAY['en','ms','zh']
        FROM generate_series(1, $1) g
        UNION ALL
        SELECT 'lead' || g, 'Lead ' || g, 'supervisor', 'x', true, 0, 'online', 'online', ARRAY['en']
        FROM generate_series(1, $2) g""").execute(io.vertx.sqlclient.Tuple.of(AGENTS, SUPERVISORS)));
    List<Long> ids = new ArrayList<>();
    Await.result(pool.query("SELECT id FROM users WHERE username ~ '^(agent|lead)[0-9]+$' ORDER BY id").execute())
        .forEach(r -> ids.add(r.getLong(0)));
    return ids;
  }

  /**
   * Queues the backlog and waits until the nodes' routers assigned all of it; answers assignments per second,
   * or NaN when it was not drained within two minutes (the table says so).
   */
  private static double drainBacklog(Pool pool, int backlog) throws Exception {
    Await.result(RoutingBenchmark.queueBacklog(pool, backlog, "backlog", "shop-1", "shop-2"));
    long t0 = System.nanoTime();
    long deadline = t0 + TimeUnit.MINUTES.toNanos(2);
    Object monitor = new Object();
    while (single(pool, "SELECT count(*) FROM conversations WHERE status = 'queued'") > 0) {
      if (System.nanoTime() > deadline) {
        return Double.NaN;
      }
      synchronized (monitor) {
        monitor.wait(20);
      }
    }
    return backlog / ((System.nanoTime() - t0) / 1e9);
  }

  /** A buyer writes; Shopee's own delivery fails (nothing at the public URL), so we post the signed push to a node. */
  private static Future<Integer> push(WebClient http, FakeShopee shopee, NodeProcesses processes, int i, String text) {
    NodeProcesses.Node node = processes.nodes().get(i % processes.nodes().size());
    return shopee.pushBuyerText(shop(1 + i % SHOPS), String.valueOf(600_000 + i % BUYERS), "Buyer", text)
        .compose(o -> http.postAbs(node.url() + "/webhooks/shopee").putHeader("Authorization", o.authorization())
            .putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(o.body())))
        .map(r -> r.statusCode());
  }

  private static NodeProcesses startNodes(int count, Database db, FakeShopee shopee, WebClient http) throws Exception {
    PgConnectOptions pg = TestDatabases.options(db);
    List<Integer> hz = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      hz.add(NodeProcesses.freePort());
    }
    String members = String.join(",", hz.stream().map(p -> "127.0.0.1:" + p).toList());
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    Path logs = Files.createDirectories(BenchmarkDoc.root().resolve("backend/target/cluster-bench"));
    NodeProcesses processes = new NodeProcesses(logs, Map.of(
        "UNIBOX_AUTH_BOOTSTRAPADMIN_PASSWORD", "cluster-bench-admin-1",
        "UNIBOX_AUTH_JWTSECRET", JWT_SECRET,
        "UNIBOX_CONFIG_DIR", BenchmarkDoc.root().resolve("config").toString(),
        "UNIBOX_CREDENTIALS_KEY", Base64.getEncoder().encodeToString(key)), List.of("-Xmx512m"));
    try {
      startEach(processes, count, hz, members, pg, shopee, http);
    } catch (Exception | AssertionError e) {
      processes.close(); // the nodes already started must not outlive the harness
      throw e;
    }
    return processes;
  }

  private static void startEach(NodeProcesses processes, int count, List<Integer> hz, String members,
                                PgConnectOptions pg, FakeShopee shopee, WebClient http) throws Exception {
    for (int i = 0; i < count; i++) {
      String cluster = count == 1 ? "" : ClusterConfigs.clusterYaml(i + 1, hz, members);
      processes.start("node" + (i + 1), ClusterConfigs.databaseYaml(pg, 8) + """
          routing: {sweepMillis: 200}
          """ + cluster + accounts(shopee),
          http);
    }
  }

  /** The six shops, the same on every node; the polling backstop is pushed out of the measurement. */
  private static String accounts(FakeShopee shopee) {
    return ClusterConfigs.accountsYaml(shopee, SHOPS, PARTNER_ID, PARTNER_KEY, PUBLIC_CALLBACK,
        "{pollIntervalSeconds: \"3600\"}");
  }

  private static long shop(int i) {
    return ClusterConfigs.shopId(i);
  }

  /** Every acknowledged push is one stored message, none stored twice. */
  private static String check(Pool pool, int acked) throws Exception {
    long messages = single(pool, "SELECT count(*) FROM messages WHERE direction = 'in'");
    long distinct = single(pool, "SELECT count(DISTINCT (account_id, platform_message_id)) FROM messages WHERE direction = 'in'");
    return messages == distinct && messages >= acked ? "%,d acked, %,d stored once".formatted(acked, messages)
        : "MISMATCH: %,d acked, %,d stored, %,d distinct".formatted(acked, messages, distinct);
  }

  private static String table(List<Result> results) {
    StringBuilder b = new StringBuilder("""
        | nodes | pushes acked/s | ack p50 ms | ack p99 ms | push → socket on the receiving node p50 / p99 ms \
        | push → socket on another node p50 / p99 ms | backlog routed, assignments/s | database check |
        |---:|---:|---:|---:|---|---|---:|---|
        """);
    for (Result r : results) {
      b.append("| %d | %,.0f | %.1f | %.1f | %s | %s | %s | %s |%n".formatted(r.nodes, r.ackedPerSecond,
          ms(r.ack, 50), ms(r.ack, 99), pair(r.sameNode), pair(r.otherNode),
          Double.isNaN(r.routedPerSecond) ? "not drained in 2 min" : "%,.0f".formatted(r.routedPerSecond), r.check));
    }
    return b.toString();
  }

  private static String pair(Histogram h) {
    return h.getTotalCount() == 0 ? "—" : "%.1f / %.1f (%,d frames)".formatted(ms(h, 50), ms(h, 99), h.getTotalCount());
  }

  private static double ms(Histogram h, double percentile) {
    return h.getValueAtPercentile(percentile) / 1e6;
  }

  private static String show(Pool pool, String setting) throws Exception {
    return Await.result(pool.query("SHOW " + setting).execute()).iterator().next().getString(0);
  }

  private static long single(Pool pool, String sql) throws Exception {
    return Await.result(pool.query(sql).execute()).iterator().next().getLong(0);
  }
}
