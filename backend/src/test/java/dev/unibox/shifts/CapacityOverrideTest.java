package dev.unibox.shifts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.InboxTest;
import dev.unibox.testing.StoredConversations;
import dev.unibox.testing.TestInbox;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A supervisor gives a conversation to an agent who is full only by saying so (overCapacity) with a
 * reason; the timeline entry and the command record carry it. Without the override the move is refused.
 */
@InboxTest
class CapacityOverrideTest {

  private static final String MY = TestInbox.ACCOUNT_MY;

  private TestInbox inbox;
  private StoredConversations chats;
  private long bob;
  private String lead;

  @BeforeEach
  void start() throws Exception {
    bob = inbox.createUser("bob", "agent", 1, MY);
    inbox.createUser("sue", "supervisor", 0, MY);
    lead = inbox.login("sue");
  }

  @Test
  void aFullAgentTakesAConversationOnlyWithTheOverrideAndItsReasonIsOnTheTimeline() throws Exception {
    chats.assigned(bob, "c-1");
    long queued = chats.queued("c-2", null);

    JsonObject refused = move(queued, null).getJsonObject(0);
    assertThat(refused.getString("result")).isEqualTo("refused");
    assertThat(refused.getString("error")).isEqualTo("agent_full");
    assertThat(inbox.count("SELECT count(*) FROM conversations WHERE id = $1 AND status = 'queued'", queued)).isOne();

    assertThat(inbox.post(lead, "/api/supervisor/reassign", body(queued).put("overCapacity", "yes")).statusCode())
        .isEqualTo(400);

    JsonObject moved = move(queued, true).getJsonObject(0);
    assertThat(moved.getString("result")).isEqualTo("assigned");
    assertThat(inbox.count("SELECT active_count FROM users WHERE id = $1", bob)).isEqualTo(2);
    assertThat(inbox.rows("SELECT body FROM activities WHERE conversation_id = $1 AND type = 'reassigned'", queued)
        .get(0).getString(0)).contains("over capacity").contains("VIP buyer, Bob knows the order");
    assertThat(inbox.rows("SELECT result->>'overCapacity' FROM supervisor_commands ORDER BY id DESC LIMIT 1")
        .get(0).getString(0)).isEqualTo("true");
  }

  private JsonArray move(long id, Boolean over) throws Exception {
    JsonObject body = body(id);
    if (over != null) {
      body.put("overCapacity", over);
    }
    var r = inbox.post(lead, "/api/supervisor/reassign", body);
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    return r.bodyAsJsonObject().getJsonArray("results");
  }

  private JsonObject body(long id) {
    return new JsonObject().put("conversationIds", new JsonArray().add(id)).put("toAgentId", bob)
        .put("reason", "VIP buyer, Bob knows the order");
  }
}
