package dev.unibox.planning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.MutableClock;
import dev.unibox.testing.TestInbox;
import dev.unibox.testing.TestIngest;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The planner's API over real HTTP and PostgreSQL: shipped scenarios, the shop's own history, and bad input. */
@ExtendWith(VertxExtension.class)
class PlannerApiTest {

  private static final Instant NOW = Instant.parse("2026-11-11T04:00:00Z");
  private TestInbox inbox;

  @AfterEach
  void stop() throws Exception {
    if (inbox != null) {
      inbox.close();
    }
  }

  @Test
  void aSupervisorGetsAPlanPerHourAndLanguageForAShippedScenario(Vertx vertx) throws Exception {
    inbox = TestInbox.start(vertx, new MutableClock(NOW));
    inbox.createUser("lin", "supervisor", 0);
    String lead = inbox.login("lin");
    JsonArray scenarios = inbox.get(lead, "/api/planner/scenarios").bodyAsJsonObject().getJsonArray("scenarios");
    assertThat(scenarios.stream().map(o -> ((JsonObject) o).getString("file")))
        .contains("11-11-peak.yaml", "normal-weekday.yaml", "flash-sale-2000.yaml", "night-no-thai.yaml");

    var res = inbox.post(lead, "/api/planner/plan", new JsonObject().put("scenario", "11-11-peak.yaml"));
    assertThat(res.statusCode()).isEqualTo(200);
    JsonObject plan = res.bodyAsJsonObject();
    JsonArray hours = plan.getJsonArray("hours");
    assertThat(hours).hasSize(24);
    JsonObject peak = hours.getJsonObject(20);
    JsonObject night = hours.getJsonObject(3);
    assertThat(peak.getInteger("agents")).isGreaterThan(5 * night.getInteger("agents"));
    // at 20:00 the noon shift (9 agents) is far too small: the plan asks for standby, per language
    assertThat(peak.getInteger("standby")).isPositive();
    JsonObject zh = peak.getJsonArray("languages").stream().map(o -> (JsonObject) o)
        .filter(l -> l.getString("language").equals("zh")).findFirst().orElseThrow();
    assertThat(zh.getInteger("standby")).isEqualTo(Math.max(0, zh.getInteger("agents") - zh.getInteger("rostered")));
    assertThat(plan.getJsonObject("targets").getDouble("urgentRate")).isEqualTo(0.99);

    // stricter targets never ask for fewer agents
    JsonObject stricter = inbox.post(lead, "/api/planner/plan", new JsonObject().put("scenario", "11-11-peak.yaml")
        .put("targets", new JsonObject().put("regularRate", 0.999))).bodyAsJsonObject();
    assertThat(stricter.getJsonArray("hours").getJsonObject(20).getInteger("agents"))
        .isGreaterThanOrEqualTo(peak.getInteger("agents"));
  }

  @Test
  void aPlanFromTheShopsOwnHistoryCountsItsArrivalsByHourAndLanguage(Vertx vertx) throws Exception {
    MutableClock clock = new MutableClock(NOW);
    inbox = TestInbox.start(vertx, clock);
    inbox.createUser("lin", "supervisor", 0);
    TestIngest ingest = new TestIngest(inbox, clock);
    for (int i = 0; i < 14; i++) {
      ingest.buyer(TestInbox.ACCOUNT_TW, "tw-" + i, "請問這款有沒有黑色的?", NOW.minusSeconds(60));
    }
    JsonObject plan = inbox.post(inbox.login("lin"), "/api/planner/plan", new JsonObject().put("historyDays", 7))
        .bodyAsJsonObject();
    assertThat(plan.getString("source")).isEqualTo("history");
    int hour = NOW.atZone(java.time.ZoneId.of(plan.getString("zone"))).getHour();
    JsonObject zhHant = plan.getJsonArray("hours").getJsonObject(hour).getJsonArray("languages").getJsonObject(0);
    assertThat(zhHant.getString("language")).isEqualTo("zh-Hant");
    assertThat(zhHant.getDouble("perHour")).isEqualTo(2.0);          // 14 conversations over 7 days
    assertThat(zhHant.getInteger("agents")).isPositive();
  }

  @Test
  void onlySupervisorsPlanAndBadInputIsA4xxThatChangesNothing(Vertx vertx) throws Exception {
    inbox = TestInbox.start(vertx, new MutableClock(NOW));
    inbox.createUser("mei", "agent", 3);
    inbox.createUser("lin", "supervisor", 0);
    String agent = inbox.login("mei");
    String lead = inbox.login("lin");
    assertThat(inbox.post(agent, "/api/planner/plan", new JsonObject().put("scenario", "11-11-peak.yaml")).statusCode())
        .isEqualTo(403);
    assertThat(inbox.get(agent, "/api/planner/scenarios").statusCode()).isEqualTo(403);
    assertError(inbox.post(lead, "/api/planner/plan", new JsonObject().put("scenario", "../unibox.yaml")), 400,
        "bad_scenario");
    assertError(inbox.post(lead, "/api/planner/plan", new JsonObject().put("scenario", "nowhere.yaml")), 404, null);
    assertError(inbox.post(lead, "/api/planner/plan", new JsonObject().put("historyDays", 0)), 400, "bad_historyDays");
    assertError(inbox.post(lead, "/api/planner/plan", new JsonObject().put("scenario", "11-11-peak.yaml")
        .put("targets", new JsonObject().put("urgentRate", 1.5))), 400, "bad_targets");
    assertError(inbox.post(lead, "/api/planner/plan", new JsonObject().put("targets", "all")), 400, "bad_targets");
  }

  private static void assertError(io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer> res, int status,
                                  String code) {
    assertThat(res.statusCode()).isEqualTo(status);
    JsonObject body = res.bodyAsJsonObject();
    assertThat(body.getString("message")).isNotBlank();
    if (code != null) {
      assertThat(body.getString("error")).isEqualTo(code);
    }
  }
}
