package dev.unibox.shifts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.AgentSocket;
import dev.unibox.testing.Await;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.StoredConversations;
import dev.unibox.testing.TestInbox;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An agent transfers a conversation to a named colleague: the colleagues offered are only those who serve
 * the conversation's shop (online, eligible and free first, readable names, nothing secret); bad input is
 * a 4xx that changes nothing; a full colleague or one of another shop is refused by the same seat check
 * as a supervisor's move; the transfer lands with the colleague and the event reaches their socket.
 */
@InboxTest
class TransferToColleagueTest {

  private static final String MY = TestInbox.ACCOUNT_MY;
  private static final String TW = TestInbox.ACCOUNT_TW;

  private TestInbox inbox;
  private StoredConversations chats;
  private long anna;
  private long bob;
  private long carl;
  private long dora;
  private long eve;

  @BeforeEach
  void start() throws Exception {
    anna = inbox.createUser("anna", "agent", 5, MY);
    bob = inbox.createUser("bob", "agent", 5, MY);
    carl = inbox.createUser("carl", "agent", 5, TW);
    dora = inbox.createUser("dora", "agent", 1, MY);
    eve = inbox.createUser("eve", "agent", 5, MY);
    inbox.markOnline(bob, carl, dora);
    Await.result(inbox.db.pool().preparedQuery("UPDATE users SET active_count = 1 WHERE id = $1").execute(Tuple.of(dora)));
  }

  @Test
  void anAgentSeesOnlyColleaguesOfTheShopOnlineAndFreeFirst() throws Exception {
    long id = chats.assigned(anna, "c-1");
    String annaToken = inbox.login("anna");
    var r = inbox.get(annaToken, "/api/conversations/" + id + "/colleagues");
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    JsonArray colleagues = r.bodyAsJsonObject().getJsonArray("colleagues");
    List<Long> ids = colleagues.stream().map(c -> ((JsonObject) c).getLong("id")).toList();
    assertThat(ids).as("online with room, online but full, then offline; never another shop's agent nor herself")
        .containsExactly(bob, dora, eve);
    JsonObject first = colleagues.getJsonObject(0);
    assertThat(first.getString("displayName")).isEqualTo("bob (agent)");
    assertThat(first.getString("presence")).isEqualTo("online");
    assertThat(first.getBoolean("eligible")).isTrue();
    assertThat(colleagues.getJsonObject(1).getBoolean("full")).isTrue();
    assertThat(r.bodyAsString()).doesNotContain("password").doesNotContain("\"username\"").doesNotContain("carl");

    // someone else's conversation, a conversation that does not exist, an id that is not a number
    String bobToken = inbox.login("bob");
    assertThat(inbox.get(bobToken, "/api/conversations/" + id + "/colleagues").statusCode()).isEqualTo(403);
    assertThat(inbox.get(annaToken, "/api/conversations/999999/colleagues").statusCode()).isEqualTo(404);
    var bad = inbox.get(annaToken, "/api/conversations/abc/colleagues");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.bodyAsJsonObject().getString("error")).isEqualTo("bad_id");
  }

  @Test
  void theTransferLandsWithTheNamedColleagueAndReachesTheirSocket() throws Exception {
    long id = chats.assigned(anna, "c-2");
    String annaToken = inbox.login("anna");

    var notANumber = inbox.post(annaToken, "/api/conversations/" + id + "/transfer", new JsonObject().put("toAgentId", "bob"));
    assertThat(notANumber.statusCode()).isEqualTo(400);
    var both = inbox.post(annaToken, "/api/conversations/" + id + "/transfer",
        new JsonObject().put("toAgentId", bob).put("toQueue", true));
    assertThat(both.statusCode()).isEqualTo(400);
    var otherShop = inbox.post(annaToken, "/api/conversations/" + id + "/transfer", new JsonObject().put("toAgentId", carl));
    assertThat(otherShop.statusCode()).isEqualTo(409);
    assertThat(otherShop.bodyAsJsonObject().getString("error")).isEqualTo("agent_not_eligible");
    var full = inbox.post(annaToken, "/api/conversations/" + id + "/transfer", new JsonObject().put("toAgentId", dora));
    assertThat(full.statusCode()).isEqualTo(409);
    assertThat(full.bodyAsJsonObject().getString("error")).isEqualTo("agent_full");
    var unknown = inbox.post(annaToken, "/api/conversations/" + id + "/transfer", new JsonObject().put("toAgentId", 987654));
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(inbox.count("SELECT assignee_id FROM conversations WHERE id = $1", id)).as("nothing changed").isEqualTo(anna);
    assertThat(inbox.count("SELECT count(*) FROM activities WHERE conversation_id = $1", id)).isZero();

    String bobToken = inbox.login("bob");
    try (AgentSocket bobSocket = inbox.socket(bobToken, 0)) {
      bobSocket.hello();
      var r = inbox.post(annaToken, "/api/conversations/" + id + "/transfer",
          new JsonObject().put("toAgentId", bob).put("note", "Refund approved, tell the buyer"));
      assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
      assertThat(r.bodyAsJsonObject().getString("result")).isEqualTo("assigned");
      JsonObject moved = bobSocket.nextEvent("conversation.moved").getJsonObject("data");
      assertThat(moved.getString("kind")).isEqualTo("transfer");
      assertThat(moved.getJsonObject("to").getLong("id")).isEqualTo(bob);
      assertThat(moved.getString("note")).isEqualTo("Refund approved, tell the buyer");
    }
    assertThat(inbox.count("SELECT assignee_id FROM conversations WHERE id = $1", id)).isEqualTo(bob);
    assertThat(inbox.count("SELECT active_count FROM users WHERE id = $1", bob)).isEqualTo(1);
    assertThat(inbox.count("SELECT active_count FROM users WHERE id = $1", anna)).isZero();
    assertThat(inbox.count("SELECT count(*) FROM activities WHERE conversation_id = $1 AND type = 'transferred'", id))
        .isEqualTo(1);
    // no longer hers: she cannot list colleagues for it any more
    assertThat(inbox.get(annaToken, "/api/conversations/" + id + "/colleagues").statusCode()).isEqualTo(403);
  }
}
