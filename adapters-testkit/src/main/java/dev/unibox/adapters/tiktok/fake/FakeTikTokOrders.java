package dev.unibox.adapters.tiktok.fake;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * TikTok Shop's order search as the fake speaks it, behind the same signature and token checks as every shop
 * call: {@code POST /order/202309/orders/search}, query {@code page_size} 1–100, {@code page_token},
 * {@code sort_field} create_time|update_time, {@code sort_order} ASC|DESC; JSON body filters
 * {@code buyer_user_id}, {@code create_time_ge}, {@code create_time_lt}. Answers {@code orders} (id, status,
 * create_time, user_id, payment {currency, total_amount}, line_items [{product_name}]), {@code next_page_token}
 * and {@code total_count}. A buyer's {@code user_id} is the one the conversation list names beside their
 * {@code im_user_id}.
 */
final class FakeTikTokOrders {

  static final String SEARCH = "/order/202309/orders/search";
  static final int MAX_PAGE = 100;

  /** One order of a shop. */
  record Order(String shopId, String orderId, String userId, String status, String total, String currency,
               Instant createTime, List<String> items) {}

  private final Map<String, Order> orders = new ConcurrentHashMap<>();

  void add(Order order) {
    orders.put(order.shopId() + "/" + order.orderId(), order);
  }

  void search(RoutingContext ctx, String shopId) {
    Integer size = FakeTikTokReplies.pageSize(ctx, MAX_PAGE);
    if (size == null) {
      return;
    }
    int from;
    try {
      from = FakeTikTokReplies.offset(ctx.request().getParam("page_token"));
    } catch (RuntimeException e) {
      FakeTikTokReplies.fail(ctx, 400, 36009003, "page_token is invalid");
      return;
    }
    JsonObject page = page(shopId, ctx, size, from);
    if (page == null) {
      FakeTikTokReplies.fail(ctx, 400, 36009003, "sort_field, sort_order or the body's filters are invalid");
      return;
    }
    FakeTikTokReplies.ok(ctx, page);
  }

  /** The page as {@code data}, or null when the sorting or the body's filters are not understood. */
  private JsonObject page(String shopId, RoutingContext ctx, int pageSize, int offset) {
    String field = ctx.request().getParam("sort_field") == null ? "create_time" : ctx.request().getParam("sort_field");
    String order = ctx.request().getParam("sort_order") == null ? "DESC" : ctx.request().getParam("sort_order");
    JsonObject body;
    try {
      body = ctx.body().buffer() == null || ctx.body().buffer().length() == 0 ? new JsonObject() : ctx.body().asJsonObject();
    } catch (RuntimeException e) {
      return null;
    }
    if (body == null || !List.of("create_time", "update_time").contains(field) || !List.of("ASC", "DESC").contains(order)) {
      return null;
    }
    String buyer = body.getValue("buyer_user_id") == null ? null : String.valueOf(body.getValue("buyer_user_id"));
    long from = body.getValue("create_time_ge") instanceof Number n ? n.longValue() : Long.MIN_VALUE;
    long to = body.getValue("create_time_lt") instanceof Number n ? n.longValue() : Long.MAX_VALUE;
    Comparator<Order> byTime = Comparator.comparing(Order::createTime).thenComparing(Order::orderId);
    List<Order> matching = orders.values().stream()
        .filter(o -> o.shopId().equals(shopId) && (buyer == null || buyer.equals(o.userId()))
            && o.createTime().getEpochSecond() >= from && o.createTime().getEpochSecond() < to)
        .sorted("DESC".equals(order) ? byTime.reversed() : byTime)
        .toList();
    JsonArray page = new JsonArray();
    int end = Math.min(matching.size(), offset + pageSize);
    for (int i = Math.min(offset, matching.size()); i < end; i++) {
      Order o = matching.get(i);
      JsonArray lines = new JsonArray();
      o.items().forEach(name -> lines.add(new JsonObject().put("product_name", name).put("sku_name", "")));
      page.add(new JsonObject().put("id", o.orderId()).put("status", o.status())
          .put("create_time", o.createTime().getEpochSecond()).put("user_id", o.userId())
          .put("payment", new JsonObject().put("currency", o.currency()).put("total_amount", o.total()))
          .put("line_items", lines));
    }
    return new JsonObject().put("orders", page).put("total_count", matching.size())
        .put("next_page_token", FakeTikTokReplies.token(end, matching.size()));
  }
}
