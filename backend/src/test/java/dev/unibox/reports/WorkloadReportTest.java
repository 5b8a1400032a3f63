package dev.unibox.reports;

import static dev.unibox.reports.ReportDatabase.group;
import static dev.unibox.reports.ReportRows.local;
import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.Await;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Agent workload from presence intervals on a fixed clock, by hand, with days cut in Shanghai (UTC+8): online
 * hours, chats held on average and at most while online, utilisation; time away does not count; an open
 * interval counts up to the clock and is recomputed when it closes.
 */
class WorkloadReportTest {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final LocalDate DAY = LocalDate.parse("2026-11-23");

  @RegisterExtension
  final ReportDatabase data = new ReportDatabase("2026-11-24T12:00:00Z");
  private long mei;

  @BeforeEach
  void seed() throws Exception {
    ReportRows r = data.rows();
    r.shop("pdd", "pinduoduo", "Asia/Shanghai");
    mei = r.agent("mei");
    // mei has figures on both Shanghai days, so she is a group of the per-agent report
    r.answered("pdd", "c1", mei, local("Asia/Shanghai", "2026-11-23T17:00:00"),
        local("Asia/Shanghai", "2026-11-23T17:01:00"));
    r.answered("pdd", "c2", mei, local("Asia/Shanghai", "2026-11-24T10:00:00"),
        local("Asia/Shanghai", "2026-11-24T10:01:00"));

    // her history (UTC), replacing what the trigger recorded when she was created
    r.exec("DELETE FROM presence_intervals WHERE user_id = $1", mei);
    r.presence(mei, "2026-11-23T08:00:00Z", "2026-11-23T09:30:00Z", "online", 1, 4);  // 5400 s, 1 chat
    r.presence(mei, "2026-11-23T09:30:00Z", "2026-11-23T10:00:00Z", "online", 3, 4);  // 1800 s, 3 chats
    r.presence(mei, "2026-11-23T10:00:00Z", "2026-11-23T12:00:00Z", "away", 3, 4);    // away: not online time
    r.presence(mei, "2026-11-23T12:00:00Z", "2026-11-23T12:30:00Z", "online", 2, 4);  // 1800 s, 2 chats
    r.presence(mei, "2026-11-23T12:30:00Z", "2026-11-23T15:30:00Z", "offline", 2, 4);
    r.presence(mei, "2026-11-23T15:30:00Z", "2026-11-23T16:30:00Z", "online", 0, 4);  // across Shanghai's midnight (16:00Z)
    r.presence(mei, "2026-11-23T16:30:00Z", "2026-11-24T11:00:00Z", "offline", 0, 4);
    r.presence(mei, "2026-11-24T11:00:00Z", null, "online", 2, 4);                    // open: up to the clock, 12:00Z

    data.sweep();
  }

  @Test
  void workloadByHand() throws Exception {
    StringBuilder hours = new StringBuilder();
    Await.result(data.pool().query("SELECT to_char(hour AT TIME ZONE 'UTC', 'DD HH24') || ' ' || online_seconds || ' ' "
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
    data.rows().exec("UPDATE presence_intervals SET ended_at = '2026-11-24T12:30:00Z' WHERE user_id = $1 AND ended_at IS NULL", mei);
    data.clock.advance(Duration.ofHours(1));
    data.sweep();

    JsonObject second = meiOn(DAY.plusDays(1));
    // 1800 + 5400 (11:00-12:30Z) = 7200 s; chat-seconds 2 x 5400 = 10800
    assertThat(second.getDouble("onlineHours")).isEqualTo(2.0);
    assertThat(second.getDouble("averageChats")).isEqualTo(1.5);
    assertThat(second.getDouble("utilisation")).as("10800 / 28800").isEqualTo(0.375);
    assertThat(meiOn(DAY).getDouble("onlineHours")).as("the first day is unchanged").isEqualTo(3.0);
  }

  @Test
  void noWorkloadWithoutAZoneOrPerShop() throws Exception {
    JsonObject stored = data.report(new ReportFilter(DAY, DAY, List.of("pdd"), null, null, null, "agent"));
    assertThat(stored.getJsonArray("groups").getJsonObject(0).containsKey("workload")).isFalse();
    JsonObject perDay = data.report(new ReportFilter(DAY, DAY, List.of("pdd"), null, null, null, "day", SHANGHAI));
    assertThat(perDay.getJsonArray("groups").getJsonObject(0).containsKey("workload")).isFalse();
  }

  private JsonObject meiOn(LocalDate day) throws Exception {
    JsonObject report = data.report(new ReportFilter(day, day, List.of("pdd"), null, null, null, "agent", SHANGHAI));
    return group(report.getJsonArray("groups"), String.valueOf(mei)).getJsonObject("workload");
  }
}
