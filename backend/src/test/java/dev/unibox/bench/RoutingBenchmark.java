package dev.unibox.bench;

import dev.unibox.accounts.AccountStore;
import dev.unibox.adapters.spi.AccountConfig;
import dev.unibox.adapters.spi.AccountCredentials;
import dev.unibox.routing.Assigner;
import dev.unibox.routing.DeadlinePolicy;
import dev.unibox.routing.PriorityPolicy;
import dev.unibox.routing.RoutingPolicy;
import dev.unibox.store.Database;
import dev.unibox.testing.Await;
import dev.unibox.testing.TestDatabases;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Routing benchmark (a harness, not a test): assignments per second and decision-to-commit latency of
 * the real {@link Assigner} over the embedded PostgreSQL on this machine. A backlog of queued
 * conversations (three languages, two shops) is drained by 200 skilled agents with room, each
 * assignment committed with its activity and its events (agent + 3 supervisors). Scenarios: one router
 * with different pass sizes (the default priority policy, then the deadline policy, whose order no index
 * serves), and four routers at once as on four nodes (each with its own Vert.x and pool). Latency per assignment = commit time of its pass minus the time its decision was taken.
 *
 * <p>Run: {@code mvn -q -pl backend -am test-compile exec:java -Dexec.skip=true -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.unibox.bench.RoutingBenchmark} (add {@code -Dexec.args=quick} for a short run).
 */
public final class RoutingBenchmark {

  private static final String COMMAND = "mvn -q -pl backend -am test-compile exec:java -Dexec.skip=true -Dexec.classpathScope=test "
      + "-Dexec.mainClass=dev.unibox.bench.RoutingBenchmark";

  private RoutingBenchmark() {}

  public static void main(String[] args) {
    Harness.exitAfter(() -> benchmark(args));
  }

  private static void benchmark(String[] args) throws Exception {
    boolean quick = args.length > 0 && "quick".equals(args[0]);
    String load = "%.2f".formatted(java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    int perRun = quick ? 2_000 : 10_000;
    Vertx vertx = Vertx.vertx();
    Database db = TestDatabases.fresh(vertx);
    Pool pool = db.pool();
    setUp(pool);
    List<String> rows = new ArrayList<>();
    // warm-up (JIT, plan cache, buffers)
    run(vertx, List.of(pool), 1, 50, 3_000, "warm-up", null);
    for (int perPass : new int[] {1, 5, 10, 20, 50, 200}) {
      rows.add(run(vertx, List.of(pool), 1, perPass, perPass == 1 ? perRun / 5 : perRun, "1 router", null));
    }
    // the deadline policy's key depends on the time: no index serves it, every page sorts the queue
    for (int perPass : new int[] {10, 50}) {
      rows.add(run(vertx, List.of(pool), 1, perPass, perRun, "1 router, `deadline` policy", null, new DeadlinePolicy()));
    }
    List<Vertx> nodes = new ArrayList<>();
    List<Pool> pools = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Vertx node = Vertx.vertx();
      nodes.add(node);
      pools.add(PgBuilder.pool().with(new PoolOptions().setMaxSize(2))
          .connectingTo(new io.vertx.pgclient.PgConnectOptions(TestDatabases.options(db)).setCachePreparedStatements(true))
          .using(node).build());
    }
    rows.add(run(vertx, pools, 4, 10, perRun, "4 routers (4 nodes)", nodes));
    rows.add(run(vertx, pools, 4, 50, perRun, "4 routers (4 nodes)", nodes));
    for (int i = 0; i < 4; i++) {
      Await.result(pools.get(i).close());
      Await.result(nodes.get(i).close());
    }
    String table = """
        Command: `%s`

        Machine: %d cores, Java %s, embedded PostgreSQL 18 (zonky) on loopback, pool of 8 connections; load average
        at the start %s (other processes share these 2 cores: read the figures with that in mind).
        Each run drains %,d queued conversations (a fifth of that for one assignment per pass) (languages en/ms/zh, two shops) to 200 online agents with skills
        and room; every assignment writes the conversation, the agent's seat, a timeline activity and 4 events
        (agent + 3 supervisors) in the pass's transaction. Latency = pass commit minus the assignment's
        decision (HdrHistogram). Target: ≥ 1,000 assignments/s and p99 ≤ 10 ms.

        | scenario | assignments per pass (max) | assignments/s | p50 ms | p99 ms | max ms |
        |---|---|---|---|---|---|
        %s
        """.formatted(COMMAND, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), load,
        perRun, String.join("\n", rows));
    System.out.println(table);
    if (!quick) {
      BenchmarkDoc.writeSection("Routing throughput and latency", table);
    }
    Await.result(db.close());
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static void setUp(Pool pool) throws Exception {
    Await.result(AccountStore.sync(pool, List.of(account("shopee-my-01", "221"), account("shopee-tw-01", "222"))));
    // users straight in SQL: bcrypt for 200 logins nobody uses would only slow the set-up
    Await.result(pool.query("""
        INSERT INTO users (username, display_name, role, password_hash, all_accounts, max_concurrent, presence, languages)
        SELECT 'agent' || g, 'Agent ' || g, 'agent', 'x', true, 60, 'online',
               CASE g % 4 WHEN 0 THEN ARRAY['en','ms'] WHEN 1 THEN ARRAY['zh','en'] WHEN 2 THEN ARRAY['ms']
                          ELSE ARRAY['en','zh'] END
        FROM generate_series(1, 200) g""").execute());
    Await.result(pool.query("""
        INSERT INTO users (username, display_name, role, password_hash, all_accounts, max_concurrent)
        SELECT 'lead' || g, 'Lead ' || g, 'supervisor', 'x', true, 3 FROM generate_series(1, 3) g""").execute());
  }

