package dev.unibox.planning;

import static dev.unibox.testing.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.unibox.testing.AgentSocket;
import dev.unibox.testing.Await;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.MutableClock;
import dev.unibox.testing.StaffingWeek;
import dev.unibox.testing.TestInbox;
import dev.unibox.testing.TestIngest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The staffing week (hour 10 and 20 in shop MY, hour 21 in shop TW; a day shift and an evening shift): the plan for
 * tomorrow, its coverage and standby proposal, applying it, and who may see and do what.
 */
@InboxTest
class StaffingRoutesTest {

  private final MutableClock clock = new MutableClock(StaffingWeek.NOW);
  private static final double URGENT_SHARE = 49.0 / 245;
  private TestInbox inbox;
  private TestIngest ingest;
  private String admin;

  @BeforeEach
  void seed() throws Exception {
    StaffingWeek.seed(inbox);
    admin = inbox.loginAdmin();
  }

  @Test
  void thePlanForecastsFromTheWeekAndCoversTheRosterGapsByLanguage() throws Exception {
    JsonObject plan = ok(inbox.get(admin, "/api/staffing/plan"));
    assertThat(List.of(plan.getString("date"), plan.getString("zone"), plan.getInteger("days"),
        plan.getInteger("chatsPerAgent"))).containsExactly("2026-11-11", "Asia/Kuala_Lumpur", 7, 2);
    JsonObject history = plan.getJsonObject("history");
    assertThat(List.of(history.getLong("conversations"), history.getDouble("seatSeconds"),
        history.getDouble("answerSeconds"), history.getBoolean("defaults"))).containsExactly(245L, 600.0, 20.0, false);
    assertThat(history.getDouble("urgentShare")).isCloseTo(URGENT_SHARE, within(0.0001));

    JsonArray hours = plan.getJsonArray("hours");
    assertThat(hours).hasSize(24);
    assertThat(hour(plan, 20).getJsonObject("arrivals").getMap()).isEqualTo(Map.of("zh", 14.0, "ms", 7.0));
    assertThat(hour(plan, 10).getJsonObject("arrivals").getMap()).isEqualTo(Map.of("zh", 7.0));
    assertThat(hour(plan, 21).getJsonObject("arrivals").getMap()).isEqualTo(Map.of("zh", 7.0));
    assertThat(hour(plan, 8).getJsonObject("arrivals").getMap()).isEmpty();
    assertThat(hour(plan, 8).getInteger("agents")).isZero();

    // the planner's own answer for these hours
    StaffingPlanner planner = new StaffingPlanner(2, Targets.PROMOTION_DAY);
    AnswerTimes twenty = AnswerTimes.single(20);
    HourPlan h20 = planner.plan(List.of(new Demand(20, Map.of("zh", 14.0, "ms", 7.0), URGENT_SHARE, 600, twenty))).get(0);
    HourPlan h10 = planner.plan(List.of(new Demand(10, Map.of("zh", 7.0), URGENT_SHARE, 600, twenty))).get(0);
    assertThat(h20.agents()).isEqualTo(5);
    assertThat(h20.speakers()).isEqualTo(Map.of("zh", 4, "ms", 3));
    assertThat(h10.agents()).isEqualTo(3);
    JsonObject evening = hour(plan, 20);
    assertThat(evening.getInteger("agents")).isEqualTo(h20.agents());
    assertThat(evening.getJsonObject("speakers").getMap()).isEqualTo(Map.of("zh", 4, "ms", 3));
    assertThat(List.of(evening.getDouble("urgentCeiling"), evening.getDouble("regularCeiling")))
        .containsExactly(1.0, 1.0);
    assertThat(evening.getInteger("onShift")).isEqualTo(2); // wei and kai
    assertThat(evening.getJsonObject("onShiftSpeakers").getMap()).isEqualTo(Map.of("zh", 2, "ms", 0));
    assertThat(evening.getInteger("standbyNeeded")).isEqualTo(3);
    assertThat(evening.getJsonObject("standbyNeededByLanguage").getMap()).isEqualTo(Map.of("zh", 2, "ms", 3));
    JsonObject morning = hour(plan, 10);
    assertThat(morning.getInteger("onShift")).isEqualTo(3); // mei, arif, lee: enough agents, one Chinese speaker short
    assertThat(morning.getInteger("standbyNeeded")).isZero();
    assertThat(morning.getJsonObject("standbyNeededByLanguage").getMap()).isEqualTo(Map.of("zh", 1));

    // agents off shift in the short hours stand by: nur (early shift; zh and ms, short at 10, 20 and 21) closes most,
    // then arif (day shift, ms at 20 and 21; before ling by name at the same gain), lee (zh at 20), siti (the third ms)
    JsonObject standby = plan.getJsonObject("standby");
    assertThat(standby.getJsonArray("current")).isEmpty();
    assertThat(standby.getJsonArray("proposed").getList()).containsExactly("nur", "arif", "lee", "siti");
    assertThat(standby.getInteger("needed")).isEqualTo(3);
    assertThat(standby.getJsonObject("neededByLanguage").getMap()).isEqualTo(Map.of("zh", 2, "ms", 3));
    assertThat(standby.getJsonObject("missing").getMap()).isEmpty();
    assertThat(standby.getInteger("missingAgents")).isZero();
    // each hour calls the fewest of them that close its lack, never one on duty: at 10 one zh speaker (lee is on the
    // day shift then, so nur), at 20 all four (three ms speakers and two zh), at 21 one more zh speaker (nur again)
    JsonObject late = hour(plan, 21);
    assertThat(List.of(late.getInteger("standbyNeeded"), late.getJsonObject("standbyNeededByLanguage").getMap()))
        .containsExactly(1, Map.of("zh", 1));
    assertThat(plan.getJsonArray("surgeWindows")).containsExactly(window("10:00", "11:00", "nur"),
        window("20:00", "21:00", "nur", "arif", "lee", "siti"), window("21:00", "22:00", "nur"));

    JsonObject scaled = ok(inbox.get(admin, "/api/staffing/plan?date=2026-11-12&days=14&multiplier=2&peak=20:00-20:30x3"));
    assertThat(scaled.getString("date")).isEqualTo("2026-11-12");
    // 14 days before today hold the same week (and the day before it): half as much a day, times 2
    assertThat(hour(scaled, 10).getJsonObject("arrivals").getMap()).isEqualTo(Map.of("zh", 7.0));
    assertThat(hour(scaled, 20).getJsonObject("arrivals").getMap())
        .isEqualTo(Map.of("zh", 28.0, "ms", 14.0, "th", 8.57)); // 30 th the day before the week; half an hour x3
  }

