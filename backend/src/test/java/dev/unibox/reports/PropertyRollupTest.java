package dev.unibox.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.store.Database;
import dev.unibox.testing.Await;
import dev.unibox.testing.MutableClock;
import dev.unibox.testing.TestDatabases;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Property: whatever order the rows commit in and whenever the sweep runs in between, the rollups equal a
 * recomputation from scratch. Messages carry random platform times over three days (out of order, across
 * midnight in three time zones); activities, ratings and order events are stamped when they commit, as in the
 * service. Buyers have several conversations and orders, some chats are after-sale (conversion).
 */
@ExtendWith(VertxExtension.class)
class PropertyRollupTest {

  private static final String[][] SHOPS = {{"p1", "pinduoduo", "Asia/Shanghai"}, {"s1", "shopee", "Asia/Bangkok"},
      {"t1", "tiktok", "America/Los_Angeles"}};
  private static final Instant START = Instant.parse("2026-11-22T00:00:00Z");

  @ParameterizedTest
  @ValueSource(longs = {1, 7, 42})
  void rollupsEqualAFromScratchRecomputation(long seed, Vertx vertx) throws Exception {
    Database db = TestDatabases.fresh(vertx);
    try {
      Random rnd = new Random(seed);
      MutableClock clock = new MutableClock(START.plus(Duration.ofDays(3)));
      ReportRows rows = new ReportRows(db.pool(), clock);
      for (String[] s : SHOPS) {
        rows.shop(s[0], s[1], s[2]);
      }
      long[] agents = {rows.agent("a1"), rows.agent("a2"), rows.agent("a3")};
      List<Runnable> events = new ArrayList<>();
      List<Exception> failures = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        String[] shop = SHOPS[rnd.nextInt(SHOPS.length)];
        // a few buyers per shop, so buyers have several conversations and orders (conversion)
        String buyer = "b" + rnd.nextInt(6);
        long conv = rows.conversation(shop[0], "c" + i, rnd.nextInt(12) == 0 ? "spam" : "closed", buyer);
        if (rnd.nextInt(4) == 0) {
          rows.category(conv, "after_sale");
        }
        Instant t = START.plusSeconds(rnd.nextInt(3 * 86_400));
        if (rnd.nextBoolean()) {
          OffsetDateTime placed = t.plusSeconds(rnd.nextInt(4 * 86_400)).atOffset(ZoneOffset.UTC);
          String order = "o" + i;
          events.add(() -> run(failures, () -> rows.order(shop[0], buyer, order, "UNPAID", placed)));
        }
        int n = 1 + rnd.nextInt(8);
        for (int k = 0; k < n; k++) {
          OffsetDateTime at = t.atOffset(ZoneOffset.UTC);
          long agent = agents[rnd.nextInt(agents.length)];
          int kind = rnd.nextInt(10);
          events.add(() -> run(failures, () -> {
            switch (kind) {
              case 0, 1, 2, 3 -> rows.in(conv, shop[0], at);
              case 4, 5, 6 -> rows.reply(conv, shop[0], agent, at);
              case 7 -> rows.autoReply(conv, shop[0], at);
              case 8 -> rows.activity(conv, rnd.nextBoolean() ? "transferred" : "closed", agent, agent,
                  clock.instant().atOffset(ZoneOffset.UTC));
              default -> rows.rating(conv, shop[0], agent, rnd.nextBoolean() ? "satisfied" : "dissatisfied",
                  rnd.nextBoolean() ? "bad_attitude" : null, clock.instant().atOffset(ZoneOffset.UTC));
            }
          }));
          t = t.plusSeconds(rnd.nextInt(rnd.nextBoolean() ? 400 : 20_000));
        }
      }
      Collections.shuffle(events, rnd);
      RollupSweep sweep = new RollupSweep(db.pool(), clock);
      for (Runnable e : events) {
        clock.advance(Duration.ofSeconds(1 + rnd.nextInt(120)));
        e.run();
        if (rnd.nextInt(6) == 0) {
          clock.advance(Duration.ofSeconds(1));
          Await.result(sweep.sweep());
        }
      }
      assertThat(failures).isEmpty();
      clock.advance(Duration.ofSeconds(1));
      Await.result(sweep.sweep());
      String incremental = snapshot(db.pool());
      assertThat(incremental).contains("p1").contains("s1").contains("t1");
      assertThat(Await.result(db.pool().query("SELECT sum(converted) FROM report_daily").execute())
          .iterator().next().getLong(0)).as("some chats converted").isPositive();

      Await.result(db.pool().query("DELETE FROM report_waits").execute());
      Await.result(db.pool().query("DELETE FROM report_daily").execute());
      Await.result(db.pool().query("DELETE FROM report_hourly").execute());
      Await.result(db.pool().query("DELETE FROM report_hourly_shop").execute());
      Await.result(db.pool().query("UPDATE report_sweep SET swept_until = '1970-01-01T00:00:00Z'").execute());
      Await.result(sweep.sweep());
      assertThat(snapshot(db.pool())).isEqualTo(incremental);
    } finally {
      Await.result(db.close());
    }
  }

  interface Step {
    void run() throws Exception;
  }

  private static void run(List<Exception> failures, Step step) {
    try {
      step.run();
    } catch (Exception e) {
      failures.add(e);
    }
  }

  /** Every rollup and wait row, as text, in key order. */
  static String snapshot(Pool pool) throws Exception {
    StringBuilder sb = new StringBuilder();
    Await.result(pool.query("SELECT d::text FROM report_daily d ORDER BY account_id, day, agent_id").execute())
        .forEach(r -> sb.append(r.getString(0)).append('\n'));
    Await.result(pool.query("SELECT h::text FROM report_hourly h ORDER BY account_id, day, hour, agent_id").execute())
        .forEach(r -> sb.append(r.getString(0)).append('\n'));
    Await.result(pool.query("SELECT h::text FROM report_hourly_shop h ORDER BY account_id, day, hour").execute())
        .forEach(r -> sb.append(r.getString(0)).append('\n'));
    Await.result(pool.query("SELECT w::text FROM report_waits w ORDER BY conversation_id, seq").execute())
        .forEach(r -> sb.append(r.getString(0)).append('\n'));
    return sb.toString();
  }
}
