package dev.unibox.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.adapters.shopee.fake.PushOutcome;
import dev.unibox.testing.Await;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.TestInbox;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Shopee's order status push through our webhook: the adapter names the buyer through the order API, the
 * event is stored once however often Shopee delivers it, and a tampered push stores nothing.
 */
@InboxTest
class OrderPushIngestTest {

  private TestInbox inbox;

  @Test
  void anOrderStatusPushIsStoredOnceEvenWhenRedelivered() throws Exception {
    Instant placed = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    inbox.shopee.addOrder(TestInbox.SHOP_MY, "2611300001", 700001, "UNPAID", "59.90", "MYR", placed, List.of("Vase"));

    PushOutcome push = Await.result(inbox.shopee.pushOrderStatus(TestInbox.SHOP_MY, "2611300001", "READY_TO_SHIP"));
    assertThat(push.statusCode()).isEqualTo(200);
    // Shopee retries the identical signed body (posted here without the fake's 3 s deadline)
    assertThat(post(push.body(), push.authorization()).statusCode()).isEqualTo(200);

    var rows = inbox.rows("SELECT account_id, platform_buyer_id, status, placed_at FROM order_events WHERE order_id = $1",
        "2611300001");
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).getString("account_id")).isEqualTo(TestInbox.ACCOUNT_MY);
    assertThat(rows.get(0).getString("platform_buyer_id")).isEqualTo("700001");
    assertThat(rows.get(0).getString("status")).isEqualTo("READY_TO_SHIP");
    assertThat(rows.get(0).getOffsetDateTime("placed_at").toInstant()).isEqualTo(placed);

    PushOutcome shipped = Await.result(inbox.shopee.pushOrderStatus(TestInbox.SHOP_MY, "2611300001", "SHIPPED"));
    assertThat(shipped.statusCode()).isEqualTo(200);
    assertThat(inbox.count("SELECT count(*) FROM order_events WHERE order_id = $1", "2611300001")).isEqualTo(2);
  }

  @Test
  void aTamperedOrderPushIsRefusedAndStoresNothing() throws Exception {
    inbox.shopee.addOrder(TestInbox.SHOP_MY, "2611300002", 700002, "UNPAID", "1.00", "MYR", Instant.now(), List.of("Mug"));
    PushOutcome push = Await.result(inbox.shopee.pushOrderStatus(TestInbox.SHOP_MY, "2611300002", "READY_TO_SHIP"));
    String tampered = push.body().replace("READY_TO_SHIP", "COMPLETED");

    HttpResponse<Buffer> r = post(tampered, push.authorization());

    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(inbox.count("SELECT count(*) FROM order_events WHERE status = 'COMPLETED'")).isZero();
  }

  @Test
  void anOrderShopeeDoesNotKnowIsRefusedAsNotResolvable() throws Exception {
    inbox.shopee.addOrder(TestInbox.SHOP_MY, "2611300003", 700003, "UNPAID", "1.00", "MYR", Instant.now(), List.of("Mug"));
    PushOutcome push = Await.result(inbox.shopee.pushOrderStatus(TestInbox.SHOP_MY, "2611300003", "READY_TO_SHIP"));
    String unknown = push.body().replace("2611300003", "2611309999");
    String signature = dev.unibox.adapters.shopee.ShopeeSigner.pushSignature(TestInbox.PARTNER_KEY,
        inbox.app.baseUrl() + "/webhooks/shopee", unknown.getBytes(java.nio.charset.StandardCharsets.UTF_8));

    HttpResponse<Buffer> r = post(unknown, signature);

    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(r.bodyAsJsonObject().getString("error")).isEqualTo("push_not_resolvable");
    assertThat(inbox.count("SELECT count(*) FROM order_events WHERE order_id = '2611309999'")).isZero();
  }

  private HttpResponse<Buffer> post(String body, String authorization) throws Exception {
    return Await.result(inbox.http.post("/webhooks/shopee").putHeader("Content-Type", "application/json")
        .putHeader("Authorization", authorization).sendBuffer(Buffer.buffer(body)));
  }
}