  @Test
  void slowFirstAnswersInTheHistoryCapWhatTheTargetCanReach() throws Exception {
    // two of each day's seven 10:00 stays answered after 80 s instead of 20 s: 14 of the 49, the top three deciles
    inbox.count("""
        UPDATE messages m SET at = m.at + interval '60 seconds' FROM conversations c
        WHERE c.id = m.conversation_id AND m.direction = 'out'
          AND (c.platform_conversation_id LIKE 'h10-%-1' OR c.platform_conversation_id LIKE 'h10-%-2') RETURNING 1""");
    JsonObject plan = ok(inbox.get(admin, "/api/staffing/plan"));
    assertThat(plan.getJsonObject("history").getDouble("answerSeconds")).isEqualTo(38.0); // the deciles' mean
    AnswerTimes deciles = AnswerTimes.equalShares(List.of(20.0, 20.0, 20.0, 20.0, 20.0, 20.0, 20.0, 80.0, 80.0, 80.0));
    HourPlan h20 = new StaffingPlanner(2, Targets.PROMOTION_DAY)
        .plan(List.of(new Demand(20, Map.of("zh", 14.0, "ms", 7.0), URGENT_SHARE, 600, deciles))).get(0);
    JsonObject evening = hour(plan, 20);
    // 30 % of first answers alone take longer than 60 s: no staffing answers more than 70 % of urgent chats in time
    assertThat(List.of(evening.getDouble("urgentCeiling"), evening.getDouble("regularCeiling")))
        .containsExactly(0.7, 1.0);
    assertThat(evening.getInteger("agents")).isEqualTo(h20.agents());
    assertThat(evening.getDouble("urgentRate")).isCloseTo(h20.urgentRate(), within(0.0001)).isLessThan(0.7);
  }

