package dev.unibox.bench;

import static dev.unibox.bench.OwnDatabase.await;

import dev.unibox.reports.ReportFilter;
import dev.unibox.reports.ReportService;
import dev.unibox.reports.RollupSweep;
import dev.unibox.testing.MutableClock;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Benchmark harness (not a unit test) and data generator: 1,000,000 conversations over 30 days in 20 shops
 * (four platforms, four time zones) and 100 agents, about 3.3 messages each, written with generate_series;
 * the real rollup sweep then builds the rollups, and 30-day reports are timed (JSON built, as the API
 * answers it). Section "Reports over 30 days" of docs/benchmarks.md.
 *
 * <pre>scripts/bench-reports.sh 1000000</pre>
 */
public final class ReportBenchmark {

  private static final String COMMAND = "scripts/bench-reports.sh ";
  private static final Instant BASE = Instant.parse("2026-10-01T00:00:00Z");
  private static final int SHOPS = 20;
  private static final int AGENTS = 100;
  private static final int QUERIES = 200;

  public static void main(String[] args) {
    Harness.exitAfter(() -> run(args));
  }

  private static void run(String[] args) throws Exception {
    int n = Integer.getInteger("reports.conversations", 1_000_000);
    Vertx vertx = Vertx.vertx();
    try {
      OwnDatabase own = OwnDatabase.start(vertx, "unibox-report-bench", 8, Map.of());
      Pool pool = own.pool();
      String durability = await(pool.query("SELECT current_setting('fsync') || ' / ' || current_setting('synchronous_commit')")
          .execute()).iterator().next().getString(0);
      long t0 = System.nanoTime();
      generate(pool, n);
      double genSeconds = (System.nanoTime() - t0) / 1e9;
      long messages = await(pool.query("SELECT count(*) FROM messages").execute()).iterator().next().getLong(0);
      System.out.printf("generated %d conversations, %d messages in %.0f s%n", n, messages, genSeconds);

      MutableClock clock = new MutableClock(BASE.plusSeconds(31L * 86_400));
      long t1 = System.nanoTime();
      RollupSweep.Result swept = await(new RollupSweep(pool, clock).sweep());
      double sweepSeconds = (System.nanoTime() - t1) / 1e9;
      long rollupRows = await(pool.query("SELECT count(*) FROM report_daily").execute()).iterator().next().getLong(0);
      long hourlyRows = await(pool.query("SELECT count(*) FROM report_hourly").execute()).iterator().next().getLong(0);
      System.out.printf("sweep: %d conversations, %d shop-days, %d daily and %d hourly rollup rows in %.0f s%n",
          swept.conversations(), swept.shopDays(), rollupRows, hourlyRows, sweepSeconds);
      // a three-shift roster in Shanghai time for the report per shift (the night crosses midnight)
      await(pool.query("INSERT INTO shifts (name, position, start_time, end_time, zone) VALUES "
          + "('day', 0, '08:00', '16:00', 'Asia/Shanghai'), ('evening', 1, '16:00', '23:00', 'Asia/Shanghai'), "
          + "('night', 2, '23:00', '08:00', 'Asia/Shanghai')").execute());

      List<String> shops = new ArrayList<>();
      for (int i = 1; i <= SHOPS; i++) {
        shops.add("shop-" + i);
      }
      ReportService service = new ReportService(pool);
      LocalDate from = LocalDate.parse("2026-10-01");
      LocalDate to = from.plusDays(29);
      String[] groups = {"day", "agent", "shop", "platform", "week", "hour", "shift"};
      List<String> rows = new ArrayList<>();
      for (String group : groups) {
        ReportFilter f = new ReportFilter(from, to, shops, null, null, null, group);
        for (int i = 0; i < 20; i++) {
          await(service.report(f)); // warm-up
        }
        double[] ms = new double[QUERIES];
        JsonObject last = null;
        for (int i = 0; i < QUERIES; i++) {
          long s = System.nanoTime();
          last = await(service.report(f));
          ms[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(ms);
        long conversations = last.getJsonObject("total").getLong("conversations");
        String row = String.format("| 30 days, all 20 shops, by %s | %d | %d | %.1f | %.1f | %.1f |", group, conversations,
            last.getJsonArray("groups").size(), ms[QUERIES / 2], ms[(int) Math.ceil(QUERIES * 0.95) - 1], ms[QUERIES - 1]);
        System.out.println(row);
        rows.add(row);
      }
      BenchmarkDoc.writeSection("Reports over 30 days", """
          Data generator and harness in one command (from the repository root; the row count is a parameter):

          ```
          %s
          ```

          Run %s, 2 cores shared with other builds, embedded PostgreSQL (fsync / synchronous_commit: %s). Generated %d
          conversations (%d messages) over 30 days in 20 shops and 100 agents in %.0f s; the real rollup sweep read them all
          and wrote %d daily and %d hourly rollup rows (%d shop-days) in %.0f s. Each report below was asked %d times after 20 warm-ups,
          one at a time, through `ReportService` (the rollup queries plus the JSON the API returns, without HTTP).

          | report | conversations counted | groups | p50 ms | p95 ms | max ms |
          |---|---:|---:|---:|---:|---:|
          %s

          A report is one SQL statement over the rollup rows (the groups; the total is their sum)
          and reads only rollup rows: one per shop, shop-day and agent who answered there (per hour and per shift:
          one per shop, shop-day, shop-local hour and agent, from report_hourly; shifts are a three-shift roster). Their number does not
          grow with the number of conversations in this shape (each agent serving one shop). The generator loads
          with set-based INSERTs and builds the secondary indexes of buyers, conversations and messages once
          after the load.
          """.formatted(COMMAND + n, LocalDate.now(), durability, n, messages, genSeconds, rollupRows, hourlyRows, swept.shopDays(),
          sweepSeconds, QUERIES, String.join("\n", rows)));
      own.close();
    } finally {
      await(vertx.close());
    }
  }


  /** Shops, agents, buyers, conversations and messages in a handful of set-based statements. */
  private static void generate(Pool pool, int n) throws Exception {
    String[] statements = {
        "INSERT INTO accounts (id, platform, shop_id, shop_name, region, time_zone) SELECT 'shop-' || i, "
            + "(ARRAY['pinduoduo','shopee','tiktok','lazada'])[1 + i % 4], 's' || i, 'Shop ' || i, 'XX', "
            + "(ARRAY['Asia/Shanghai','Asia/Bangkok','America/Los_Angeles','Asia/Kuala_Lumpur'])[1 + i % 4] "
            + "FROM generate_series(1, " + SHOPS + ") i",
        "INSERT INTO users (username, display_name, role, password_hash) SELECT 'agent' || i, 'Agent ' || i, 'agent', 'x' "
            + "FROM generate_series(1, " + AGENTS + ") i",
        "INSERT INTO buyers (id, account_id, platform_buyer_id, name) SELECT i, 'shop-' || (1 + i % " + SHOPS + "), 'b' || i, 'b' || i "
            + "FROM generate_series(1, $1) i",
        "INSERT INTO conversations (id, account_id, platform_conversation_id, buyer_id, status, created_at, updated_at) "
            + "SELECT i, 'shop-' || (1 + i % " + SHOPS + "), 'c' || i, i, 'closed', t, t FROM ("
            + "SELECT i, $2::timestamptz + make_interval(secs => (i::float8 * 2592000 / $1)) AS t FROM generate_series(1, $1) i) x",
        // first buyer message; a human reply within 0-10 min for 95 %; an auto-reply for every 5th
        "INSERT INTO messages (conversation_id, account_id, direction, body, author_name, status, at, created_at) "
            + "SELECT id, account_id, 'in', 'hello', 'buyer', 'received', created_at, created_at FROM conversations",
        "INSERT INTO messages (conversation_id, account_id, direction, message_type, body, author_name, status, at, created_at) "
            + "SELECT id, account_id, 'out', 'autoreply', 'hi', 'Auto-reply', 'sent', created_at + interval '2 seconds', "
            + "created_at + interval '2 seconds' FROM conversations WHERE id % 5 = 0",
        "INSERT INTO messages (conversation_id, account_id, direction, body, author_user_id, author_name, status, at, created_at) "
            + "SELECT id, account_id, 'out', 'answer', (SELECT min(id) FROM users) + (id * 7) % " + AGENTS + ", 'agent', 'sent', "
            + "created_at + make_interval(secs => 5 + (id * 37) % 600), created_at + make_interval(secs => 5 + (id * 37) % 600) "
            + "FROM conversations WHERE id % 20 <> 0",
        // a third of the buyers write again 15 minutes later and get an answer within 2 minutes
        "INSERT INTO messages (conversation_id, account_id, direction, body, author_name, status, at, created_at) "
            + "SELECT id, account_id, 'in', 'more', 'buyer', 'received', created_at + interval '15 minutes', "
            + "created_at + interval '15 minutes' FROM conversations WHERE id % 3 = 0",
        "INSERT INTO messages (conversation_id, account_id, direction, body, author_user_id, author_name, status, at, created_at) "
            + "SELECT id, account_id, 'out', 'again', (SELECT min(id) FROM users) + (id * 7) % " + AGENTS + ", 'agent', 'sent', "
            + "created_at + interval '15 minutes' + make_interval(secs => (id * 13) % 120), "
            + "created_at + interval '15 minutes' + make_interval(secs => (id * 13) % 120) FROM conversations WHERE id % 3 = 0",
        "SELECT setval('buyers_id_seq', $1), setval('conversations_id_seq', $1)",
        "ANALYZE"};
    // bulk load: the secondary indexes of the loaded tables (trigram, time, buyer …) are built once afterwards
    // instead of row by row; primary keys and unique constraints stay
    List<String> indexes = new ArrayList<>();
    for (var r : await(pool.query("""
        SELECT i.indexname, i.indexdef FROM pg_indexes i
        WHERE i.schemaname = current_schema() AND i.tablename IN ('buyers', 'conversations', 'messages')
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)""").execute())) {
      indexes.add(r.getString(1));
      await(pool.query("DROP INDEX " + r.getString(0)).execute());
    }
    for (String sql : statements) {
      if ("ANALYZE".equals(sql)) {
        long s = System.nanoTime();
        for (String index : indexes) {
          await(pool.query(index).execute());
        }
        System.out.printf("  %.1f s: %d secondary indexes rebuilt%n", (System.nanoTime() - s) / 1e9, indexes.size());
      }
      long s = System.nanoTime();
      if (sql.contains("$2")) {
        await(pool.preparedQuery(sql).execute(io.vertx.sqlclient.Tuple.of(n, BASE.atOffset(java.time.ZoneOffset.UTC))));
      } else if (sql.contains("$1")) {
        await(pool.preparedQuery(sql).execute(io.vertx.sqlclient.Tuple.of(n)));
      } else {
        await(pool.query(sql).execute());
      }
      System.out.printf("  %.1f s: %s%n", (System.nanoTime() - s) / 1e9, sql.substring(0, Math.min(70, sql.length())));
    }
  }
}
