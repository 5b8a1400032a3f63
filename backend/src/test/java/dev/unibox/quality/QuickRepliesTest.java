package dev.unibox.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.TestInbox;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Quick replies: shipped seeds, managed by supervisors, found by shortcut, filled from the conversation. */
class QuickRepliesTest extends QualityTest {

  @Test
  void aShortcutFindsTheShopsQuickReplyInTheBuyersLanguageWithItsVariablesFilled() throws Exception {
    String lead = f.supervisor("lin");
    JsonArray shipped = f.inbox.get(lead, "/api/quick-replies").bodyAsJsonObject().getJsonArray("quickReplies");
    assertThat(shipped.stream().map(o -> ((JsonObject) o).getString("shortcut")))
        .contains("hello", "track", "refund", "thanks");

    var created = f.inbox.post(lead, "/api/quick-replies", new JsonObject().put("shortcut", "refund-my")
        .put("title", "Refund (Malaysia shop)").put("accountId", TestInbox.ACCOUNT_MY).put("team", "after_sale")
        .put("variants", new JsonObject()
            .put("ms", "Hai {buyerName}, bayaran balik pesanan {orderNumber} dari {shopName} sedang diproses: {trackingLink}")
            .put("en", "Hi {buyerName}, the refund of order {orderNumber} from {shopName} is on its way: {trackingLink}")));
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    long createdId = created.bodyAsJsonObject().getJsonObject("quickReply").getLong("id");
    assertThat(f.inbox.post(lead, "/api/quick-replies", new JsonObject().put("shortcut", "refund-my").put("title", "again")
        .put("accountId", TestInbox.ACCOUNT_MY).put("variants", new JsonObject().put("en", "x"))).statusCode())
        .isEqualTo(409);

    try (var mei = f.agent("mei")) {
      long id = f.assignedTo(mei, "811700", "siti.a", "Saya nak refund untuk pesanan 231123ABCD1234, barang rosak");

      JsonArray found = f.inbox.get(mei.token(), "/api/conversations/" + id + "/quick-replies?q=/refund")
          .bodyAsJsonObject().getJsonArray("quickReplies");
      assertThat(found.stream().map(o -> ((JsonObject) o).getString("shortcut"))).containsExactly("refund", "refund-my");
      JsonObject mine = found.getJsonObject(1);
      assertThat(mine.getString("language")).isEqualTo("ms");
      assertThat(mine.getString("text")).isEqualTo("Hai siti.a, bayaran balik pesanan 231123ABCD1234 dari Blossom Home MY "
          + "sedang diproses: https://track.example.com/231123ABCD1234");
      assertThat(mine.getJsonArray("missing")).isEmpty();
      assertThat(mine.getJsonObject("rendered").getString("en")).startsWith("Hi siti.a, the refund of order 231123ABCD1234");

      // The inserted text is an ordinary reply: it goes through the compliance check like any other.
      assertThat(f.reply(mei.token(), id, new JsonObject().put("text", mine.getString("text"))).statusCode()).isEqualTo(202);

      var hello = f.inbox.get(mei.token(), "/api/conversations/" + id + "/quick-replies?q=hello").bodyAsJsonObject()
          .getJsonArray("quickReplies");
      assertThat(hello).singleElement().satisfies(o -> assertThat(((JsonObject) o).getString("text"))
          .isEqualTo("Hai siti.a, selamat datang ke Blossom Home MY! Boleh saya bantu?"));
      assertThat(f.inbox.post(mei.token(), "/api/quick-replies", new JsonObject().put("shortcut", "x").put("title", "x")
          .put("variants", new JsonObject().put("en", "x"))).statusCode()).as("agents do not manage them").isEqualTo(403);
    }

    // A shop's quick replies are not offered in another shop's conversations.
    f.inbox.buyerWrites(TestInbox.SHOP_TW, "900100", "小美", "請問什麼時候出貨？");
    long twId = f.conversationOf("900100");
    JsonArray twList = f.inbox.get(lead, "/api/conversations/" + twId + "/quick-replies?q=refund").bodyAsJsonObject()
        .getJsonArray("quickReplies");
    assertThat(twList).singleElement().satisfies(o -> {
      JsonObject q = (JsonObject) o;
      assertThat(q.getString("shortcut")).isEqualTo("refund");
      assertThat(q.getString("text")).as("Traditional Chinese from the Simplified variant, no order number known")
          .startsWith("非常抱歉給您帶來不便，小美。訂單{orderNumber}");
      assertThat(q.getJsonArray("missing")).containsExactly("orderNumber");
    });
    String arif = f.inbox.loggedIn("arif", "agent", 3);
    assertThat(f.inbox.get(arif, "/api/conversations/" + twId + "/quick-replies").statusCode())
        .as("not arif's conversation").isEqualTo(403);

    var bad = f.inbox.post(lead, "/api/quick-replies", new JsonObject().put("shortcut", "Bad Shortcut!").put("title", "")
        .put("variants", new JsonObject().put("english", "")));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.bodyAsJsonObject().getString("message")).contains("shortcut").contains("title").contains("variants.english");
    assertThat(f.put(lead, "/api/quick-replies/" + createdId, new JsonObject().put("shortcut", "refund-my").put("title", "Refund")
        .put("accountId", TestInbox.ACCOUNT_MY).put("variants", new JsonObject().put("en", "Refund started."))).statusCode())
        .isEqualTo(200);
    assertThat(f.delete(lead, "/api/quick-replies/" + createdId).statusCode()).isEqualTo(204);
    assertThat(f.inbox.get(lead, "/api/quick-replies").bodyAsJsonObject().getJsonArray("quickReplies").encode())
        .doesNotContain("refund-my");
    assertThat(f.delete(lead, "/api/quick-replies/" + createdId).statusCode()).isEqualTo(404);
  }
}