  @Test
  void applyingAddsTheProposedStandbyAndStoresTheWindowsOnce() throws Exception {
    JsonObject applied = ok(inbox.post(admin, "/api/staffing/plan/apply", new JsonObject().put("date", "2026-11-11")));
    assertThat(applied.getJsonObject("applied").getJsonArray("standbyAdded").getList())
        .containsExactly("nur", "arif", "lee", "siti");
    JsonArray planned = applied.getJsonObject("applied").getJsonArray("surgeWindows");
    assertThat(planned).containsExactly(window("10:00", "11:00", "nur"),
        window("20:00", "21:00", "nur", "arif", "lee", "siti"), window("21:00", "22:00", "nur"));
    assertThat(inbox.app.shifts().rosters.roster().standby()).containsExactlyInAnyOrder("nur", "arif", "lee", "siti");
    assertThat(inbox.rows("SELECT shift_state FROM users WHERE username = 'nur'").get(0).getString(0))
        .isEqualTo("standby");
    JsonObject stored = ok(inbox.get(admin, "/api/staffing/windows?date=2026-11-11"));
    assertThat(stored.getLong("tailMinutes")).isEqualTo(10);
    JsonArray windows = stored.getJsonArray("windows");
    assertThat(windows).hasSize(3);
    for (int i = 0; i < 3; i++) {
      JsonObject w = windows.getJsonObject(i);
      assertThat(w.getString("by")).isEqualTo("admin");
      assertThat(new JsonObject().put("start", w.getString("start")).put("end", w.getString("end"))
          .put("agents", w.getJsonArray("agents"))).isEqualTo(planned.getJsonObject(i));
    }
    assertThat(inbox.rows("SELECT agents FROM surge_windows WHERE starts_at = $1",
        Instant.parse("2026-11-11T12:00:00Z").atOffset(java.time.ZoneOffset.UTC)).get(0).getArrayOfStrings(0))
        .containsExactly("nur", "arif", "lee", "siti");

    JsonObject again = ok(inbox.post(admin, "/api/staffing/plan/apply", new JsonObject().put("date", "2026-11-11")));
    assertThat(again.getJsonObject("applied").getJsonArray("standbyAdded")).isEmpty();
    assertThat(again.getJsonObject("standby").getJsonArray("current").getList())
        .containsExactlyInAnyOrder("nur", "arif", "lee", "siti");
    assertThat(again.getJsonObject("standby").getJsonArray("proposed")).isEmpty();
    assertThat(inbox.app.shifts().rosters.roster().standby()).containsExactlyInAnyOrder("nur", "arif", "lee", "siti");
    // the pool already in standby is called in the order the plan would have chosen it: the same windows
    assertThat(again.getJsonObject("applied").getJsonArray("surgeWindows")).isEqualTo(planned);
    assertThat(inbox.count("SELECT count(*) FROM surge_windows")).isEqualTo(3);

    JsonObject removed = ok(Await.result(inbox.http.delete("/api/staffing/windows?date=2026-11-11")
        .putHeader("Authorization", "Bearer " + admin).send()));
    assertThat(removed.getInteger("removed")).isEqualTo(3);
    assertThat(inbox.count("SELECT count(*) FROM surge_windows")).isZero();
  }

