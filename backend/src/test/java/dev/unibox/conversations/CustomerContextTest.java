package dev.unibox.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.InboxTest;
import dev.unibox.testing.TestInbox;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The customer panel's data through the real path: a buyer writes to two shops of the same platform (pushes
 * through the fake Shopee, ingest), the shop has orders on the fake Shopee's order API. The panel lists the
 * buyer's chats with the other shop only to users who serve that shop (the server decides), and the buyer's
 * orders with the conversation's shop, newest first.
 */
@InboxTest
class CustomerContextTest {

  private static final String BUYER = "412873650";

  private TestInbox inbox;

  @Test
  void theBuyersChatsWithOtherShopsOnlyWhereTheUserServesAndTheShopsOrders() throws Exception {
    long mei = inbox.createUser("mei", "agent", 3, TestInbox.ACCOUNT_MY);
    inbox.createUser("lin", "supervisor", 0, TestInbox.ACCOUNT_MY, TestInbox.ACCOUNT_TW);
    inbox.markOnline(mei);
    Instant now = Instant.now();
    inbox.shopee.addOrder(TestInbox.SHOP_MY, "2611300001", Long.parseLong(BUYER), "SHIPPED", "59.90", "MYR",
        now.minus(Duration.ofHours(3)), List.of("Vase"));
    inbox.shopee.addOrder(TestInbox.SHOP_MY, "2611300002", 99, "COMPLETED", "5.00", "MYR", now, List.of("Not hers"));
    inbox.shopee.addOrder(TestInbox.SHOP_TW, "2611300003", Long.parseLong(BUYER), "COMPLETED", "300", "TWD", now,
        List.of("Other shop"));
    inbox.buyerWrites(TestInbox.SHOP_TW, BUYER, "siti", "請問有貨嗎？");
    inbox.buyerWrites(TestInbox.SHOP_MY, BUYER, "siti", "Where is my vase?");
    long my = inbox.count("SELECT id FROM conversations WHERE account_id = $1", TestInbox.ACCOUNT_MY);
    long tw = inbox.count("SELECT id FROM conversations WHERE account_id = $1", TestInbox.ACCOUNT_TW);
    inbox.awaitAssigned(mei, 1);

    JsonObject meis = context(inbox.login("mei"), my);
    assertThat(ids(meis.getJsonArray("conversations"))).as("mei serves only the MY shop").isEmpty();
    JsonObject lins = context(inbox.login("lin"), my);
    assertThat(ids(lins.getJsonArray("conversations"))).as("lin serves both shops").containsExactly(tw);

    JsonObject orders = meis.getJsonObject("orders");
    assertThat(orders.getBoolean("available")).isTrue();
    assertThat(orders.getJsonArray("items")).hasSize(1);
    JsonObject order = orders.getJsonArray("items").getJsonObject(0);
    assertThat(order.getString("orderId")).isEqualTo("2611300001");
    assertThat(order.getString("status")).isEqualTo("SHIPPED");
    assertThat(order.getString("total")).isEqualTo("59.9");
    assertThat(order.getJsonArray("items").getList()).containsExactly("Vase");
    assertThat(inbox.get(inbox.login("mei"), "/api/conversations/" + tw + "/context").statusCode())
        .as("nor can mei open the other shop's chat's panel").isEqualTo(403);
  }

  private JsonObject context(String token, long id) throws Exception {
    var response = inbox.get(token, "/api/conversations/" + id + "/context");
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response.bodyAsJsonObject();
  }

  private static List<Long> ids(JsonArray conversations) {
    List<Long> ids = new ArrayList<>();
    conversations.forEach(c -> ids.add(((JsonObject) c).getLong("id")));
    return ids;
  }
}
