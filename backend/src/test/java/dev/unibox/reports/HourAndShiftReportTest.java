package dev.unibox.reports;

import static dev.unibox.reports.ReportRows.local;
import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.Await;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Reports per shop-local hour of day, per clock hour and per shift, computed by hand from messages at known
 * times. Shop "pdd" keeps Shanghai time (UTC+8), so a UTC hour would put every chat 8 hours off; "lax" keeps Los
 * Angeles time. The roster (Shanghai): day 08:00–16:00, evening 16:00–23:00, night 23:00–07:00 (crosses
 * midnight); 07:00–08:00 is outside every shift.
 */
class HourAndShiftReportTest {

  static final String SH = "Asia/Shanghai";
  static final LocalDate DAY = LocalDate.parse("2026-11-23");

  @RegisterExtension
  final ReportDatabase data = new ReportDatabase("2026-11-24T12:00:00Z");
  private ReportRows r;
  private long mei;
  private long li;

  @BeforeEach
  void seed() throws Exception {
    r = data.rows();
    r.shop("pdd", "pinduoduo", SH);
    r.shop("lax", "shopee", "America/Los_Angeles");
    mei = r.agent("mei");
    li = r.agent("li");
    shift("day", 0, "08:00", "16:00");
    shift("evening", 1, "16:00", "23:00");
    shift("night", 2, "23:00", "07:00");

    // 02:15 on the 23rd (18:15 UTC on the 22nd): the night that began on the 22nd; closed without an answer
    long c4 = r.conversation("pdd", "c4", "closed");
    r.in(c4, "pdd", local(SH, "2026-11-23T02:15:00"));
    // 07:30, answered in 300 s: outside every shift
    r.answered("pdd", "c5", mei, local(SH, "2026-11-23T07:30:00"), local(SH, "2026-11-23T07:35:00"));
    // 10:00, an SLA warning and a transfer to li, who answers in 20 s
    long c6 = r.conversation("pdd", "c6", "closed");
    r.in(c6, "pdd", local(SH, "2026-11-23T10:00:00"));
    r.activity(c6, "sla_warning", null, mei, local(SH, "2026-11-23T10:00:05"));
    r.activity(c6, "transferred", mei, li, local(SH, "2026-11-23T10:00:10"));
    r.reply(c6, "pdd", li, local(SH, "2026-11-23T10:00:20"));
    // 22:59:30, answered at 23:00:30 (60 s): the wait is the evening's, the reply the night's
    r.answered("pdd", "c3", mei, local(SH, "2026-11-23T22:59:30"), local(SH, "2026-11-23T23:00:30"));
    // 23:00:00 sharp (the night's first instant), answered in 180 s
    r.answered("pdd", "c2", li, local(SH, "2026-11-23T23:00:00"), local(SH, "2026-11-23T23:03:00"));
    // 23:30 (15:30 UTC), answered in 40 s
    r.answered("pdd", "c1", mei, local(SH, "2026-11-23T23:30:00"), local(SH, "2026-11-23T23:30:40"));

    // Los Angeles, 23:30 on the 23rd = 15:30 on the 24th in Shanghai: hour 23 of the shop, the day shift
    r.answered("lax", "l1", mei, local("America/Los_Angeles", "2026-11-23T23:30:00"),
        local("America/Los_Angeles", "2026-11-23T23:31:00"));

    // mei online 23:00–24:00 Shanghai holding 2 chats, and 10:00–11:00 holding 1 (capacity 4)
    r.exec("DELETE FROM presence_intervals");
    r.presence(mei, "2026-11-23T15:00:00Z", "2026-11-23T16:00:00Z", "online", 2, 4);
    r.presence(mei, "2026-11-23T02:00:00Z", "2026-11-23T03:00:00Z", "online", 1, 4);

    data.sweep();
  }