  /** Another supervisor's open panel reads the day's windows again when they are stored or removed. */
  @Test
  void storingAndRemovingWindowsTellsEveryOverseer() throws Exception {
    String lead = inbox.loggedIn("lead", "supervisor", 0, TestInbox.ACCOUNT_MY);
    try (AgentSocket socket = inbox.socket(lead, 0)) {
      socket.hello();
      ok(inbox.post(admin, "/api/staffing/plan/apply", new JsonObject().put("date", "2026-11-11")));
      assertThat(socket.nextEvent("surge.windows").getJsonObject("data")).isEqualTo(new JsonObject().put("date",
          "2026-11-11"));
      ok(Await.result(inbox.http.delete("/api/staffing/windows?date=2026-11-11")
          .putHeader("Authorization", "Bearer " + admin).send()));
      assertThat(socket.nextEvent("surge.windows").getJsonObject("data")).isEqualTo(new JsonObject().put("date",
          "2026-11-11"));
    }
  }

  @Test
  void anAgentInNoShiftIsRoutedAllDaySoCountsEveryHourAndIsNeverProposed() throws Exception {
    inbox.createUser("ana", "agent", 2);
    inbox.count("UPDATE users SET languages = '{ms}' WHERE username = 'ana' RETURNING 1");
    JsonObject plan = ok(inbox.get(admin, "/api/staffing/plan"));
    assertThat(hour(plan, 3).getInteger("onShift")).isEqualTo(1); // ana alone at night
    assertThat(hour(plan, 20).getInteger("onShift")).isEqualTo(3); // wei, kai and ana
    assertThat(hour(plan, 20).getJsonObject("standbyNeededByLanguage").getMap()).isEqualTo(Map.of("zh", 2, "ms", 2));
    assertThat(plan.getJsonObject("standby").getJsonArray("proposed").getList()).doesNotContain("ana");
  }

  @Test
  void badParametersAreRefusedByNameAndChangeNothing() throws Exception {
    Map<String, String> bad = Map.of("days=0", "bad_days", "days=57", "bad_days", "multiplier=1000", "bad_multiplier",
        "peak=tonight", "bad_peak", "peak=22:00-22:00x2", "bad_peak", "date=2026-13-01", "bad_date",
        "urgentRate=1", "bad_urgentRate", "regularSeconds=0", "bad_regularSeconds", "account=nope", "bad_account");
    for (var b : bad.entrySet()) {
      assertError(inbox.get(admin, "/api/staffing/plan?" + b.getKey()), 400, b.getValue());
    }
    assertError(inbox.post(admin, "/api/staffing/plan/apply", new JsonObject().put("days", 99)), 400, "bad_days");
    assertError(inbox.post(admin, "/api/staffing/plan/apply", new JsonObject().put("peak", List.of(1))), 400,
        "bad_peak");
    assertError(inbox.get(admin, "/api/staffing/windows?date=11/11/2026"), 400, "bad_date");
    assertThat(inbox.app.shifts().rosters.roster().standby()).isEmpty();
    assertThat(inbox.count("SELECT count(*) FROM surge_windows")).isZero();

    String agent = inbox.login("mei");
    assertError(inbox.get(agent, "/api/staffing/plan"), 403, "forbidden");
    assertError(inbox.post(agent, "/api/staffing/plan/apply", new JsonObject()), 403, "forbidden");
    assertError(inbox.get(agent, "/api/staffing/windows"), 403, "forbidden");
    assertThat(inbox.app.shifts().rosters.roster().standby()).isEmpty();
  }

