package dev.unibox.shifts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.Await;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.MutableClock;
import dev.unibox.testing.StoredConversations;
import dev.unibox.testing.TestInbox;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Row;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two teams share one shop: a team lead acts on their own team's conversations and agents, and gets a
 * 403 that changes nothing on the other team's — moving, closing, re-prioritising, capacity.
 */
@InboxTest
class TeamScopeTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-11T03:00:00Z"));

  private static final String MY = TestInbox.ACCOUNT_MY;

  private TestInbox inbox;
  private StoredConversations chats;
  private long anna;
  private long bob;
  private String leadA;

  @BeforeEach
  void start() throws Exception {
    anna = inbox.createUser("anna", "agent", 5, MY);
    bob = inbox.createUser("bob", "agent", 5, MY);
    for (String lead : List.of("lead-a", "lead-b")) {
      long id = inbox.createUser(lead, "supervisor", 0, MY);
      // the shop comes through the team only
      Await.result(inbox.db.pool().query("DELETE FROM user_accounts WHERE user_id = " + id).execute());
    }
    String admin = inbox.loginAdmin();
    team(admin, "team-a", "lead-a", "anna");
    team(admin, "team-b", "lead-b", "bob");
    leadA = inbox.login("lead-a");
  }

  @Test
  void aLeadCannotMoveCloseOrReprioritiseTheOtherTeamsWork() throws Exception {
    long bobs = chats.assigned(bob, "c-bob");
    long bQueue = chats.queued("c-bq", "team-b");
    String before = snapshot(bobs) + snapshot(bQueue);

    assertThat(inbox.post(leadA, "/api/conversations/" + bobs + "/close", new JsonObject()).statusCode()).isEqualTo(403);
    for (long id : List.of(bobs, bQueue)) {
      assertThat(inbox.post(leadA, "/api/conversations/" + id + "/priority", new JsonObject().put("priority", "urgent"))
          .statusCode()).as("priority of %s", id).isEqualTo(403);
    }
    // reassign answers per conversation (a batch): each of B's is refused with 403's code
    for (JsonObject to : List.of(new JsonObject().put("toQueue", true), new JsonObject().put("toAgentId", anna))) {
      var r = inbox.post(leadA, "/api/supervisor/reassign", to.put("conversationIds", new JsonArray().add(bobs))
          .put("reason", "take it"));
      assertThat(r.statusCode()).isEqualTo(200);
      JsonObject result = r.bodyAsJsonObject().getJsonArray("results").getJsonObject(0);
      assertThat(result.getString("result")).as("%s", to).isEqualTo("refused");
      assertThat(result.getString("error")).isEqualTo("forbidden");
    }
    assertThat(inbox.post(leadA, "/api/conversations/" + bobs + "/transfer", new JsonObject().put("toQueue", true)
        .put("reason", "x")).statusCode()).isEqualTo(403);
    assertThat(inbox.post(leadA, "/api/supervisor/handover", new JsonObject().put("agentId", bob).put("reason", "x"))
        .statusCode()).isEqualTo(403);
    assertThat(inbox.get(leadA, "/api/conversations/" + bobs).statusCode()).isEqualTo(403);

    assertThat(snapshot(bobs) + snapshot(bQueue)).as("nothing changed").isEqualTo(before);
    assertThat(inbox.count("SELECT count(*) FROM activities WHERE conversation_id = ANY($1)",
        (Object) new Long[] {bobs, bQueue})).isZero();
    assertThat(ids(inbox.get(leadA, "/api/conversations"), "conversations")).doesNotContain(bobs, bQueue);
    String console = inbox.get(leadA, "/api/supervisor/console").bodyAsString();
    assertThat(console).doesNotContain("b-c-bob", "b-c-bq", "bob (agent)");
    assertThat(inbox.get(inbox.login("lead-b"), "/api/supervisor/console").bodyAsString())
        .contains("b-c-bob", "b-c-bq", "bob (agent)");
  }

  @Test
  void aLeadCannotEditTheOtherTeamsAgentsOrPoachThem() throws Exception {
    JsonObject skills = new JsonObject().put("maxConcurrent", 9).put("team", "team-a");
    assertThat(inbox.put(leadA, "/api/agents/" + bob + "/skills", skills).statusCode()).isEqualTo(403);
    assertThat(inbox.put(leadA, "/api/agents/" + bob + "/skills", skills.copy().put("team", "team-b")).statusCode())
        .isEqualTo(403);
    assertThat(inbox.put(leadA, "/api/agents/" + anna + "/skills", skills.copy().put("team", "team-b")).statusCode())
        .as("nor hand their own agent to another team").isEqualTo(403);
    assertThat(agent(bob)).isEqualTo("5 team-b");
    assertThat(agent(anna)).isEqualTo("5 team-a");

    assertThat(inbox.put(leadA, "/api/agents/" + anna + "/skills", skills).statusCode()).isEqualTo(200);
    assertThat(agent(anna)).isEqualTo("9 team-a");
    var queue = inbox.get(leadA, "/api/queue").bodyAsJsonObject();
    assertThat(queue.getJsonArray("agents").stream().map(a -> ((JsonObject) a).getLong("id")).toList())
        .containsExactly(anna);
  }

  @Test
  void aLeadStillRunsTheirOwnTeamsWorkAndTheSharedQueue() throws Exception {
    long annas = chats.assigned(anna, "c-anna");
    long shared = chats.queued("c-shared", null);
    long aQueue = chats.queued("c-aq", "team-a");

    for (long id : List.of(annas, shared, aQueue)) {
      assertThat(inbox.post(leadA, "/api/conversations/" + id + "/priority", new JsonObject().put("priority", "urgent"))
          .statusCode()).as("priority of %s", id).isEqualTo(200);
    }
    assertThat(inbox.get(leadA, "/api/conversations/" + annas).statusCode()).isEqualTo(200);
    String leadB = inbox.login("lead-b");
    assertThat(inbox.get(leadB, "/api/conversations/" + annas).statusCode()).as("anna's, team A's").isEqualTo(403);
    assertThat(ids(inbox.get(leadA, "/api/conversations"), "conversations")).contains(annas, shared, aQueue);
    var moved = inbox.post(leadA, "/api/supervisor/reassign", new JsonObject().put("conversationIds", new JsonArray()
        .add(annas)).put("toQueue", true).put("reason", "rebalance"));
    assertThat(moved.statusCode()).isEqualTo(200);
    assertThat(snapshot(annas)).startsWith("queued");
    assertThat(inbox.post(leadA, "/api/conversations/" + aQueue + "/close", new JsonObject()).statusCode())
        .isEqualTo(200);
    assertThat(snapshot(aQueue)).startsWith("closed");
    // the other lead sees the shared queue too (and anna's, now back in it for anyone), but not team A's queue
    assertThat(inbox.get(leadB, "/api/conversations/" + shared).statusCode()).isEqualTo(200);
    assertThat(inbox.get(leadB, "/api/conversations/" + annas).statusCode()).isEqualTo(200);
    long aQueued = chats.queued("c-aq2", "team-a");
    assertThat(inbox.post(leadB, "/api/conversations/" + aQueued + "/priority", new JsonObject().put("priority", "urgent"))
        .statusCode()).isEqualTo(403);
  }

  private void team(String admin, String name, String lead, String agent) throws Exception {
    assertThat(inbox.put(admin, "/api/teams/" + name, new JsonObject().put("displayName", name)
        .put("accounts", new JsonArray().add(MY)).put("supervisors", new JsonArray().add(lead))
        .put("agents", new JsonArray().add(agent))).statusCode()).isEqualTo(200);
  }

  private String snapshot(long id) throws Exception {
    Row r = inbox.rows("SELECT status, assignee_id, priority, team FROM conversations WHERE id = $1", id).get(0);
    return r.getString(0) + " " + r.getLong(1) + " " + r.getShort(2) + " " + r.getString(3) + ";";
  }

  private String agent(long id) throws Exception {
    Row r = inbox.rows("SELECT max_concurrent, team FROM users WHERE id = $1", id).get(0);
    return r.getInteger(0) + " " + r.getString(1);
  }

  private static List<Long> ids(HttpResponse<Buffer> r, String field) {
    assertThat(r.statusCode()).isEqualTo(200);
    return r.bodyAsJsonObject().getJsonArray(field).stream().map(c -> ((JsonObject) c).getLong("id")).toList();
  }
}
