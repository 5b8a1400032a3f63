package dev.unibox.routing;

import static dev.unibox.testing.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.AgentSocket;
import dev.unibox.testing.Await;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.MutableClock;
import dev.unibox.testing.TestInbox;
import dev.unibox.testing.TestIngest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** GET /api/queue, the supervisor's priority and skills commands: scope, validation, timeline and events. */
@InboxTest
class QueueApiTest {

  private static final Instant T0 = Instant.parse("2026-11-11T04:00:00Z");
  private final MutableClock clock = new MutableClock(T0);
  private TestInbox inbox;
  private TestIngest ingest;

  @Test
  void agentsSeeTheirLoadAndQueueCountsSupervisorsTheWholeQueueAgentsAndSurge() throws Exception {
    long mei = inbox.createUser("mei", "agent", 2);
    inbox.createUser("lin", "supervisor", 3);
    inbox.createUser("twlead", "supervisor", 3, TestInbox.ACCOUNT_TW);
    ingest.buyer(TestInbox.ACCOUNT_MY, "q1", "Barang rosak, nak refund", T0);
    ingest.buyer(TestInbox.ACCOUNT_MY, "q2", "Ada stok?", T0);
    ingest.buyer(TestInbox.ACCOUNT_MY, "q3", "Harga?", T0);
    inbox.goOnline(mei);
    Await.until("mei full", () -> inbox.count("SELECT active_count FROM users WHERE id = " + mei) == 2);

    JsonObject agentView = inbox.get(inbox.login("mei"), "/api/queue").bodyAsJsonObject();
    assertThat(agentView.getJsonObject("me").getInteger("activeCount")).isEqualTo(2);
    assertThat(agentView.getJsonObject("me").getInteger("maxConcurrent")).isEqualTo(2);
    assertThat(agentView.getJsonObject("counts").getLong("depth")).isEqualTo(1);
    assertThat(agentView.getJsonArray("conversations")).isEmpty();
    assertThat(agentView.containsKey("agents")).isFalse();

    JsonObject lead = inbox.get(inbox.login("lin"), "/api/queue").bodyAsJsonObject();
    JsonArray queued = lead.getJsonArray("conversations");
    assertThat(queued).hasSize(1);
    JsonObject row = queued.getJsonObject(0);
    assertThat(row.getString("status")).isEqualTo("queued");
    assertThat(row.getJsonObject("sla").getString("dueAt")).isEqualTo(T0.plusSeconds(120).toString());
    assertThat(row.getJsonObject("sla").getString("platformRule")).isEqualTo("shopee-12h");
    assertThat(lead.getJsonArray("agents").getJsonObject(0).getInteger("activeCount")).isEqualTo(2);
    assertThat(lead.getJsonObject("surge").getBoolean("active")).isFalse();

    // a supervisor of another shop sees none of it
    JsonObject tw = inbox.get(inbox.login("twlead"), "/api/queue").bodyAsJsonObject();
    assertThat(tw.getJsonArray("conversations")).isEmpty();
    assertThat(tw.getJsonObject("counts").getLong("depth")).isZero();
  }