  private static AccountConfig account(String id, String shop) {
    return new AccountConfig(id, "shopee", shop, id, "MY", "Asia/Kuala_Lumpur", "https://x.invalid",
        "https://x.invalid/cb", new AccountCredentials("k", "s", "t", "r"), Map.of());
  }

  private static int batch;

  /**
   * Queues n new conversations (one new buyer each, languages en/ms/zh in turn, every fifth urgent), half on
   * each of the two accounts; {@code batch} keeps the buyers of separate calls apart.
   */
  static Future<?> queueBacklog(Pool pool, int n, String batch, String accountA, String accountB) {
    return pool.preparedQuery("""
        WITH x AS (SELECT g, (ARRAY['en','ms','zh'])[1 + g % 3] AS lang,
                          CASE WHEN g % 2 = 0 THEN $3 ELSE $4 END AS account
                   FROM generate_series(1, $1) g),
             b AS (INSERT INTO buyers (account_id, platform_buyer_id, name)
                   SELECT account, 'bench-' || $2 || '-' || g, 'buyer' FROM x RETURNING id, account_id, platform_buyer_id)
        INSERT INTO conversations (account_id, platform_conversation_id, buyer_id, status, priority, language, queued_at,
                                   waiting_since, sla_due_at, sla_warn_at, sla_state, created_at, updated_at)
        SELECT b.account_id, b.platform_buyer_id, b.id, 'queued', (x.g % 5 = 0)::int, x.lang, now(), now(),
               now() + interval '1 hour' + x.g * interval '1 millisecond', now() + interval '1 hour', 'running', now(), now()
        FROM b JOIN x ON b.platform_buyer_id = 'bench-' || $2 || '-' || x.g""")
        .execute(Tuple.of(n, batch, accountA, accountB));
  }

  private static String run(Vertx vertx, List<Pool> pools, int routers, int perPass, int n, String label,
                            List<Vertx> nodes) throws Exception {
    return run(vertx, pools, routers, perPass, n, label, nodes, new PriorityPolicy());
  }

  private static String run(Vertx vertx, List<Pool> pools, int routers, int perPass, int n, String label,
                            List<Vertx> nodes, RoutingPolicy policy) throws Exception {
    Pool pool = pools.get(0);
    // free every seat, then queue n fresh conversations
    Await.result(pool.query("UPDATE conversations SET status = 'closed', assignee_id = NULL, queued_at = NULL "
        + "WHERE status <> 'closed'").execute());
    Await.result(pool.query("UPDATE users SET active_count = 0").execute());
    int b = ++batch;
    Await.result(queueBacklog(pool, n, String.valueOf(b), "shopee-my-01", "shopee-tw-01"));
    Await.result(pool.query("VACUUM ANALYZE conversations").execute());
    Await.result(pool.query("ANALYZE users").execute());

    Histogram latency = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
    Assigner.Observer observer = (assignments, committedAt) -> {
      synchronized (latency) {
        for (Assigner.Assignment a : assignments) {
          latency.recordValue(Math.max(0, committedAt - a.decidedAtNanos()));
        }
      }
    };
    List<Future<Integer>> drains = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < routers; i++) {
      Vertx node = nodes == null ? vertx : nodes.get(i);
      drains.add(new Assigner(node, pools.get(i % pools.size()), Clock.systemUTC(), policy).maxPerPass(perPass).observe(observer)
          .drain());
    }
    int assigned = 0;
    for (Future<Integer> d : drains) {
      assigned += d.toCompletionStage().toCompletableFuture().get(30, TimeUnit.MINUTES);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (assigned != n) {
      throw new IllegalStateException(label + ": assigned " + assigned + " of " + n);
    }
    String row = "| %s | %d | %,.0f | %.2f | %.2f | %.2f |".formatted(label, perPass, assigned / seconds,
        latency.getValueAtPercentile(50) / 1e6, latency.getValueAtPercentile(99) / 1e6, latency.getMaxValue() / 1e6);
    System.out.println(row);
    return row;
  }
}
