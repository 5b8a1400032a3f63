package dev.unibox.adapters.shopee.fake;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shopee's order API as the fake speaks it: {@code GET /api/v2/order/get_order_list} (a create_time or
 * update_time range of at most 15 days, page_size 1–100, a cursor, sorted by the range field) and
 * {@code GET /api/v2/order/get_order_detail} (order_sn_list of at most 50; buyer_user_id, total_amount and
 * item_list only when asked for in response_optional_fields), both signed and token-checked like every
 * shop call.
 */
final class FakeShopeeOrders {

  private static final long MAX_RANGE_SECONDS = 15L * 86_400;

  /** One order of a shop. */
  record Order(long shopId, String orderSn, long buyerUserId, String buyerUsername, String status, String total,
               String currency, Instant createTime, List<String> items) {}

  private final Map<String, Order> orders = new ConcurrentHashMap<>();
  void add(Order order) {
    orders.put(order.shopId() + "/" + order.orderSn(), order);
  }

  /** The order with its new status, or null when the shop has no such order. */
  Order changeStatus(long shopId, String orderSn, String status) {
    return orders.computeIfPresent(shopId + "/" + orderSn, (k, o) -> new Order(o.shopId(), o.orderSn(), o.buyerUserId(),
        o.buyerUsername(), status, o.total(), o.currency(), o.createTime(), o.items()));
  }

  void list(RoutingContext ctx, FakeShopeeState.Shop shop) {
    String field = ctx.request().getParam("time_range_field");
    if (!"create_time".equals(field) && !"update_time".equals(field)) {
      FakeShopeeReplies.error(ctx, 400, "error_param", "time_range_field should be create_time or update_time.");
      return;
    }
    Long from = number(ctx, "time_from");
    Long to = number(ctx, "time_to");
    Long size = number(ctx, "page_size");
    if (from == null || to == null || size == null || size < 1 || size > 100) {
      FakeShopeeReplies.error(ctx, 400, "error_param", "time_from, time_to and page_size (1-100) are required.");
      return;
    }
    if (to < from || to - from > MAX_RANGE_SECONDS) {
      FakeShopeeReplies.error(ctx, 400, "error_param", "The time range should not exceed 15 days.");
      return;
    }
    int offset;
    try {
      String cursor = ctx.request().getParam("cursor");
      offset = cursor == null || cursor.isEmpty() ? 0 : Integer.parseInt(cursor);
    } catch (NumberFormatException e) {
      FakeShopeeReplies.error(ctx, 400, "error_param", "cursor is invalid.");
      return;
    }
    List<Order> inRange = new ArrayList<>();
    for (Order o : orders.values()) {
      long at = o.createTime().getEpochSecond();
      if (o.shopId() == shop.shopId() && at >= from && at <= to) {
        inRange.add(o);
      }
    }
    inRange.sort(Comparator.comparing(Order::createTime).reversed().thenComparing(Order::orderSn));
    JsonArray page = new JsonArray();
    int end = (int) Math.min(inRange.size(), offset + size);
    for (int i = offset; i < end; i++) {
      page.add(new JsonObject().put("order_sn", inRange.get(i).orderSn()));
    }
    boolean more = end < inRange.size();
    FakeShopeeReplies.ok(ctx, new JsonObject().put("more", more).put("next_cursor", more ? String.valueOf(end) : "")
        .put("order_list", page));
  }

  void detail(RoutingContext ctx, FakeShopeeState.Shop shop) {
    String list = ctx.request().getParam("order_sn_list");
    if (list == null || list.isBlank()) {
      FakeShopeeReplies.error(ctx, 400, "error_param", "order_sn_list is required.");
      return;
    }
    String[] sns = list.split(",");
    if (sns.length > 50) {
      FakeShopeeReplies.error(ctx, 400, "error_param", "order_sn_list should not exceed 50.");
      return;
    }
    String optional = ctx.request().getParam("response_optional_fields");
    List<String> fields = optional == null ? List.of() : List.of(optional.split(","));
    JsonArray out = new JsonArray();
    for (String sn : sns) {
      Order o = orders.get(shop.shopId() + "/" + sn.trim());
      if (o == null) {
        continue;
      }
      JsonObject json = new JsonObject().put("order_sn", o.orderSn()).put("order_status", o.status())
          .put("create_time", o.createTime().getEpochSecond()).put("currency", o.currency());
      if (fields.contains("buyer_user_id")) {
        json.put("buyer_user_id", o.buyerUserId());
      }
      if (fields.contains("buyer_username")) {
        json.put("buyer_username", o.buyerUsername());
      }
      if (fields.contains("total_amount")) {
        json.put("total_amount", Double.parseDouble(o.total()));
      }
      if (fields.contains("item_list")) {
        JsonArray items = new JsonArray();
        o.items().forEach(name -> items.add(new JsonObject().put("item_name", name).put("model_quantity_purchased", 1)));
        json.put("item_list", items);
      }
      out.add(json);
    }
    FakeShopeeReplies.ok(ctx, new JsonObject().put("order_list", out));
  }

  private static Long number(RoutingContext ctx, String name) {
    try {
      String v = ctx.request().getParam(name);
      return v == null ? null : Long.parseLong(v);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
