package dev.unibox.shifts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.Await;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.TestInbox;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
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
    conversation("c-1", "assigned", bob);
    Await.result(inbox.db.pool().preparedQuery("UPDATE users SET active_count = 1 WHERE id = $1").execute(Tuple.of(bob)));
    long queued = conversation("c-2", "queued", null);

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

  private long conversation(String key, String status, Long agent) throws Exception {
    long buyer = inbox.rows("INSERT INTO buyers (account_id, platform_buyer_id, name) VALUES ($1, $2, 'Buyer') "
        + "RETURNING id", MY, "b-" + key).get(0).getLong(0);
    return inbox.rows("""
        INSERT INTO conversations (account_id, platform_conversation_id, buyer_id, status, assignee_id,
                                   last_assignee_id, queued_at, waiting_since, created_at, updated_at)
        VALUES ($1, $2, $3, $4, $5, $5, CASE WHEN $4 = 'queued' THEN now() END, now(), now(), now())
        RETURNING id""", MY, key, buyer, status, agent).get(0).getLong(0);
  }
}
