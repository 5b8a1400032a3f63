package dev.unibox.reports;

import static dev.unibox.reports.ReportRows.local;
import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.store.Database;
import dev.unibox.testing.Await;
import dev.unibox.testing.MutableClock;
import dev.unibox.testing.TestDatabases;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Agent workload from presence intervals on a fixed clock, by hand, with days cut in Shanghai (UTC+8): online
 * hours, chats held on average and at most while online, utilisation; time away does not count; an open
 * interval counts up to the clock and is recomputed when it closes.
 */
@ExtendWith(VertxExtension.class)
class WorkloadReportTest {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final LocalDate DAY = LocalDate.parse("2026-11-23");

  private Database db;
  private MutableClock clock;
  private RollupSweep sweep;
  private long mei;

  @BeforeEach
  void seed(Vertx vertx) throws Exception {
    db = TestDatabases.fresh(vertx);
    clock = new MutableClock(Instant.parse("2026-11-24T12:00:00Z"));
    ReportRows r = new ReportRows(db.pool(), clock);
    r.shop("pdd", "pinduoduo", "Asia/Shanghai");
    mei = r.agent("mei");
    // mei has figures on both Shanghai days, so she is a group of the per-agent report
    long c1 = r.conversation("pdd", "c1", "closed");
    r.in(c1, "pdd", local("Asia/Shanghai", "2026-11-23T17:00:00"));
    r.reply(c1, "pdd", mei, local("Asia/Shanghai", "2026-11-23T17:01:00"));
    long c2 = r.conversation("pdd", "c2", "closed");
    r.in(c2, "pdd", local("Asia/Shanghai", "2026-11-24T10:00:00"));
    r.reply(c2, "pdd", mei, local("Asia/Shanghai", "2026-11-24T10:01:00"));

    // her history (UTC), replacing what the trigger recorded when she was created
    exec("DELETE FROM presence_intervals WHERE user_id = $1", mei);
    interval("2026-11-23T08:00:00Z", "2026-11-23T09:30:00Z", "online", 1, 4);   // 5400 s, 1 chat
    interval("2026-11-23T09:30:00Z", "2026-11-23T10:00:00Z", "online", 3, 4);   // 1800 s, 3 chats
    interval("2026-11-23T10:00:00Z", "2026-11-23T12:00:00Z", "away", 3, 4);     // away: not online time
    interval("2026-11-23T12:00:00Z", "2026-11-23T12:30:00Z", "online", 2, 4);   // 1800 s, 2 chats
    interval("2026-11-23T12:30:00Z", "2026-11-23T15:30:00Z", "offline", 2, 4);
    interval("2026-11-23T15:30:00Z", "2026-11-23T16:30:00Z", "online", 0, 4);   // across Shanghai's midnight (16:00Z)
    interval("2026-11-23T16:30:00Z", "2026-11-24T11:00:00Z", "offline", 0, 4);
    interval("2026-11-24T11:00:00Z", null, "online", 2, 4);                     // open: up to the clock, 12:00Z

    sweep = new RollupSweep(db.pool(), clock);
    Await.result(sweep.sweep());
  }

  @AfterEach
  void close() throws Exception {
    Await.result(db.close());
  }

