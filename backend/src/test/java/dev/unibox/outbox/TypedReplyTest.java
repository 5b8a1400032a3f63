package dev.unibox.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.AgentSocket;
import dev.unibox.testing.Await;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.TestInbox;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Replies of the platform's other types (product card, order card, image by URL), checked against capabilities. */
@InboxTest
class TypedReplyTest {

  private TestInbox inbox;

  @Test
  void productOrderAndImageRepliesReachShopeeAsTheirTypesAndUnknownTypesAreRefused(Vertx vertx) throws Exception {
    String token = inbox.loggedIn("hana", "agent", 3);
    try (AgentSocket socket = inbox.onlineSocket(token)) {
      Await.result(inbox.shopee.pushBuyerText(TestInbox.SHOP_MY, "811300", "lin", "which size fits me?"));
      long id = socket.nextAssigned();
      String path = "/api/conversations/" + id + "/replies";

      assertThat(inbox.post(token, path, new JsonObject().put("type", "item").put("text", "100200300")).statusCode())
          .isEqualTo(202);
      assertThat(inbox.post(token, path, new JsonObject().put("type", "order").put("text", "2311ABCD")).statusCode())
          .isEqualTo(202);
      assertThat(inbox.post(token, path, new JsonObject().put("type", "image")
          .put("text", "https://cf.shopee.example/file/abc")).statusCode()).isEqualTo(202);
      var refused = inbox.post(token, path, new JsonObject().put("type", "hologram").put("text", "x"));

      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(refused.bodyAsJsonObject().getString("error")).isEqualTo("bad_type");
      Await.until("three sends", () -> inbox.shopee.acceptedSends().size() == 3);
      assertThat(inbox.shopee.acceptedSends()).extracting(s -> s.getString("message_type"))
          .containsExactly("item", "order", "image");
      assertThat(inbox.shopee.acceptedSends().get(0).getJsonObject("content").getValue("item_id").toString())
          .isEqualTo("100200300");
      assertThat(inbox.count("SELECT count(*) FROM messages WHERE direction = 'out'")).isEqualTo(3);
    }
  }
}