  @Test
  void byHourOfDayInTheShopsZone() throws Exception {
    Map<String, JsonObject> hours = groups(report("hour", "pdd"));
    assertThat(hours.keySet()).containsExactly("02", "07", "10", "22", "23");
    assertThat(hours.get("23").getString("label")).isEqualTo("23:00–00:00");
    assertThat(hours.get("02").getLong("conversations")).isEqualTo(1);
    assertThat(hours.get("02").getJsonObject("firstResponse").getLong("unanswered")).isEqualTo(1);
    assertThat(first(hours.get("07")).getLong("medianSeconds")).isEqualTo(300);
    assertThat(first(hours.get("10")).getLong("medianSeconds")).isEqualTo(20);
    assertThat(hours.get("10").getLong("transfers")).isEqualTo(1);
    assertThat(hours.get("10").getLong("slaWarnings")).isEqualTo(1);
    // the wait started at 22:59:30 is hour 22's; its reply at 23:00:30 is a message of hour 23
    assertThat(hours.get("22").getLong("conversations")).isEqualTo(1);
    assertThat(hours.get("22").getLong("messagesOut")).isZero();
    assertThat(first(hours.get("22")).getLong("medianSeconds")).isEqualTo(60);

    JsonObject h23 = hours.get("23");
    assertThat(h23.getLong("conversations")).as("23:00 sharp and 23:30").isEqualTo(2);
    assertThat(h23.getLong("messagesIn")).isEqualTo(2);
    assertThat(h23.getLong("messagesOut")).as("the replies at 23:00:30, 23:03 and 23:30:40").isEqualTo(3);
    assertThat(first(h23).getLong("medianSeconds")).as("40 s and 180 s: rank 1").isEqualTo(40);
    assertThat(first(h23).getLong("p90Seconds")).isEqualTo(180);
    assertThat(first(h23).getDouble("within60Rate")).isEqualTo(0.5);
    assertThat(first(h23).getDouble("within120Rate")).isEqualTo(0.5);
    assertThat(first(h23).getDouble("within300Rate")).isEqualTo(1.0);
    assertThat(h23.getJsonObject("replies").getLong("answered")).isEqualTo(2);

    JsonObject total = report("hour", "pdd").getJsonObject("total");
    assertThat(total.getLong("conversations")).isEqualTo(6);
    assertThat(total.getLong("buyers")).as("buyer-hours: each buyer wrote in one hour").isEqualTo(6);

    // Los Angeles' own hour, not UTC's (07) nor Shanghai's (15)
    assertThat(groups(report("hour", "lax")).keySet()).containsExactly("23");
  }

  @Test
  void byClockHour() throws Exception {
    Map<String, JsonObject> hours = groups(report("dayhour", "pdd"));
    assertThat(hours.keySet()).containsExactly("2026-11-23 02", "2026-11-23 07", "2026-11-23 10", "2026-11-23 22",
        "2026-11-23 23");
    assertThat(hours.get("2026-11-23 23").getLong("conversations")).isEqualTo(2);
    assertThat(hours.get("2026-11-23 23").getString("label")).isEqualTo("2026-11-23 23:00");
  }

  @Test
  void byShiftIncludingOneAcrossMidnight() throws Exception {
    JsonObject report = report("shift", "pdd");
    Map<String, JsonObject> shifts = groups(report);
    assertThat(shifts.keySet()).as("roster order, outside shifts last").containsExactly("day", "evening", "night", "");
    assertThat(shifts.get("night").getString("label")).isEqualTo("night 23:00–07:00 (Asia/Shanghai)");
    assertThat(shifts.get("").getString("label")).isEqualTo("Outside shifts");

    JsonObject night = shifts.get("night");
    assertThat(night.getLong("conversations")).as("02:15, 23:00 sharp and 23:30").isEqualTo(3);
    assertThat(first(night).getLong("answered")).isEqualTo(2);
    assertThat(first(night).getLong("unanswered")).isEqualTo(1);
    assertThat(first(night).getDouble("within60Rate")).as("1 of 3").isEqualTo(1.0 / 3);
    assertThat(night.getLong("messagesOut")).isEqualTo(3);

    JsonObject evening = shifts.get("evening");
    assertThat(evening.getLong("conversations")).isEqualTo(1);
    assertThat(evening.getLong("messagesOut")).isZero();
    assertThat(first(evening).getLong("medianSeconds")).isEqualTo(60);

    JsonObject day = shifts.get("day");
    assertThat(day.getLong("conversations")).isEqualTo(1);
    assertThat(day.getLong("transfers")).isEqualTo(1);
    assertThat(day.getLong("slaWarnings")).isEqualTo(1);
    assertThat(first(shifts.get("")).getLong("medianSeconds")).isEqualTo(300);
    assertThat(report.getJsonObject("total").getLong("conversations")).isEqualTo(6);

    // Los Angeles' 23:30 is 15:30 in Shanghai: the roster's day shift
    assertThat(groups(report("shift", "lax")).keySet()).containsExactly("day");
  }

