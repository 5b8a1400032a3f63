package dev.unibox.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.shifts.Rosters;
import dev.unibox.testing.BrowserScript;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.MutableClock;
import dev.unibox.testing.StaffingWeek;
import dev.unibox.testing.TestInbox;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The staffing plan in a real browser (frontend/e2e/staffing-plan.e2e.mjs, system Chromium), on the staffing week: a
 * supervisor of every shop plans 11 November with a tenfold evening peak in the console, applies the plan through its
 * confirmation (the agents off shift in the peak join the standby, the surge window is stored), sees the window listed and removes it.
 */
@InboxTest
class BrowserStaffingPlanTest {

  private static final String PEAK = "20:00-22:00x10";
  private final MutableClock clock = new MutableClock(StaffingWeek.NOW);
  private TestInbox inbox;

  @Test
  void aSupervisorPlansAPeakAppliesItAndRemovesThePlannedWindow(@TempDir Path dir) throws Exception {
    StaffingWeek.seed(inbox);
    long lead = inbox.createUser("lead", "supervisor", 0);
    // what the server plans for these parameters: the page must show the same
    JsonObject plan = inbox.get(inbox.loginAdmin(), "/api/staffing/plan?date=" + StaffingWeek.DAY + "&peak=" + PEAK)
        .bodyAsJsonObject();
    List<String> proposed = strings(plan.getJsonObject("standby").getJsonArray("proposed"));
    assertThat(proposed).as("every agent off shift in the peak").containsExactlyInAnyOrder("nur", "ling", "siti",
        "somchai", "mei", "arif", "lee");
    List<String> shortHours = new ArrayList<>();
    plan.getJsonArray("hours").forEach(h -> {
      JsonObject hour = (JsonObject) h;
      if (hour.getInteger("standbyNeeded") > 0 || !hour.getJsonObject("standbyNeededByLanguage").isEmpty()) {
        shortHours.add(String.valueOf(hour.getInteger("hour")));
      }
    });
    assertThat(shortHours).containsExactly("10", "20", "21");
    // 10:00 lacks a zh speaker (nur, off shift then); the peak calls all seven, the same in both its hours
    assertThat(plan.getJsonArray("surgeWindows")).containsExactly(
        new JsonObject().put("start", "10:00").put("end", "11:00").put("agents", new JsonArray(List.of("nur"))),
        new JsonObject().put("start", "20:00").put("end", "22:00").put("agents", new JsonArray(proposed)));

    Path proceed = dir.resolve("proceed");
    Path again = dir.resolve("again");
    try (BrowserScript browser = inbox.browser("staffing-plan.e2e.mjs", Map.of("USER", "lead", "PASS", "pw-lead",
        "DATE", StaffingWeek.DAY.toString(), "PEAK", PEAK, "CONTINUE_FILE", proceed.toString(), "AGAIN_FILE", again.toString()))) {
      assertThat(browser.lineAfter("SHORT ", 60)).isEqualTo(String.join(",", shortHours));
      assertThat(browser.lineAfter("STANDBY ", 10)).isEqualTo(String.join(", ", proposed));
      assertThat(browser.lineAfter("SURGE ", 10)).isEqualTo("10:00–11:00, 20:00–22:00");
      browser.expect("NONE_STORED", 20);
      assertThat(browser.lineAfter("APPLIED ", 30)).contains(String.join(", ", proposed))
          .contains("10:00–11:00, 20:00–22:00");
      List<String> stored = List.of(browser.lineAfter("STORED ", 20).split("\\|"));
      assertThat(stored).hasSize(2);
      assertThat(stored.get(0)).startsWith("10:00–11:00 calls nur, stored by lead at ");
      assertThat(stored.get(1)).startsWith("20:00–22:00 calls " + String.join(", ", proposed) + ", stored by lead at ");
      assertThat(browser.lineAfter("TAIL ", 10)).startsWith("When a window ends, its agents are called back for another "
          + Rosters.WINDOW_TAIL.toMinutes() + " minutes whenever buyers wait");

      assertThat(inbox.app.shifts().rosters.roster().standby()).containsExactlyInAnyOrderElementsOf(proposed);
      // at noon the day before, the day shift works; the others of the pool wait for a window or surge
      assertThat(inbox.rows("SELECT username FROM users WHERE shift_state = 'standby'").stream()
          .map(r -> r.getString(0)).collect(Collectors.toList())).containsExactlyInAnyOrder("nur", "ling", "siti",
              "somchai");
      List<Row> windows = inbox.rows("SELECT starts_at, ends_at, agents, created_by FROM surge_windows ORDER BY starts_at");
      assertThat(windows).hasSize(2);
      // 20:00–22:00 on 11 November in Kuala Lumpur
      Row peak = windows.get(1);
      assertThat(peak.getOffsetDateTime("starts_at").toInstant()).isEqualTo(Instant.parse("2026-11-11T12:00:00Z"));
      assertThat(peak.getOffsetDateTime("ends_at").toInstant()).isEqualTo(Instant.parse("2026-11-11T14:00:00Z"));
      assertThat(peak.getArrayOfStrings("agents")).containsExactlyElementsOf(proposed);
      assertThat(windows).allSatisfy(w -> assertThat(w.getLong("created_by")).isEqualTo(lead));
      Files.createFile(proceed);

      assertThat(browser.lineAfter("REMOVED ", 30)).contains("2");
      assertThat(inbox.count("SELECT count(*) FROM surge_windows")).isZero();
      assertThat(inbox.app.shifts().rosters.roster().standby()).as("removing the windows leaves the standby")
          .containsExactlyInAnyOrderElementsOf(proposed);
      inbox.post(inbox.loginAdmin(), "/api/staffing/plan/apply", new JsonObject().put("date", StaffingWeek.DAY.toString())
          .put("peak", PEAK));
      Files.createFile(again);
      assertThat(browser.lineAfter("LIVE ", 30)).startsWith("10:00–11:00 calls nur, stored by admin at ")
          .contains("|20:00–22:00 calls " + String.join(", ", proposed) + ", stored by admin at ");
      browser.expectDone(10);
    }
  }

  private static List<String> strings(JsonArray array) {
    return array.stream().map(String::valueOf).toList();
  }
}
