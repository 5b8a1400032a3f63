package dev.unibox.shifts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.AgentSocket;
import dev.unibox.testing.Await;
import dev.unibox.testing.MutableClock;
import dev.unibox.testing.TestInbox;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A supervisor reassigns while the agent is sending: whichever commits first wins, the other sees the
 * new state. A reply from the former owner is refused with 409 and stores nothing; the former owner is
 * told by a conversation.moved event; the conversation has exactly one owner afterwards.
 */
@ExtendWith(VertxExtension.class)
class ReassignRaceTest {

  private MutableClock clock;
  private TestInbox inbox;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    clock = new MutableClock(Instant.parse("2026-11-11T03:00:00Z"));
    inbox = TestInbox.start(vertx, clock);
  }

  @AfterEach
  void stop() throws Exception {
    inbox.close();
  }

  @Test
  void replyAfterReassignmentIsRefusedWith409AndTheOldOwnerIsTold() throws Exception {
    long mei = inbox.createUser("mei", "agent", 5);
    long arif = inbox.createUser("arif", "agent", 5);
    inbox.createUser("sup", "supervisor", 0);
    String meiToken = inbox.login("mei");
    String sup = inbox.login("sup");
    try (AgentSocket meiSocket = inbox.socket(meiToken, 0)) {
      meiSocket.next(f -> "hello".equals(f.getString("type")));
      long id = conversationFor(mei, "811001", "Barang saya rosak, nak refund");
      inbox.post(meiToken, "/api/conversations/" + id + "/notes", new JsonObject().put("text", "Buyer is upset"));

      HttpResponse<Buffer> moved = inbox.post(sup, "/api/supervisor/reassign", new JsonObject()
          .put("conversationIds", new JsonArray().add(id)).put("toAgentId", arif).put("reason", "Mei is overloaded"));
      assertThat(moved.statusCode()).isEqualTo(200);
      assertThat(moved.bodyAsJsonObject().getJsonArray("results").getJsonObject(0).getString("result")).isEqualTo("assigned");

      JsonObject event = meiSocket.nextEvent("conversation.moved").getJsonObject("data");
      assertThat(event.getJsonObject("to").getLong("id")).isEqualTo(arif);
      assertThat(event.getString("reason")).isEqualTo("Mei is overloaded");
      assertThat(event.getJsonObject("by").getString("displayName")).isEqualTo("sup (supervisor)");

      HttpResponse<Buffer> late = inbox.post(meiToken, "/api/conversations/" + id + "/replies",
          new JsonObject().put("text", "Sorry, I will refund you"));
      assertThat(late.statusCode()).isEqualTo(409);
      assertThat(late.bodyAsJsonObject().getString("error")).isEqualTo("not_owner");
      assertThat(inbox.count("SELECT count(*) FROM messages WHERE direction = 'out'")).isZero();
      assertThat(inbox.count("SELECT count(*) FROM outbox")).isZero();
      assertThat(inbox.get(meiToken, "/api/conversations/" + id).statusCode()).isEqualTo(403);

      // the command is on record and on the timeline, with who and why
      JsonObject view = inbox.get(inbox.login("arif"), "/api/conversations/" + id).bodyAsJsonObject();
      String timeline = view.getJsonArray("timeline").encode();
      assertThat(timeline).contains("Reassigned from mei (agent) to arif (agent) by sup (supervisor): Mei is overloaded")
          .contains("Buyer is upset").contains("handover_note");
      JsonObject command = inbox.get(sup, "/api/supervisor/commands").bodyAsJsonObject().getJsonArray("commands")
          .getJsonObject(0);
      assertThat(command.getString("command")).isEqualTo("reassign");
      assertThat(command.getString("by")).isEqualTo("sup (supervisor)");
      assertThat(command.getString("reason")).isEqualTo("Mei is overloaded");
    }
  }

  @Test
  void concurrentReplyAndReassignEndInOneConsistentState() throws Exception {
    long mei = inbox.createUser("mei", "agent", 50);
    long arif = inbox.createUser("arif", "agent", 50);
    inbox.createUser("sup", "supervisor", 0);
    String meiToken = inbox.login("mei");
    String sup = inbox.login("sup");
    int rounds = 25;
    int refused = 0;
    int sent = 0;
    for (int i = 0; i < rounds; i++) {
      long id = conversationFor(mei, "8120" + i, "Where is my parcel " + i + "?");
      String text = "On its way " + i;
      Future<HttpResponse<Buffer>> reply = inbox.http.post("/api/conversations/" + id + "/replies")
          .putHeader("Authorization", "Bearer " + meiToken).sendJsonObject(new JsonObject().put("text", text));
      Future<HttpResponse<Buffer>> move = inbox.http.post("/api/supervisor/reassign")
          .putHeader("Authorization", "Bearer " + sup).sendJsonObject(new JsonObject()
              .put("conversationIds", new JsonArray().add(id)).put("toAgentId", arif).put("reason", "race " + i));
      int replyStatus = Await.result(reply).statusCode();
      assertThat(Await.result(move).statusCode()).isEqualTo(200);
      long stored = inbox.count("SELECT count(*) FROM messages WHERE conversation_id = $1 AND body = $2", id, text);
      if (replyStatus == 202) {
        sent++;
        // the reply committed before the move: it is in the timeline before the reassignment and will be sent
        assertThat(stored).isEqualTo(1);
        assertThat(inbox.count("""
            SELECT count(*) FROM messages m, activities a WHERE m.conversation_id = $1 AND a.conversation_id = $1
              AND m.body = $2 AND a.type = 'reassigned' AND m.id IS NOT NULL AND m.created_at <= a.at""", id, text))
            .isEqualTo(1);
      } else {
        refused++;
        assertThat(replyStatus).isEqualTo(409);
        assertThat(stored).isZero();
      }
      assertThat(inbox.count("SELECT assignee_id FROM conversations WHERE id = $1", id)).isEqualTo(arif);
    }
    assertThat(sent + refused).isEqualTo(rounds);
    assertThat(inbox.count("SELECT count(*) FROM outbox")).isEqualTo(sent);
    assertThat(inbox.count("SELECT active_count FROM users WHERE id = $1", mei)).isZero();
    assertThat(inbox.count("SELECT active_count FROM users WHERE id = $1", arif)).isEqualTo(rounds);
    assertThat(inbox.count("SELECT count(*) FROM activities WHERE type = 'reassigned'")).isEqualTo(rounds);
  }

  /** A buyer message routed to the given agent (the only one online). */
  private long conversationFor(long agent, String buyer, String text) throws Exception {
    Await.result(inbox.db.pool().preparedQuery("UPDATE users SET presence = CASE WHEN id = $1 THEN 'online' ELSE 'offline' END "
        + "WHERE role = 'agent'").execute(io.vertx.sqlclient.Tuple.of(agent)));
    assertThat(Await.result(inbox.shopee.pushBuyerText(TestInbox.SHOP_MY, buyer, "buyer" + buyer, text)).statusCode())
        .isEqualTo(200);
    Await.until("assigned", () -> {
      try {
        return inbox.count("SELECT count(*) FROM conversations c JOIN buyers b ON b.id = c.buyer_id "
            + "WHERE b.platform_buyer_id = $1 AND c.assignee_id = $2", buyer, agent) == 1;
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    });
    return inbox.count("SELECT c.id FROM conversations c JOIN buyers b ON b.id = c.buyer_id WHERE b.platform_buyer_id = $1",
        buyer);
  }
}
