package dev.unibox.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.adapters.shopee.fake.PushOutcome;
import dev.unibox.testing.AgentSocket;
import dev.unibox.testing.Await;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.TestInbox;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Signed Shopee push in -> agent socket -> agent reply -> signed send_message at the fake Shopee, exactly once. */
@InboxTest
class EndToEndReplyTest {

  private TestInbox inbox;

  @Test
  void buyerMessageReachesTheAgentAndTheReplyIsSentOnceSigned() throws Exception {
    String token = onlineAgent("mei");
    try (AgentSocket socket = inbox.onlineSocket(token)) {

      PushOutcome push = Await.result(inbox.shopee.pushBuyerText(TestInbox.SHOP_MY, "811200", "aisyah.r",
          "Barang sampai rosak, saya nak refund"));
      assertThat(push.statusCode()).isEqualTo(200);

      JsonObject assigned = socket.nextEvent("conversation.assigned");
      JsonObject conversation = assigned.getJsonObject("data").getJsonObject("conversation");
      assertThat(conversation.getString("priority")).isEqualTo("urgent");
      assertThat(conversation.getString("category")).isEqualTo("after_sale");
      assertThat(conversation.getString("platform")).isEqualTo("shopee");
      assertThat(conversation.getJsonObject("buyer").getString("name")).isEqualTo("aisyah.r");
      long conversationId = conversation.getLong("id");

      JsonObject detail = inbox.get(token, "/api/conversations/" + conversationId).bodyAsJsonObject();
      assertThat(detail.getJsonArray("timeline").encode()).contains("Barang sampai rosak");

      var reply = inbox.post(token, "/api/conversations/" + conversationId + "/replies",
          new JsonObject().put("text", "Maaf atas kesulitan, kami akan proses refund segera."));
      assertThat(reply.statusCode()).isEqualTo(202);
      long messageId = reply.bodyAsJsonObject().getJsonObject("message").getLong("id");
      assertThat(reply.bodyAsJsonObject().getJsonObject("message").getString("status")).isEqualTo("pending");

      assertThat(socket.messageStatus(messageId).getString("status")).isEqualTo("sent");

      assertThat(inbox.shopee.acceptedSends()).hasSize(1);
      JsonObject sent = inbox.shopee.acceptedSends().get(0);
      assertThat(sent.getValue("to_id").toString()).isEqualTo("811200");
      assertThat(sent.encode()).contains("kami akan proses refund segera");
      assertThat(inbox.shopee.rejectedCalls()).isZero();
      assertThat(inbox.count("SELECT count(*) FROM messages WHERE id = $1 AND status = 'sent' "
          + "AND platform_message_id IS NOT NULL", messageId)).isEqualTo(1);
    }
  }

  @Test
  void transientFailureIsRetriedAndStillDeliveredExactlyOnce() throws Exception {
    Sent sent = replyWhile(() -> inbox.shopee.failNextSends(2, "system_busy"), "arif", TestInbox.SHOP_TW, "900001", "小明",
        "請問這件還有M號嗎?", "有的,M號還有庫存喔");

    assertThat(sent.status().getString("status")).isEqualTo("sent");
    assertThat(inbox.shopee.acceptedSends()).hasSize(1);
    assertThat(inbox.count("SELECT attempts FROM outbox WHERE message_id = $1", sent.messageId())).isEqualTo(3);
  }

  @Test
  void sendThatTimedOutAfterShopeeTookItIsFoundThereAndNotSentAgain() throws Exception {
    Sent sent = replyWhile(() -> inbox.shopee.stallNextSends(1), "siti", TestInbox.SHOP_MY, "811202", "hafiz",
        "Dah pos ke belum?", "Sudah dipos semalam, ini nombor tracking");

    assertThat(sent.status().getString("status")).isEqualTo("sent");
    assertThat(inbox.shopee.acceptedSends()).hasSize(1);
    String shopeeId = inbox.shopee.acceptedSends().get(0).getString("message_id");
    assertThat(inbox.rows("SELECT platform_message_id FROM messages WHERE id = $1", sent.messageId()).get(0).getString(0))
        .isEqualTo(shopeeId);
    assertThat(inbox.count("SELECT attempts FROM outbox WHERE message_id = $1", sent.messageId())).isEqualTo(2);
  }

  @Test
  void permanentFailureMarksTheReplyFailedWithoutRetrying() throws Exception {
    Sent sent = replyWhile(() -> inbox.shopee.failNextSends(1, "error_param"), "lee", TestInbox.SHOP_MY, "811201", "tan.k",
        "Is the blue one in stock?", "Yes it is");

    assertThat(sent.status().getString("status")).isEqualTo("failed");
    assertThat(sent.status().getString("error")).isNotBlank();
    assertThat(inbox.shopee.acceptedSends()).isEmpty();
    assertThat(inbox.count("SELECT attempts FROM outbox WHERE message_id = $1", sent.messageId())).isEqualTo(1);
  }

  private record Sent(long messageId, JsonObject status) {}

  /**
   * A new agent is assigned the buyer's message and replies to it after {@code fault} set up how the fake
   * Shopee misbehaves; returns the reply's id and the final status its socket was told.
   */
  private Sent replyWhile(Runnable fault, String agent, long shopId, String buyerId, String buyerName, String buyerText,
      String reply) throws Exception {
    String token = onlineAgent(agent);
    try (AgentSocket socket = inbox.onlineSocket(token)) {
      long conversationId = assignedAfterPush(socket, shopId, buyerId, buyerName, buyerText);
      fault.run();
      long messageId = reply(token, conversationId, reply);
      return new Sent(messageId, socket.messageStatus(messageId));
    }
  }

  private String onlineAgent(String username) throws Exception {
    return inbox.loggedIn(username, "agent", 3);
  }

  /** Posts a text reply and returns the id of the message it stored. */
  private long reply(String token, long conversationId, String text) throws Exception {
    return inbox.post(token, "/api/conversations/" + conversationId + "/replies", new JsonObject().put("text", text))
        .bodyAsJsonObject().getJsonObject("message").getLong("id");
  }

  /** A buyer writes; returns the conversation the router assigned to this socket's agent. */
  private long assignedAfterPush(AgentSocket socket, long shopId, String buyerId, String buyerName, String text)
      throws Exception {
    inbox.buyerWrites(shopId, buyerId, buyerName, text);
    return socket.nextAssigned();
  }
}
