package dev.unibox.adapters.shopee;

import dev.unibox.adapters.spi.BuyerOrder;
import dev.unibox.adapters.support.OrderPages;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A buyer's recent orders with the shop. Shopee's order list cannot be filtered by buyer, so this lists the
 * orders created in the last 15 days (the longest range get_order_list takes; at most {@link #MAX_PAGES} pages
 * of 100), reads their details 50 at a time with buyer_user_id, total_amount and item_list, and keeps the
 * buyer's, newest first ({@link OrderPages}: the paging every adapter's order lookup shares).
 */
final class ShopeeOrders {

  static final Duration RANGE = Duration.ofDays(15);
  static final int MAX_PAGES = 5;

  private final ShopeeApiClient api;
  private final Clock clock;

  ShopeeOrders(ShopeeApiClient api, Clock clock) {
    this.api = api;
    this.clock = clock;
  }

  Future<List<BuyerOrder>> of(String buyerUserId) {
    Instant now = clock.instant();
    long from = now.minus(RANGE).getEpochSecond();
    long to = now.getEpochSecond();
    return OrderPages.walk(cursor -> page(from, to, cursor), "", MAX_PAGES)
        .compose(sns -> OrderPages.inChunks(sns, 50, this::details))
        .map(details -> OrderPages.newestFirst(details.stream()
            .filter(o -> buyerUserId.equals(String.valueOf(o.getValue("buyer_user_id"))))
            .map(ShopeeOrders::order)
            .toList()));
  }

  private Future<OrderPages.Page<String>> page(long from, long to, String cursor) {
    return api.get(ShopeePaths.GET_ORDER_LIST, Map.of("time_range_field", "create_time", "time_from", Long.toString(from),
            "time_to", Long.toString(to), "page_size", "100", "cursor", cursor))
        .map(r -> {
          List<String> sns = new ArrayList<>();
          r.getJsonArray("order_list", new JsonArray()).forEach(o -> sns.add(((JsonObject) o).getString("order_sn")));
          return new OrderPages.Page<>(sns, r.getBoolean("more", false) ? r.getString("next_cursor", "") : null);
        });
  }

  private Future<List<JsonObject>> details(List<String> sns) {
    return api.get(ShopeePaths.GET_ORDER_DETAIL, Map.of("order_sn_list", String.join(",", sns),
            "response_optional_fields", "buyer_user_id,total_amount,item_list"))
        .map(r -> OrderPages.objects(r.getJsonArray("order_list")));
  }

  private static BuyerOrder order(JsonObject o) {
    List<String> items = new ArrayList<>();
    o.getJsonArray("item_list", new JsonArray()).forEach(i -> items.add(((JsonObject) i).getString("item_name")));
    Long created = o.getLong("create_time");
    return new BuyerOrder(o.getString("order_sn"), o.getString("order_status"),
        OrderPages.amount(o.getValue("total_amount")),
        o.getString("currency"), created == null ? null : Instant.ofEpochSecond(created), items);
  }
}