  @Test
  void supervisorSetsPriorityByHandWithTimelineAndEventAndBadRequestsChangeNothing() throws Exception {
    inbox.createUser("mei", "agent", 2);
    inbox.createUser("lin", "supervisor", 3);
    inbox.createUser("twlead", "supervisor", 3, TestInbox.ACCOUNT_TW);
    long id = ingest.buyer(TestInbox.ACCOUNT_MY, "p1", "Ada warna merah?", T0);
    String lead = inbox.login("lin");
    String path = "/api/conversations/" + id + "/priority";

    assertError(inbox.post(inbox.login("mei"), path, new JsonObject().put("priority", "urgent")), 403, "forbidden");
    assertError(inbox.post(inbox.login("twlead"), path, new JsonObject().put("priority", "urgent")), 403, "forbidden");
    assertError(inbox.post(lead, path, new JsonObject().put("priority", "asap")), 400, "bad_priority");
    assertError(inbox.post(lead, path, new JsonObject().put("priority", "urgent").put("team", "no spaces!")), 400,
        "bad_team");
    assertError(inbox.post(lead, "/api/conversations/999999/priority", new JsonObject().put("priority", "urgent")),
        404, "not_found");
    assertThat(inbox.count("SELECT priority FROM conversations WHERE id = " + id)).isZero();
    assertThat(inbox.count("SELECT count(*) FROM activities WHERE type = 'priority_set'")).isZero();

    try (AgentSocket socket = inbox.socket(lead, 0)) {
      socket.hello();
      var ok = inbox.post(lead, path, new JsonObject().put("priority", "urgent").put("team", "after-sale"));
      assertThat(ok.statusCode()).isEqualTo(200);
      JsonObject summary = ok.bodyAsJsonObject().getJsonObject("conversation");
      assertThat(summary.getString("priority")).isEqualTo("urgent");
      assertThat(summary.getBoolean("priorityManual")).isTrue();
      assertThat(summary.getString("team")).isEqualTo("after-sale");
      assertThat(summary.getJsonObject("sla").getString("dueAt")).isEqualTo(T0.plusSeconds(60).toString());
      JsonObject event = socket.nextEvent("conversation.updated");
      assertThat(event.getJsonObject("data").getJsonObject("conversation").getString("priority")).isEqualTo("urgent");
    }
    assertThat(inbox.rows("SELECT body FROM activities WHERE type = 'priority_set'").get(0).getString(0))
        .contains("urgent").contains("lin");

    // set by hand: the classifier leaves it alone (a supervisor lowered it, an urgent word does not raise it)
    assertThat(inbox.post(lead, path, new JsonObject().put("priority", "normal")).statusCode()).isEqualTo(200);
    ingest.buyer(TestInbox.ACCOUNT_MY, "p1", "refund now!!", T0.plusSeconds(5));
    assertThat(inbox.count("SELECT priority FROM conversations WHERE id = " + id)).isZero();
  }

  @Test
  void skillsAreValidatedAndScoped() throws Exception {
    long mei = inbox.createUser("mei", "agent", 2, TestInbox.ACCOUNT_MY);
    inbox.createUser("lin", "supervisor", 3);
    inbox.createUser("twlead", "supervisor", 3, TestInbox.ACCOUNT_TW);
    String lead = inbox.login("lin");
    String path = "/api/agents/" + mei + "/skills";
    assertError(inbox.put(lead, path, new JsonObject().put("languages", "en").put("maxConcurrent", 3)), 400,
        "bad_languages");
    assertError(inbox.put(lead, path, new JsonObject().put("platforms", new JsonArray().add("myspace"))
        .put("maxConcurrent", 3)), 400, "bad_platform");
    assertError(inbox.put(lead, path, new JsonObject().put("maxConcurrent", 500)), 400, "bad_max_concurrent");
    assertError(inbox.put(inbox.login("twlead"), path, new JsonObject().put("maxConcurrent", 3)), 403, "forbidden");
    assertError(inbox.put(inbox.login("mei"), path, new JsonObject().put("maxConcurrent", 3)), 403, "forbidden");
    assertError(inbox.put(lead, "/api/agents/999999/skills", new JsonObject().put("maxConcurrent", 3)), 404,
        "not_found");
    assertThat(inbox.count("SELECT max_concurrent FROM users WHERE id = " + mei)).isEqualTo(2);

    var ok = inbox.put(lead, path, new JsonObject().put("languages", new JsonArray().add("zh").add("zh-Hant"))
        .put("platforms", new JsonArray().add("shopee")).put("team", "pre-sale").put("maxConcurrent", 6));
    assertThat(ok.statusCode()).isEqualTo(200);
    JsonObject agent = ok.bodyAsJsonObject().getJsonObject("agent");
    assertThat(agent.getJsonArray("languages")).containsExactly("zh", "zh-Hant");
    assertThat(agent.getString("team")).isEqualTo("pre-sale");
    assertThat(agent.getInteger("maxConcurrent")).isEqualTo(6);
  }
}
