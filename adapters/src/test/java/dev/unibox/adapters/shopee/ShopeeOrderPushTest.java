package dev.unibox.adapters.shopee;

import static dev.unibox.adapters.shopee.ShopeeTestAccounts.SHOP_ID;
import static dev.unibox.adapters.shopee.ShopeeTestAccounts.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.adapters.shopee.fake.PushOutcome;
import dev.unibox.adapters.spi.ErrorKind;
import dev.unibox.adapters.spi.OrderEvent;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Shopee's order status push (code 3) from the fake: signed like every push, it names only the order, so the
 * adapter reads the buyer and the order's create time through get_order_detail; a tampered push is refused
 * before any call.
 */
@ExtendWith(VertxExtension.class)
class ShopeeOrderPushTest {

  private ShopeeRig rig;

  @BeforeEach
  void setUp(Vertx vertx) {
    rig = ShopeeRig.start(vertx);
  }

  @AfterEach
  void tearDown() {
    rig.close();
  }

  @Test
  void anOrderStatusPushBecomesAnOrderEventOfTheBuyer() {
    Instant placed = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    rig.shopee().addOrder(SHOP_ID, "2611300001", 412873650, "UNPAID", "59.90", "MYR", placed, List.of("Vase"));

    PushOutcome outcome = await(rig.shopee().pushOrderStatus(SHOP_ID, "2611300001", "READY_TO_SHIP"));

    assertThat(outcome.accepted()).isTrue();
    JsonObject pushed = new JsonObject(outcome.body());
    assertThat(pushed.getInteger("code")).isEqualTo(3);
    assertThat(pushed.getJsonObject("data").getString("ordersn")).isEqualTo("2611300001");
    assertThat(rig.webhook().accepted()).hasSize(1);
    assertThat(rig.webhook().accepted().get(0).messages()).isEmpty();
    OrderEvent event = rig.webhook().accepted().get(0).orders().get(0);
    assertThat(event.accountId()).isEqualTo(ShopeeTestAccounts.account("x", "y").accountId());
    assertThat(event.orderId()).isEqualTo("2611300001");
    assertThat(event.platformBuyerId()).isEqualTo("412873650");
    assertThat(event.status()).isEqualTo("READY_TO_SHIP");
    assertThat(event.placedAt()).isEqualTo(placed);
    assertThat(event.at()).isEqualTo(Instant.ofEpochSecond(pushed.getJsonObject("data").getLong("update_time")));
  }

  @Test
  void aTamperedOrderPushIsRefusedBeforeAnyCall(Vertx vertx) {
    rig.shopee().addOrder(SHOP_ID, "2611300002", 412873650, "UNPAID", "1.00", "MYR", Instant.now(), List.of("Mug"));
    PushOutcome outcome = await(rig.shopee().pushOrderStatus(SHOP_ID, "2611300002", "READY_TO_SHIP"));
    String tampered = outcome.body().replace("READY_TO_SHIP", "COMPLETED");

    PushOutcome again = await(rig.shopee().repush(new PushOutcome(0, outcome.messageId(), null, tampered,
        outcome.authorization())));

    assertThat(again.statusCode()).isEqualTo(401);
    assertThat(rig.webhook().refused()).extracting(e -> e.kind()).containsExactly(ErrorKind.BAD_SIGNATURE);
    assertThat(rig.webhook().accepted()).hasSize(1);
  }
}