  @Test
  void workloadByHand() throws Exception {
    StringBuilder hours = new StringBuilder();
    Await.result(db.pool().query("SELECT to_char(hour AT TIME ZONE 'UTC', 'DD HH24') || ' ' || online_seconds || ' ' "
        + "|| chat_seconds || ' ' || peak_chats FROM report_workload WHERE online_seconds > 0 ORDER BY hour").execute())
        .forEach(row -> hours.append(row.getString(0)).append('\n'));
    assertThat(hours.toString()).isEqualTo("""
        23 08 3600 3600 1
        23 09 3600 7200 3
        23 12 1800 3600 2
        23 15 1800 0 0
        23 16 1800 0 0
        24 11 3600 7200 2
        """);
    JsonObject first = meiOn(DAY);
    // online 5400 + 1800 + 1800 + 1800 (15:30-16:00Z) = 10800 s; chat-seconds 5400 + 5400 + 3600 + 0 = 14400
    assertThat(first.getDouble("onlineHours")).isEqualTo(3.0);
    assertThat(first.getDouble("averageChats")).as("14400 / 10800").isEqualTo(1.33);
    assertThat(first.getInteger("peakChats")).isEqualTo(3);
    assertThat(first.getDouble("utilisation")).as("14400 / (4 x 10800)").isEqualTo(1.0 / 3);

    JsonObject second = meiOn(DAY.plusDays(1));
    // 1800 (16:00-16:30Z) with no chat + 3600 (11:00-12:00Z, open) with 2 chats
    assertThat(second.getDouble("onlineHours")).isEqualTo(1.5);
    assertThat(second.getDouble("averageChats")).as("7200 / 5400").isEqualTo(1.33);
    assertThat(second.getInteger("peakChats")).isEqualTo(2);
    assertThat(second.getDouble("utilisation")).as("7200 / (4 x 5400)").isEqualTo(1.0 / 3);
  }

  @Test
  void theOpenIntervalIsRecomputedWhenItCloses() throws Exception {
    exec("UPDATE presence_intervals SET ended_at = '2026-11-24T12:30:00Z' WHERE user_id = $1 AND ended_at IS NULL", mei);
    clock.advance(Duration.ofHours(1));
    Await.result(sweep.sweep());

    JsonObject second = meiOn(DAY.plusDays(1));
    // 1800 + 5400 (11:00-12:30Z) = 7200 s; chat-seconds 2 x 5400 = 10800
    assertThat(second.getDouble("onlineHours")).isEqualTo(2.0);
    assertThat(second.getDouble("averageChats")).isEqualTo(1.5);
    assertThat(second.getDouble("utilisation")).as("10800 / 28800").isEqualTo(0.375);
    assertThat(meiOn(DAY).getDouble("onlineHours")).as("the first day is unchanged").isEqualTo(3.0);
  }

  @Test
  void noWorkloadWithoutAZoneOrPerShop() throws Exception {
    ReportService service = new ReportService(db.pool());
    JsonObject stored = Await.result(service.report(new ReportFilter(DAY, DAY, List.of("pdd"), null, null, null, "agent")));
    assertThat(stored.getJsonArray("groups").getJsonObject(0).containsKey("workload")).isFalse();
    JsonObject perDay = Await.result(service.report(new ReportFilter(DAY, DAY, List.of("pdd"), null, null, null, "day",
        SHANGHAI)));
    assertThat(perDay.getJsonArray("groups").getJsonObject(0).containsKey("workload")).isFalse();
  }

  private JsonObject meiOn(LocalDate day) throws Exception {
    JsonObject report = Await.result(new ReportService(db.pool()).report(
        new ReportFilter(day, day, List.of("pdd"), null, null, null, "agent", SHANGHAI)));
    JsonArray groups = report.getJsonArray("groups");
    for (int i = 0; i < groups.size(); i++) {
      if (String.valueOf(mei).equals(groups.getJsonObject(i).getString("key"))) {
        return groups.getJsonObject(i).getJsonObject("workload");
      }
    }
    throw new AssertionError("mei is not in " + groups.encode());
  }

  private void interval(String from, String to, String presence, int chats, int capacity) throws Exception {
    exec("INSERT INTO presence_intervals (user_id, started_at, ended_at, presence, chats, capacity) "
        + "VALUES ($1, $2, $3, $4, $5, $6)", mei, OffsetDateTime.parse(from),
        to == null ? null : OffsetDateTime.parse(to), presence, chats, capacity);
  }

  private void exec(String sql, Object... params) throws Exception {
    Await.result(db.pool().preparedQuery(sql).execute(Tuple.from(params)));
  }
}
