package dev.unibox.adapters.tiktok;

import dev.unibox.adapters.spi.BuyerOrder;
import dev.unibox.adapters.support.BoundedMaps;
import dev.unibox.adapters.support.OrderPages;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A buyer's recent orders with the shop. Chats name the buyer by {@code im_user_id}, orders by {@code user_id};
 * the conversation list's BUYER participant carries both, so the buyer's user id is looked up there first
 * (at most {@link #MAX_CONVERSATION_PAGES} pages, remembered afterwards). Then one search
 * ({@code POST /order/202309/orders/search}, body {@code buyer_user_id} and {@code create_time_ge}, newest first)
 * answers the newest orders with their line items, so no detail call is needed.
 */
final class TikTokOrders {

  static final String SEARCH = "/order/202309/orders/search";
  static final Duration RANGE = Duration.ofDays(90);
  static final int MAX_CONVERSATION_PAGES = 10;

  private final TikTokApiClient api;
  private final Clock clock;
  /** im_user_id → user_id, the id orders are searched by; the most recently used kept. */
  private final Map<String, String> userIds = BoundedMaps.keepingAtMost(5_000, true);

  TikTokOrders(TikTokApiClient api, Clock clock) {
    this.api = api;
    this.clock = clock;
  }

  Future<List<BuyerOrder>> of(String imUserId) {
    return userId(imUserId).compose(userId -> userId == null ? Future.succeededFuture(List.of()) : search(userId));
  }

  private Future<String> userId(String imUserId) {
    String known = userIds.get(imUserId);
    if (known != null) {
      return Future.succeededFuture(known);
    }
    return OrderPages.walk(this::conversations, "", MAX_CONVERSATION_PAGES).map(buyers -> {
      buyers.forEach(b -> userIds.put(String.valueOf(b.getValue("im_user_id")), String.valueOf(b.getValue("user_id"))));
      return userIds.get(imUserId);
    });
  }

  /** One page of conversations, as the BUYER participants that carry both ids. */
  private Future<OrderPages.Page<JsonObject>> conversations(String pageToken) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("page_size", Integer.toString(TikTokAdapter.MAX_CONVERSATION_PAGE));
    if (!pageToken.isEmpty()) {
      params.put("page_token", pageToken);
    }
    return api.get(TikTokAdapter.BASE, params).map(data -> {
      List<JsonObject> buyers = new ArrayList<>();
      data.getJsonArray("conversations", new JsonArray()).forEach(c -> ((JsonObject) c)
          .getJsonArray("participants", new JsonArray()).forEach(p -> {
            JsonObject participant = (JsonObject) p;
            if ("BUYER".equals(participant.getString("role")) && participant.getValue("im_user_id") != null
                && participant.getValue("user_id") != null) {
              buyers.add(participant);
            }
          }));
      String next = data.getString("next_page_token", "");
      return new OrderPages.Page<>(buyers, next.isEmpty() ? null : next);
    });
  }

  private Future<List<BuyerOrder>> search(String userId) {
    JsonObject body = new JsonObject().put("buyer_user_id", userId)
        .put("create_time_ge", clock.instant().minus(RANGE).getEpochSecond());
    return api.post(SEARCH, Map.of("page_size", Integer.toString(OrderPages.MAX_ORDERS), "sort_field", "create_time",
        "sort_order", "DESC"), body).map(data -> {
          return OrderPages.newestFirst(OrderPages.objects(data.getJsonArray("orders")).stream()
              .map(TikTokOrders::order).toList());
        });
  }

  private static BuyerOrder order(JsonObject o) {
    List<String> items = new ArrayList<>();
    o.getJsonArray("line_items", new JsonArray()).forEach(i -> items.add(((JsonObject) i).getString("product_name")));
    JsonObject payment = o.getJsonObject("payment", new JsonObject());
    Object created = o.getValue("create_time");
    return new BuyerOrder(String.valueOf(o.getValue("id")), o.getString("status"),
        OrderPages.amount(payment.getValue("total_amount")),
        payment.getString("currency"), created instanceof Number n ? Instant.ofEpochSecond(n.longValue()) : null, items);
  }
}
