package dev.unibox.shifts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.AgentSocket;
import dev.unibox.testing.Await;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.MutableClock;
import dev.unibox.testing.TestInbox;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each role on every new call and pushed event: agents see their own conversations and the queue they
 * are eligible for; a team supervisor acts within the team's shops only; admins define teams; nobody
 * unauthenticated gets in; bad input is a 400 that changes nothing.
 */
@InboxTest
class ShiftPermissionsTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-11T03:00:00Z"));

  private TestInbox inbox;
  private long mei;
  private long lin;
  private long twSup;
  private String admin;

  @BeforeEach
  void start() throws Exception {
    mei = inbox.createUser("mei", "agent", 5, TestInbox.ACCOUNT_MY);
    lin = inbox.createUser("lin", "agent", 5, TestInbox.ACCOUNT_TW);
    twSup = inbox.createUser("twsup", "supervisor", 0, TestInbox.ACCOUNT_TW);
    // twsup gets Taiwan through the team only: drop the direct grant
    Await.result(inbox.db.pool().query("DELETE FROM user_accounts WHERE user_id = " + twSup).execute());
    admin = inbox.loginAdmin();
    assertThat(put(admin, "/api/teams/tw-care", new JsonObject().put("displayName", "Taiwan care")
        .put("accounts", new JsonArray().add(TestInbox.ACCOUNT_TW)).put("supervisors", new JsonArray().add("twsup"))
        .put("agents", new JsonArray().add("lin"))).statusCode()).isEqualTo(200);
  }

  @Test
  void agentsSeeOnlyTheirOwnAndTheQueueTheyAreEligibleFor() throws Exception {
    long my = queued(TestInbox.SHOP_MY, "811001", "Ada stok?");
    long tw = queued(TestInbox.SHOP_TW, "911001", "請問有貨嗎");
    String meiToken = inbox.login("mei");
    String linToken = inbox.login("lin");
    assertThat(ids(inbox.get(meiToken, "/api/queue/eligible").bodyAsJsonObject().getJsonArray("queue"))).containsExactly(my);
    assertThat(ids(inbox.get(linToken, "/api/queue/eligible").bodyAsJsonObject().getJsonArray("queue"))).containsExactly(tw);

    // a conversation that needs a team is in the queue only of that team's agents
    Await.result(inbox.db.pool().query("INSERT INTO teams VALUES ('after_sale', 'After-sale')").execute());
    Await.result(inbox.db.pool().query("UPDATE conversations SET team = 'after_sale' WHERE id = " + my).execute());
    assertThat(inbox.get(meiToken, "/api/queue/eligible").bodyAsJsonObject().getJsonArray("queue")).isEmpty();

    // agents may not act on what is not theirs
    assertThat(inbox.post(meiToken, "/api/conversations/" + tw + "/notes", new JsonObject().put("text", "x")).statusCode())
        .isEqualTo(403);
    assertThat(inbox.get(meiToken, "/api/conversations/" + tw + "/handover-note").statusCode()).isEqualTo(403);
    assertThat(inbox.post(meiToken, "/api/conversations/" + tw + "/transfer", new JsonObject().put("toQueue", true))
        .statusCode()).isEqualTo(403);
    for (String path : List.of("/api/supervisor/console", "/api/supervisor/commands")) {
      assertThat(inbox.get(meiToken, path).statusCode()).isEqualTo(403);
    }
    assertThat(inbox.post(meiToken, "/api/supervisor/reassign", new JsonObject()
        .put("conversationIds", new JsonArray().add(tw)).put("toAgentId", mei).put("reason", "mine")).statusCode())
        .isEqualTo(403);
    assertThat(inbox.post(meiToken, "/api/supervisor/handover", new JsonObject().put("agentId", lin).put("reason", "x"))
        .statusCode()).isEqualTo(403);
    assertThat(put(meiToken, "/api/shifts", new JsonObject().put("shifts", new JsonArray())).statusCode()).isEqualTo(403);
    assertThat(put(meiToken, "/api/teams/x", new JsonObject().put("displayName", "X")).statusCode()).isEqualTo(403);
    assertThat(inbox.count("SELECT count(*) FROM activities WHERE type = 'note'")).isZero();
    assertThat(inbox.count("SELECT count(*) FROM conversations WHERE status = 'queued'")).isEqualTo(2);
  }

  @Test
  void aTeamSupervisorActsWithinTheTeamsShopsOnlyOnCallsAndEvents() throws Exception {
    String sup = inbox.login("twsup");
    try (AgentSocket socket = inbox.socket(sup, 0)) {
      socket.hello();
      long my = queued(TestInbox.SHOP_MY, "811002", "Boleh COD?");
      long tw = queued(TestInbox.SHOP_TW, "911002", "可以貨到付款嗎");
      // events: the Taiwan conversation reaches the team supervisor, the Malaysian one does not
      JsonObject first = socket.nextEvent("message.created").getJsonObject("data");
      assertThat(first.getLong("conversationId")).isEqualTo(tw);
      assertThat(socket.events().stream().map(e -> e.getJsonObject("data").getLong("conversationId")))
          .doesNotContain(my);

      JsonObject console = inbox.get(sup, "/api/supervisor/console").bodyAsJsonObject();
      assertThat(ids(console.getJsonArray("queue"))).containsExactly(tw);
      assertThat(console.getJsonArray("agents").stream().map(a -> ((JsonObject) a).getString("username")).toList())
          .containsExactly("lin");

      // may move Taiwan work to Lin, not Malaysian work, and not to Mei (outside the team's shops)
      HttpResponse<Buffer> ok = inbox.post(sup, "/api/supervisor/reassign", new JsonObject()
          .put("conversationIds", new JsonArray().add(tw).add(my)).put("toAgentId", lin).put("reason", "Lin reads Chinese"));
      JsonArray results = ok.bodyAsJsonObject().getJsonArray("results");
      assertThat(results.getJsonObject(0).getString("result")).isEqualTo("assigned");
      assertThat(results.getJsonObject(1).getString("error")).isEqualTo("forbidden");
      assertThat(inbox.post(sup, "/api/supervisor/reassign", new JsonObject().put("conversationIds", new JsonArray()
          .add(tw)).put("toAgentId", mei).put("reason", "x")).statusCode()).isEqualTo(403);
      assertThat(inbox.post(sup, "/api/supervisor/handover", new JsonObject().put("agentId", mei).put("reason", "x"))
          .statusCode()).isEqualTo(403);
      assertThat(inbox.get(sup, "/api/conversations/" + my).statusCode()).isEqualTo(403);
      assertThat(put(sup, "/api/teams/tw-care", new JsonObject().put("displayName", "mine")).statusCode()).isEqualTo(403);
      assertThat(inbox.count("SELECT assignee_id FROM conversations WHERE id = $1", tw)).isEqualTo(lin);
      assertThat(inbox.count("SELECT count(*) FROM conversations WHERE id = $1 AND status = 'queued'", my)).isEqualTo(1);
    }
  }

  @Test
  void badInputIsA400AndChangesNothing() throws Exception {
    long tw = queued(TestInbox.SHOP_TW, "911003", "請問");
    long shiftsBefore = inbox.count("SELECT count(*) FROM shifts");
    HttpResponse<Buffer> r;
    r = inbox.post(admin, "/api/supervisor/reassign", new JsonObject().put("conversationIds", new JsonArray().add(tw))
        .put("toQueue", true));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.bodyAsJsonObject().getString("error")).isEqualTo("bad_request");
    assertThat(inbox.post(admin, "/api/supervisor/reassign", new JsonObject().put("conversationIds", "1")
        .put("toQueue", true).put("reason", "r")).statusCode()).isEqualTo(400);
    assertThat(inbox.post(admin, "/api/supervisor/reassign", new JsonObject().put("conversationIds", new JsonArray().add(tw))
        .put("toQueue", true).put("toAgentId", lin).put("reason", "r")).statusCode()).isEqualTo(400);
    assertThat(put(admin, "/api/shifts", new JsonObject().put("shifts", new JsonArray().add(new JsonObject()
        .put("name", "x").put("start", "25:00").put("end", "07:00").put("zone", "Mars/Base")))).statusCode()).isEqualTo(400);
    assertThat(put(admin, "/api/shifts", new JsonObject().put("shifts", new JsonArray().add(new JsonObject()
        .put("name", "x").put("start", "07:00").put("end", "15:00").put("agents", new JsonArray().add("ghost")))))
        .bodyAsJsonObject().getString("error")).isEqualTo("unknown_users");
    assertThat(put(admin, "/api/teams/BAD_NAME", new JsonObject().put("displayName", "x")).statusCode()).isEqualTo(400);
    assertThat(put(admin, "/api/teams/t2", new JsonObject().put("displayName", "x")
        .put("accounts", new JsonArray().add("no-such-shop"))).statusCode()).isEqualTo(400);
    assertThat(inbox.post(admin, "/api/me/presence", new JsonObject().put("status", "asleep")).statusCode()).isEqualTo(400);
    assertThat(Await.result(inbox.http.get("/api/supervisor/console").send()).statusCode()).isEqualTo(401);
    assertThat(inbox.count("SELECT count(*) FROM teams")).isEqualTo(1);
    assertThat(inbox.count("SELECT count(*) FROM shifts")).isEqualTo(shiftsBefore);
    assertThat(inbox.count("SELECT count(*) FROM conversations WHERE status = 'queued'")).isEqualTo(1);
    assertThat(inbox.count("SELECT count(*) FROM supervisor_commands")).isZero();
  }

  private long queued(long shop, String buyer, String text) throws Exception {
    inbox.buyerWrites(shop, buyer, "b" + buyer, text);
    return inbox.conversationOf(buyer);
  }

  private static List<Long> ids(JsonArray list) {
    return list.stream().map(o -> ((JsonObject) o).getLong("id")).toList();
  }

  @Test
  void aBadRosterNamesWhatIsWrongAndChangesNothing() throws Exception {
    long shiftsBefore = inbox.count("SELECT count(*) FROM shifts");
    HttpResponse<Buffer> notJson = Await.result(inbox.http.put("/api/shifts").putHeader("Authorization", "Bearer " + admin)
        .putHeader("content-type", "application/json").sendBuffer(Buffer.buffer("{\"shifts\": [")));
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(notJson.bodyAsJsonObject().getString("error")).isEqualTo("bad_json");

    HttpResponse<Buffer> badFields = put(admin, "/api/shifts", new JsonObject().put("zone", new JsonObject().put("id", 8))
        .put("shifts", new JsonArray().add(new JsonObject().put("name", "morning").put("start", "7am").put("end", "15:00"))
            .add(new JsonObject().put("name", "late").put("start", "15:00").put("end", "23:00").put("zone", 8))));
    assertThat(badFields.statusCode()).isEqualTo(400);
    assertThat(badFields.bodyAsJsonObject().getString("error")).isEqualTo("bad_roster");
    assertThat(badFields.bodyAsJsonObject().getString("message"))
        .contains("zone: must be text, a time zone")
        .contains("shifts[0].start: '7am' is not a time")
        .contains("shifts[1].zone: must be text, a time zone")
        .doesNotContain("not valid JSON");
    assertThat(inbox.count("SELECT count(*) FROM shifts")).isEqualTo(shiftsBefore);
  }

  private HttpResponse<Buffer> put(String token, String path, JsonObject body) throws Exception {
    return Await.result(inbox.http.put(path).putHeader("Authorization", "Bearer " + token).sendJsonObject(body));
  }
}