  @Test
  void aSupervisorOfOneShopPlansFromItsHistoryOnly() throws Exception {
    String supervisor = inbox.loggedIn("lin", "supervisor", 0, TestInbox.ACCOUNT_MY);
    JsonObject plan = ok(inbox.get(supervisor, "/api/staffing/plan"));
    assertThat(plan.getJsonObject("history").getLong("conversations")).isEqualTo(196);
    assertThat(hour(plan, 20).getJsonObject("arrivals").getMap()).isEqualTo(Map.of("zh", 14.0, "ms", 7.0));
    assertThat(hour(plan, 21).getJsonObject("arrivals").getMap()).isEmpty();
    JsonObject taiwan = ok(inbox.get(admin, "/api/staffing/plan?account=" + TestInbox.ACCOUNT_TW));
    assertThat(hour(taiwan, 21).getJsonObject("arrivals").getMap()).isEqualTo(Map.of("zh", 7.0));
    assertThat(hour(taiwan, 20).getJsonObject("arrivals").getMap()).isEmpty();

    assertError(inbox.get(supervisor, "/api/staffing/plan?account=" + TestInbox.ACCOUNT_TW), 403, "forbidden");
    // the roster and surge are the whole inbox's: a supervisor of one shop plans, but does not apply (and the web app
    // knows it from the user's own answer)
    assertThat(inbox.get(supervisor, "/api/me").bodyAsJsonObject().getJsonObject("user").getBoolean("allAccounts"))
        .isFalse();
    assertThat(inbox.get(admin, "/api/me").bodyAsJsonObject().getJsonObject("user").getBoolean("allAccounts")).isTrue();
    assertError(inbox.post(supervisor, "/api/staffing/plan/apply", new JsonObject()), 403, "forbidden");
    assertThat(inbox.app.shifts().rosters.roster().standby()).isEmpty();
  }

  @Test
  void aBuyerWhoWroteThroughTheIngestCountsInTheHourAndLanguageDetected() throws Exception {
    Instant now = clock.instant();
    clock.set(Instant.parse("2026-11-09T07:20:00Z")); // 15:20 in Kuala Lumpur, yesterday
    long id = ingest.buyer(TestInbox.ACCOUNT_MY, "b1", "你好，请问这件衣服什么时候可以发货？我已经等了三天了。",
        clock.instant());
    clock.set(now);
    JsonObject plan = ok(inbox.get(admin, "/api/staffing/plan"));
    assertThat(hour(plan, 15).getJsonObject("arrivals").getMap()).isEqualTo(Map.of("zh", 0.14));
    assertThat(plan.getJsonObject("history").getLong("conversations")).isEqualTo(246);

    // closed, the buyer writes again at 17:05: a returning buyer is another stay in that hour
    ok(inbox.post(admin, "/api/conversations/" + id + "/close", new JsonObject()));
    clock.set(Instant.parse("2026-11-09T09:05:00Z"));
    ingest.buyer(TestInbox.ACCOUNT_MY, "b1", "衣服收到了，但是少了一条腰带。", clock.instant());
    clock.set(now);
    assertThat(inbox.count("SELECT count(*) FROM activities WHERE type = 'reopened'")).isEqualTo(1);
    JsonObject again = ok(inbox.get(admin, "/api/staffing/plan"));
    assertThat(zh(again, 17) - zh(plan, 17)).isCloseTo(1.0 / 7, within(0.011));
    assertThat(again.getJsonObject("history").getLong("conversations")).isEqualTo(247);
  }

  private static JsonObject ok(io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer> r) {
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    return r.bodyAsJsonObject();
  }

  private static JsonObject hour(JsonObject plan, int hour) {
    JsonObject h = plan.getJsonArray("hours").getJsonObject(hour);
    assertThat(h.getInteger("hour")).isEqualTo(hour);
    return h;
  }

  /** The forecast's zh buyers in an hour, 0 when none. */
  private static double zh(JsonObject plan, int hour) {
    return hour(plan, hour).getJsonObject("arrivals").getDouble("zh", 0.0);
  }

  private static JsonObject window(String start, String end, String... agents) {
    return new JsonObject().put("start", start).put("end", end).put("agents", new JsonArray(List.of(agents)));
  }
}
