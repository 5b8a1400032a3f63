package dev.unibox.shifts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.AgentSocket;
import dev.unibox.testing.Await;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.MutableClock;
import dev.unibox.testing.TestInbox;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Double-Eleven: a pre-sale agent calms the buyer and transfers the case to the after-sale team with a
 * note; internal notes never reach the platform; presence (away) is seen by supervisors and respected
 * by routing; the prefilled handover note is never empty; a transfer with nobody free waits at the head
 * of its class for the right team.
 */
@InboxTest
class TransferNotesPresenceTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-11T03:00:00Z"));
  private TestInbox inbox;

  @Test
  void preSaleTransfersToAfterSaleWithTheHistoryAndNotesStayInternal() throws Exception {
    long pre = inbox.createUser("pre", "agent", 5);
    long after = inbox.createUser("after", "agent", 5);
    String admin = inbox.loginAdmin();
    put(admin, "/api/teams/pre_sale", new JsonObject().put("displayName", "Pre-sale").put("agents", new JsonArray().add("pre")));
    put(admin, "/api/teams/after_sale", new JsonObject().put("displayName", "After-sale")
        .put("agents", new JsonArray().add("after")));
    String preToken = inbox.login("pre");
    String afterToken = inbox.login("after");
    try (AgentSocket preSocket = inbox.socket(preToken, 0)) {
      preSocket.hello();
      Await.result(inbox.shopee.pushBuyerText(TestInbox.SHOP_MY, "811900", "siti", "Order #88231 arrived broken!"));
      inbox.awaitAssigned(pre, 1);
      long id = inbox.count("SELECT id FROM conversations");
      assertThat(inbox.post(preToken, "/api/conversations/" + id + "/replies",
          new JsonObject().put("text", "So sorry! I will pass you to our after-sale team right away.")).statusCode())
          .isEqualTo(202);
      Await.until("reply sent", () -> inbox.shopee.acceptedSends().size() == 1);
      assertThat(inbox.post(preToken, "/api/conversations/" + id + "/notes",
          new JsonObject().put("text", "INTERNAL: buyer sent photos, looks like courier damage")).statusCode()).isEqualTo(201);

      // the prefilled note names the order and the promise
      JsonObject draft = inbox.get(preToken, "/api/conversations/" + id + "/handover-note").bodyAsJsonObject();
      assertThat(draft.getBoolean("saved")).isFalse();
      assertThat(draft.getString("text")).contains("88231").contains("I will pass you to our after-sale team");

      // the after-sale agent is away: the transfer waits at the head of its class, for that team only
      try (AgentSocket afterSocket = inbox.socket(afterToken, 0)) {
        afterSocket.hello();
        assertThat(inbox.post(afterToken, "/api/me/presence", new JsonObject().put("status", "away")).statusCode())
            .isEqualTo(200);
        assertThat(inbox.count("SELECT count(*) FROM users WHERE id = $1 AND presence = 'away'", after)).isEqualTo(1);
        JsonObject queued = inbox.post(preToken, "/api/conversations/" + id + "/transfer", new JsonObject()
            .put("team", "after_sale").put("reason", "after-sale case")
            .put("note", "Broken on arrival, order #88231, photos in chat. Offer refund or resend.")).bodyAsJsonObject();
        assertThat(queued.getString("result")).isEqualTo("queued");
        assertThat(inbox.count("SELECT count(*) FROM conversations WHERE status = 'queued' AND head_of_class AND team = 'after_sale'"))
            .isEqualTo(1);
        assertThat(preSocket.nextEvent("conversation.moved").getJsonObject("data").getValue("to")).isNull();

        // back online: the router gives it to the after-sale agent, not back to pre-sale
        assertThat(inbox.post(afterToken, "/api/me/presence", new JsonObject().put("status", "online")).statusCode())
            .isEqualTo(200);
        inbox.awaitAssigned(after, 1);
        afterSocket.nextEvent("conversation.assigned");
      }
      JsonObject view = inbox.get(afterToken, "/api/conversations/" + id).bodyAsJsonObject();
      String timeline = view.getJsonArray("timeline").encode();
      assertThat(timeline).contains("Order #88231 arrived broken!").contains("I will pass you to our after-sale team")
          .contains("INTERNAL: buyer sent photos").contains("Broken on arrival, order #88231")
          .contains("for team after_sale");
    }
    // notes never went to the platform: the one reply is the only send
    clock.advance(Duration.ofSeconds(30));
    assertThat(inbox.shopee.acceptedSends()).hasSize(1);
    assertThat(inbox.shopee.acceptedSends().get(0).encode()).doesNotContain("INTERNAL").doesNotContain("Broken on arrival");
    assertThat(inbox.count("SELECT count(*) FROM outbox")).isEqualTo(1);
  }

  @Test
  void presenceIsSeenBySupervisorsAndAwayAgentsGetNoNewWork() throws Exception {
    long mei = inbox.createUser("mei", "agent", 5);
    try (AgentSocket sup = inbox.socket(inbox.loggedIn("sup", "supervisor", 0), 0);
         AgentSocket agent = inbox.socket(inbox.login("mei"), 0)) {
      sup.hello();
      agent.hello();
      JsonObject online = presenceOf(sup, mei);
      assertThat(online.getString("presence")).isEqualTo("online");
      inbox.post(inbox.login("mei"), "/api/me/presence", new JsonObject().put("status", "away"));
      JsonObject away = presenceOf(sup, mei);
      assertThat(away.getLong("id")).isEqualTo(mei);
      assertThat(away.getString("presence")).isEqualTo("away");
      Await.result(inbox.shopee.pushBuyerText(TestInbox.SHOP_MY, "811901", "ali", "Ada stok?"));
      Await.result(new dev.unibox.routing.Assigner(inbox.vertx, inbox.db.pool(), clock).drain());
      assertThat(inbox.count("SELECT count(*) FROM conversations WHERE status = 'queued'")).isEqualTo(1);
      JsonObject console = inbox.get(inbox.login("sup"), "/api/supervisor/console").bodyAsJsonObject();
      assertThat(console.getJsonArray("agents").getJsonObject(0).getString("presence")).isEqualTo("away");
      assertThat(console.getJsonArray("queue")).hasSize(1);
    }
  }

  private static JsonObject presenceOf(AgentSocket socket, long agentId) throws InterruptedException {
    return socket.next(f -> "agent.presence".equals(f.getString("event"))
        && f.getJsonObject("data").getJsonObject("agent").getLong("id") == agentId).getJsonObject("data").getJsonObject("agent");
  }

  private void put(String token, String path, JsonObject body) throws Exception {
    assertThat(Await.result(inbox.http.put(path).putHeader("Authorization", "Bearer " + token).sendJsonObject(body))
        .statusCode()).isEqualTo(200);
  }
}
