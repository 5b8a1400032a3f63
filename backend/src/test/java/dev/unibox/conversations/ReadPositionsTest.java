package dev.unibox.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.InboxTest;
import dev.unibox.testing.MutableClock;
import dev.unibox.testing.TestInbox;
import dev.unibox.testing.TestIngest;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Unread badges come from the server: the list carries each conversation's buyer messages past the viewer's
 * read position, so a reload, another device or the next shift's login shows the same badges; opening a
 * conversation or reading a message moves the position forward only, per user, and only within
 * conversations the user may read.
 */
@InboxTest
class ReadPositionsTest {

  private static final Instant T0 = Instant.parse("2026-11-11T02:00:00Z");
  private final MutableClock clock = new MutableClock(T0);
  private TestInbox inbox;
  private TestIngest ingest;
  private String mei;
  private String lin;
  private long chat;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    long meiId = inbox.createUser("mei", "agent", 3);
    inbox.createUser("lin", "supervisor", 0);
    inbox.createUser("arif", "agent", 3);
    inbox.goOnline(meiId);
    chat = ingest.buyer(TestInbox.ACCOUNT_MY, "b1", "Ada stok?", T0);
    inbox.awaitAssigned(meiId, 1);
    ingest.buyer(TestInbox.ACCOUNT_MY, "b1", "Saiz M ada?", T0.plusSeconds(5));
    mei = inbox.login("mei");
    lin = inbox.login("lin");
  }

  @Test
  void theListCountsBuyerMessagesPastEachUsersReadPosition() throws Exception {
    assertThat(unread(mei)).isEqualTo(2);
    assertThat(unread(lin)).isEqualTo(2);

    JsonObject read = inbox.post(mei, "/api/conversations/" + chat + "/read", new JsonObject()).bodyAsJsonObject();
    assertThat(read.getInteger("unread")).isZero();
    assertThat(unread(mei)).isZero();
    assertThat(unread(lin)).as("each user has their own position").isEqualTo(2);

    inbox.post(mei, "/api/conversations/" + chat + "/replies", new JsonObject().put("text", "Ada, saiz M ada."));
    ingest.buyer(TestInbox.ACCOUNT_MY, "b1", "Ok terima kasih", T0.plusSeconds(60));
    assertThat(unread(mei)).as("only buyer messages count").isEqualTo(1);
  }

  @Test
  void openingAConversationReadsWhatItShowsForThatUserOnly() throws Exception {
    assertThat(inbox.get(lin, "/api/conversations/" + chat).statusCode()).isEqualTo(200);
    assertThat(unread(lin)).isZero();
    assertThat(unread(mei)).as("mei has not opened it").isEqualTo(2);
    ingest.buyer(TestInbox.ACCOUNT_MY, "b1", "Hello?", T0.plusSeconds(30));
    assertThat(unread(lin)).as("a message after the open").isEqualTo(1);
  }

  @Test
  void readingUpToAMessageLeavesLaterOnesUnreadAndNeverMovesBack() throws Exception {
    long first = inbox.count("SELECT min(id) FROM messages WHERE conversation_id = $1", chat);
    assertThat(inbox.post(lin, "/api/conversations/" + chat + "/read", new JsonObject().put("upTo", first))
        .bodyAsJsonObject().getInteger("unread")).isEqualTo(1);
    assertThat(unread(lin)).isEqualTo(1);
    inbox.post(lin, "/api/conversations/" + chat + "/read", new JsonObject());
    assertThat(inbox.post(lin, "/api/conversations/" + chat + "/read", new JsonObject().put("upTo", first))
        .bodyAsJsonObject().getInteger("unread")).as("an older position does not undo a newer one").isZero();
    assertThat(unread(lin)).isZero();
  }

  @Test
  void aMessageOfAnotherConversationCannotMoveThePosition() throws Exception {
    long other = ingest.buyer(TestInbox.ACCOUNT_MY, "b2", "Hello", T0.plusSeconds(90));
    long otherMessage = inbox.count("SELECT max(id) FROM messages WHERE conversation_id = $1", other);
    inbox.post(lin, "/api/conversations/" + chat + "/read", new JsonObject().put("upTo", otherMessage));
    assertThat(unread(lin)).as("the position is capped at this conversation's own messages").isZero();
    assertThat(inbox.count("SELECT message_id FROM read_positions WHERE conversation_id = $1", chat))
        .isLessThan(otherMessage);
  }

  @Test
  void badInputAndOtherPeoplesConversationsAreRefusedAndChangeNothing() throws Exception {
    String arif = inbox.login("arif");
    var forbidden = inbox.post(arif, "/api/conversations/" + chat + "/read", new JsonObject());
    assertThat(forbidden.statusCode()).isEqualTo(403);
    var bad = inbox.post(mei, "/api/conversations/" + chat + "/read", new JsonObject().put("upTo", "latest"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.bodyAsJsonObject().getString("error")).isEqualTo("bad_read_position");
    assertThat(inbox.post(mei, "/api/conversations/" + chat + "/read", new JsonObject().put("upTo", 1.5))
        .statusCode()).isEqualTo(400);
    assertThat(inbox.post(mei, "/api/conversations/999999/read", new JsonObject()).statusCode()).isEqualTo(404);
    assertThat(inbox.count("SELECT count(*) FROM read_positions")).isZero();
  }

  private int unread(String token) throws Exception {
    JsonArray list = inbox.get(token, "/api/conversations").bodyAsJsonObject().getJsonArray("conversations");
    for (int i = 0; i < list.size(); i++) {
      if (list.getJsonObject(i).getLong("id") == chat) {
        return list.getJsonObject(i).getInteger("unread");
      }
    }
    throw new AssertionError("conversation " + chat + " not in the list");
  }
}