  @Test
  void workloadPerShiftAndHour() throws Exception {
    Map<String, JsonObject> shifts = groups(report("shift", "pdd"));
    assertThat(shifts.get("night").getJsonObject("workload").getDouble("onlineHours")).isEqualTo(1.0);
    assertThat(shifts.get("night").getJsonObject("workload").getDouble("averageChats")).isEqualTo(2.0);
    assertThat(shifts.get("day").getJsonObject("workload").getDouble("onlineHours")).isEqualTo(1.0);
    assertThat(shifts.get("day").getJsonObject("workload").getDouble("averageChats")).isEqualTo(1.0);
    assertThat(shifts.get("evening").getJsonObject("workload").getDouble("onlineHours")).isZero();

    // one agent per shift: li served the day's transferred chat and the 23:00 one
    Map<String, JsonObject> liShifts = groups(data.report(
        new ReportFilter(DAY, DAY, List.of("pdd"), null, null, li, "shift", ZoneId.of(SH))));
    assertThat(liShifts.keySet()).containsExactly("day", "night");
    assertThat(liShifts.get("night").getLong("messagesOut")).isEqualTo(1);
    assertThat(first(liShifts.get("night")).getLong("answered")).isEqualTo(1);
    assertThat(liShifts.get("night").getJsonObject("workload").getDouble("onlineHours")).as("li was never online").isZero();

    JsonObject byHour = report("hour", "pdd");
    assertThat(groups(byHour).get("23").getJsonObject("workload").getDouble("onlineHours")).isEqualTo(1.0);
    assertThat(byHour.getJsonObject("total").getJsonObject("workload").getDouble("onlineHours")).isEqualTo(2.0);
  }

  @Test
  void hoursAddUpToTheDayAndTheShopsHoursToItsAgents() throws Exception {
    String sums = "sum(conversations), sum(messages_in), sum(messages_out), sum(replies), sum(reply_seconds), "
        + "sum(transfers), sum(buyers)";
    for (String shop : List.of("pdd", "lax")) {
      String daily = row("SELECT " + sums + " FROM report_daily WHERE account_id = $1", shop);
      assertThat(row("SELECT " + sums + " FROM report_hourly WHERE account_id = $1", shop)).isEqualTo(daily);
      assertThat(row("SELECT " + sums + " FROM report_hourly_shop WHERE account_id = $1", shop)).isEqualTo(daily);
    }
    assertThat(row("SELECT count(*) FROM report_hourly_shop WHERE account_id = 'pdd'")).as("one row per hour").isEqualTo("5 ");
  }

  private JsonObject report(String groupBy, String shop) throws Exception {
    return data.report(new ReportFilter(DAY, DAY, List.of(shop), null, null, null, groupBy, ZoneId.of(SH)));
  }

  private static Map<String, JsonObject> groups(JsonObject report) {
    Map<String, JsonObject> out = new LinkedHashMap<>();
    JsonArray groups = report.getJsonArray("groups");
    for (int i = 0; i < groups.size(); i++) {
      out.put(groups.getJsonObject(i).getString("key"), groups.getJsonObject(i));
    }
    return out;
  }

  private static JsonObject first(JsonObject group) {
    return group.getJsonObject("firstResponse");
  }

  private void shift(String name, int position, String start, String end) throws Exception {
    r.exec("INSERT INTO shifts (name, position, start_time, end_time, zone) VALUES ($1, $2, $3, $4, $5)",
        name, position, java.time.LocalTime.parse(start), java.time.LocalTime.parse(end), SH);
  }

  private String row(String sql, Object... params) throws Exception {
    var r = Await.result(data.pool().preparedQuery(sql).execute(Tuple.from(params))).iterator().next();
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < r.size(); i++) {
      s.append(r.getValue(i)).append(' ');
    }
    return s.toString();
  }
}
