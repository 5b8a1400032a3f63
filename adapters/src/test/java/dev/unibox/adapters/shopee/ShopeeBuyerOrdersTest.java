package dev.unibox.adapters.shopee;

import static dev.unibox.adapters.shopee.ShopeeTestAccounts.CALLBACK_URL;
import static dev.unibox.adapters.shopee.ShopeeTestAccounts.SHOP_ID;
import static dev.unibox.adapters.shopee.ShopeeTestAccounts.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.adapters.shopee.fake.FakeShopee;
import dev.unibox.adapters.spi.BuyerOrder;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A buyer's orders through Shopee's order API (get_order_list over the last 15 days, page after page, then
 * get_order_detail 50 at a time): only this buyer's, of this shop, newest first, with status, total and items.
 */
@ExtendWith(VertxExtension.class)
class ShopeeBuyerOrdersTest {

  private static final long OTHER_SHOP = SHOP_ID + 1;

  private FakeShopee shopee;
  private ShopeeAdapter adapter;

  @BeforeEach
  void setUp(Vertx vertx) {
    shopee = ShopeeTestAccounts.startFakeShopee(vertx, "http://127.0.0.1:9/unused")
        .addShop(OTHER_SHOP, "other.my", "other-token", "http://127.0.0.1:9/unused");
    adapter = ShopeeTestAccounts.adapter(vertx, shopee, CALLBACK_URL, Map.of());
  }

  @AfterEach
  void tearDown() {
    adapter.stop();
    await(shopee.stop());
  }

  @Test
  void theBuyersRecentOrdersAmongManyNewestFirst() {
    Instant now = Instant.now();
    // 130 orders of other buyers: two pages of the list and three detail calls
    for (int i = 0; i < 130; i++) {
      shopee.addOrder(SHOP_ID, "OTHER" + i, 9000 + i, "COMPLETED", "10.00", "MYR", now.minusSeconds(60L * i), List.of("Mug"));
    }
    shopee.addOrder(SHOP_ID, "2611300001", 412873650, "READY_TO_SHIP", "59.90", "MYR", now.minus(Duration.ofHours(2)),
        List.of("Vase", "Gift wrap"));
    shopee.addOrder(SHOP_ID, "2611200002", 412873650, "COMPLETED", "25.00", "MYR", now.minus(Duration.ofDays(10)),
        List.of("Candle"));
    shopee.addOrder(SHOP_ID, "2610010003", 412873650, "COMPLETED", "5.00", "MYR", now.minus(Duration.ofDays(40)),
        List.of("Too old"));
    shopee.addOrder(OTHER_SHOP, "2611300004", 412873650, "SHIPPED", "1.00", "MYR", now, List.of("Other shop"));

    List<BuyerOrder> orders = await(adapter.buyerOrders("412873650"));

    assertThat(orders).extracting(BuyerOrder::orderId).containsExactly("2611300001", "2611200002");
    BuyerOrder first = orders.get(0);
    assertThat(first.status()).isEqualTo("READY_TO_SHIP");
    assertThat(first.total()).isEqualTo("59.9");
    assertThat(first.currency()).isEqualTo("MYR");
    assertThat(first.items()).containsExactly("Vase", "Gift wrap");
    assertThat(adapter.capabilities().buyerOrders()).isTrue();
    assertThat(await(adapter.buyerOrders("1"))).isEmpty();
  }
}
