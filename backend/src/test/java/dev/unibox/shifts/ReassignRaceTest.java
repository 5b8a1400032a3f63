package dev.unibox.shifts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.AgentSocket;
import dev.unibox.testing.Await;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.MutableClock;
import dev.unibox.testing.TestInbox;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A supervisor reassigns while the agent is sending: whichever commits first wins, the other sees the
 * new state. A reply from the former owner is refused with 409 and stores nothing; the former owner is
 * told by a conversation.moved event; the conversation has exactly one owner afterwards.
 */
@InboxTest
class ReassignRaceTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-11T03:00:00Z"));
  private TestInbox inbox;
  private long mei;
  private long arif;
  private String meiToken;
  private String sup;

  /** Two agents with room for every round of the race, Mei signed in, and the supervisor who moves her work. */
  @BeforeEach
  void cast() throws Exception {
    mei = inbox.createUser("mei", "agent", 50);
    arif = inbox.createUser("arif", "agent", 50);
    inbox.createUser("sup", "supervisor", 0);
    meiToken = inbox.login("mei");
    sup = inbox.login("sup");
  }

  @Test
  void replyAfterReassignmentIsRefusedWith409AndTheOldOwnerIsTold() throws Exception {
    try (AgentSocket meiSocket = inbox.socket(meiToken, 0)) {
      meiSocket.hello();
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
    int rounds = 30;
    Map<Long, String> sentTexts = new LinkedHashMap<>();
    Map<Long, String> refusedTexts = new LinkedHashMap<>();
    for (int i = 0; i < rounds; i++) {
      // time passes between rounds (a second: well inside the 60 s grace before an offline agent's
      // conversations are requeued, which would otherwise move them back to Mei)
      clock.advance(Duration.ofSeconds(1));
      long id = conversationFor(mei, "8120" + i, "Where is my parcel " + i + "?");
      String text = "On its way " + i;
      // alternate which request leaves first, so both orders of commit happen over the rounds
      Future<HttpResponse<Buffer>> reply;
      Future<HttpResponse<Buffer>> move;
      if (i % 2 == 0) {
        reply = replyAsync(meiToken, id, text);
        move = reassignAsync(sup, id, arif, i);
      } else {
        move = reassignAsync(sup, id, arif, i);
        reply = replyAsync(meiToken, id, text);
      }
      int replyStatus = Await.result(reply).statusCode();
      assertThat(Await.result(move).statusCode()).isEqualTo(200);
      long stored = inbox.count("SELECT count(*) FROM messages WHERE conversation_id = $1 AND body = $2", id, text);
      if (replyStatus == 202) {
        sentTexts.put(id, text);
        assertThat(stored).isEqualTo(1);
      } else {
        assertThat(replyStatus).isEqualTo(409);
        refusedTexts.put(id, text);
        assertThat(stored).isZero();
      }
      assertThat(inbox.count("SELECT assignee_id FROM conversations WHERE id = $1", id)).isEqualTo(arif);
    }
    assertThat(sentTexts).as("some replies committed before the move").isNotEmpty();
    assertThat(refusedTexts).as("some replies came after the move").isNotEmpty();
    assertThat(sentTexts.size() + refusedTexts.size()).isEqualTo(rounds);
    assertThat(inbox.count("SELECT count(*) FROM outbox")).isEqualTo(sentTexts.size());
    assertThat(inbox.count("SELECT active_count FROM users WHERE id = $1", mei)).isZero();
    assertThat(inbox.count("SELECT active_count FROM users WHERE id = $1", arif)).isEqualTo(rounds);
    assertThat(inbox.count("SELECT count(*) FROM activities WHERE type = 'reassigned'")).isEqualTo(rounds);

    // Mei's event stream is in commit order: an accepted reply was committed while she still owned the
    // conversation (its message.created comes before the conversation.moved), a refused one left no trace
    try (AgentSocket replay = inbox.socket(meiToken, 0)) {
      long horizon = replay.hello().getLong("lastSeq");
      // positions are global: wait for the newest one of Mei's own events
      long last = inbox.count("SELECT coalesce(max(id), 0) FROM event_log WHERE $1 = ANY(recipients) AND id <= $2",
          mei, horizon);
      replay.next(f -> f.getLong("seq", 0L) == last);
      List<JsonObject> events = replay.events();
      for (long id : sentTexts.keySet()) {
        int created = indexOf(events, "message.created", id, sentTexts.get(id));
        int moved = indexOf(events, "conversation.moved", id, null);
        assertThat(created).as("reply in conversation " + id).isNotNegative().isLessThan(moved);
      }
      for (long id : refusedTexts.keySet()) {
        assertThat(indexOf(events, "message.created", id, refusedTexts.get(id))).isNegative();
        assertThat(indexOf(events, "conversation.moved", id, null)).isNotNegative();
      }
    }
    // and every accepted reply reaches the platform once, the refused ones never
    Await.until("accepted replies sent", () -> inbox.shopee.acceptedSends().size() == sentTexts.size());
    assertThat(inbox.shopee.acceptedSends()).extracting(j -> j.getJsonObject("content").getString("text"))
        .containsExactlyInAnyOrderElementsOf(sentTexts.values());
  }

  private static int indexOf(List<JsonObject> events, String name, long conversationId, String text) {
    for (int i = 0; i < events.size(); i++) {
      JsonObject e = events.get(i);
      JsonObject data = e.getJsonObject("data");
      if (!name.equals(e.getString("event")) || data == null) {
        continue;
      }
      Long conv = data.getLong("conversationId", data.getJsonObject("conversation") == null ? null
          : data.getJsonObject("conversation").getLong("id"));
      if (conv == null || conv != conversationId) {
        continue;
      }
      if (text == null || text.equals(data.getJsonObject("message").getString("text"))) {
        return i;
      }
    }
    return -1;
  }

  private Future<HttpResponse<Buffer>> replyAsync(String token, long id, String text) {
    return inbox.http.post("/api/conversations/" + id + "/replies")
        .putHeader("Authorization", "Bearer " + token).sendJsonObject(new JsonObject().put("text", text));
  }

  private Future<HttpResponse<Buffer>> reassignAsync(String token, long id, long to, int round) {
    return inbox.http.post("/api/supervisor/reassign").putHeader("Authorization", "Bearer " + token)
        .sendJsonObject(new JsonObject().put("conversationIds", new JsonArray().add(id)).put("toAgentId", to)
            .put("reason", "race " + round));
  }

  /** A buyer message routed to the given agent (the only one online). */
  private long conversationFor(long agent, String buyer, String text) throws Exception {
    Await.result(inbox.db.pool().preparedQuery("UPDATE users SET presence = CASE WHEN id = $1 THEN 'online' ELSE 'offline' END "
        + "WHERE role = 'agent'").execute(io.vertx.sqlclient.Tuple.of(agent)));
    inbox.buyerWrites(TestInbox.SHOP_MY, buyer, "buyer" + buyer, text);
    Await.until("assigned", () -> {
      try {
        return inbox.count("SELECT count(*) FROM conversations c JOIN buyers b ON b.id = c.buyer_id "
            + "WHERE b.platform_buyer_id = $1 AND c.assignee_id = $2", buyer, agent) == 1;
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    });
    return inbox.conversationOf(buyer);
  }
}
