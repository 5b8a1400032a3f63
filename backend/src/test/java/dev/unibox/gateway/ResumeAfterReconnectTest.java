package dev.unibox.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.AgentSocket;
import dev.unibox.testing.Await;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.TestInbox;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A client that reconnects with its last seq gets every event it missed, in order, once. Positions are
 * the shared event log's: increasing for each user, not contiguous.
 */
@InboxTest
class ResumeAfterReconnectTest {

  private TestInbox inbox;

  @Test
  void supervisorMissesNothingWhileDisconnected() throws Exception {
    String token = inbox.loggedIn("lin", "supervisor", 3);
    long lastSeq;
    try (AgentSocket first = inbox.socket(token, 0)) {
      first.hello();
      Await.result(inbox.shopee.pushBuyerText(TestInbox.SHOP_MY, "811200", "aisyah", "Ada warna merah?"));
      lastSeq = first.nextEvent("message.created").getLong("seq");
    }

    for (int i = 0; i < 5; i++) {
      Await.result(inbox.shopee.pushBuyerText(TestInbox.SHOP_MY, "8113" + i, "buyer" + i, "missed message " + i));
    }

    try (AgentSocket second = inbox.socket(token, lastSeq)) {
      JsonObject hello = second.hello();
      assertThat(hello.getLong("lastSeq")).isGreaterThanOrEqualTo(lastSeq + 5);
      long previous = lastSeq;
      for (int i = 0; i < 5; i++) {
        JsonObject e = second.nextEvent("message.created");
        assertThat(e.getLong("seq")).isGreaterThan(previous);
        previous = e.getLong("seq");
        assertThat(e.getJsonObject("data").getJsonObject("message").getString("text")).isEqualTo("missed message " + i);
      }
      // and live events keep flowing after the resume
      Await.result(inbox.shopee.pushBuyerText(TestInbox.SHOP_MY, "811399", "late", "live after resume"));
      JsonObject live = second.nextEvent("message.created");
      assertThat(live.getLong("seq")).isGreaterThan(previous);
      assertThat(live.getJsonObject("data").getJsonObject("message").getString("text")).isEqualTo("live after resume");
      List<Long> seqs = second.events().stream().map(f -> f.getLong("seq")).toList();
      assertThat(seqs).doesNotHaveDuplicates().isSorted();
      assertThat(second.events().stream().filter(f -> "message.created".equals(f.getString("event")))
          .map(f -> f.getJsonObject("data").getJsonObject("message").getString("text")).toList())
          .containsExactly("missed message 0", "missed message 1", "missed message 2", "missed message 3",
              "missed message 4", "live after resume");
    }
  }

  @Test
  void agentGetsMessagesOfTheirConversationSentWhileOffline() throws Exception {
    String token = inbox.loggedIn("mei", "agent", 3);
    long lastSeq;
    try (AgentSocket socket = inbox.onlineSocket(token)) {
      Await.result(inbox.shopee.pushBuyerText(TestInbox.SHOP_MY, "811200", "aisyah", "Saya nak tukar alamat"));
      // not yet assigned when the message was stored, so the agent's first event is the assignment
      lastSeq = socket.nextEvent("conversation.assigned").getLong("seq");
    }
    Await.until("mei offline",
        () -> inbox.count("SELECT count(*) FROM users WHERE username = 'mei' AND presence = 'online'") == 0);

    Await.result(inbox.shopee.pushBuyerText(TestInbox.SHOP_MY, "811200", "aisyah", "Alamat baru: Jalan Ampang 12"));

    try (AgentSocket socket = inbox.socket(token, lastSeq)) {
      JsonObject missed = socket.nextEvent("message.created");
      assertThat(missed.getLong("seq")).isGreaterThan(lastSeq);
      assertThat(missed.getJsonObject("data").getJsonObject("message").getString("text"))
          .isEqualTo("Alamat baru: Jalan Ampang 12");
    }
  }

  @Test
  void aSocketWithoutAValidAuthFrameIsClosed() throws Exception {
    try (AgentSocket noToken = AgentSocket.connect(inbox.vertx, inbox.app.httpPort(), "not-a-token", 0)) {
      assertThat(noToken.awaitClosed()).isEqualTo((short) 4401);
    }
    try (AgentSocket wrongFirstFrame = AgentSocket.open(inbox.vertx, inbox.app.httpPort())) {
      wrongFirstFrame.send(new JsonObject().put("type", "subscribe"));
      assertThat(wrongFirstFrame.awaitClosed()).isEqualTo((short) 4401);
    }
  }
}
