package dev.unibox.adapters.shopee;

import dev.unibox.adapters.spi.BuyerOrder;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A buyer's recent orders with the shop. Shopee's order list cannot be filtered by buyer, so this lists the
 * orders created in the last 15 days (the longest range get_order_list takes; at most {@link #MAX_PAGES} pages
 * of 100), reads their details 50 at a time with buyer_user_id, total_amount and item_list, and keeps the
 * buyer's, newest first.
 */
final class ShopeeOrders {

  static final String LIST_PATH = "/api/v2/order/get_order_list";
  static final String DETAIL_PATH = "/api/v2/order/get_order_detail";
  static final Duration RANGE = Duration.ofDays(15);
  static final int MAX_PAGES = 5;
  static final int MAX_ORDERS = 10;

  private final ShopeeApiClient api;
  private final Clock clock;

  ShopeeOrders(ShopeeApiClient api, Clock clock) {
    this.api = api;
    this.clock = clock;
  }

  Future<List<BuyerOrder>> of(String buyerUserId) {
    Instant now = clock.instant();
    return list(now.minus(RANGE).getEpochSecond(), now.getEpochSecond(), "", 0, new ArrayList<>())
        .compose(sns -> details(sns, 0, new ArrayList<>()))
        .map(details -> {
          List<BuyerOrder> mine = new ArrayList<>();
          for (JsonObject o : details) {
            if (buyerUserId.equals(String.valueOf(o.getValue("buyer_user_id")))) {
              mine.add(order(o));
            }
          }
          mine.sort(Comparator.comparing(BuyerOrder::createdAt, Comparator.nullsLast(Comparator.reverseOrder())));
          return mine.size() > MAX_ORDERS ? mine.subList(0, MAX_ORDERS) : mine;
        });
  }

  private Future<List<String>> list(long from, long to, String cursor, int page, List<String> sns) {
    return api.get(LIST_PATH, Map.of("time_range_field", "create_time", "time_from", Long.toString(from),
            "time_to", Long.toString(to), "page_size", "100", "cursor", cursor))
        .compose(r -> {
          JsonArray list = r.getJsonArray("order_list", new JsonArray());
          list.forEach(o -> sns.add(((JsonObject) o).getString("order_sn")));
          String next = r.getString("next_cursor", "");
          if (r.getBoolean("more", false) && !next.isEmpty() && page + 1 < MAX_PAGES) {
            return list(from, to, next, page + 1, sns);
          }
          return Future.succeededFuture(sns);
        });
  }

  private Future<List<JsonObject>> details(List<String> sns, int from, List<JsonObject> out) {
    if (from >= sns.size()) {
      return Future.succeededFuture(out);
    }
    List<String> chunk = sns.subList(from, Math.min(sns.size(), from + 50));
    return api.get(DETAIL_PATH, Map.of("order_sn_list", String.join(",", chunk),
            "response_optional_fields", "buyer_user_id,total_amount,item_list"))
        .compose(r -> {
          r.getJsonArray("order_list", new JsonArray()).forEach(o -> out.add((JsonObject) o));
          return details(sns, from + 50, out);
        });
  }

  private static BuyerOrder order(JsonObject o) {
    List<String> items = new ArrayList<>();
    o.getJsonArray("item_list", new JsonArray()).forEach(i -> items.add(((JsonObject) i).getString("item_name")));
    Object total = o.getValue("total_amount");
    Long created = o.getLong("create_time");
    return new BuyerOrder(o.getString("order_sn"), o.getString("order_status"),
        total == null ? null : new BigDecimal(total.toString()).stripTrailingZeros().toPlainString(),
        o.getString("currency"), created == null ? null : Instant.ofEpochSecond(created), items);
  }
}
