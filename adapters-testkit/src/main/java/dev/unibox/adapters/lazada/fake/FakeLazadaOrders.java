package dev.unibox.adapters.lazada.fake;

import io.vertx.core.MultiMap;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lazada's order API as the fake speaks it, behind the same signature and token checks as every seller call:
 * {@code GET /orders/get} (created_after or update_after required, ISO 8601; sort_by created_at|updated_at,
 * sort_direction ASC|DESC; offset ≥ 0, limit 1–100; answers count, countTotal and orders with order_id,
 * order_number, created_at "yyyy-MM-dd HH:mm:ss +0800", price, statuses — no buyer) and
 * {@code GET /orders/items/get} (order_ids a JSON array of at most 50 ids; answers, as data itself, one group
 * per order with order_items carrying name, buyer_id, currency, paid_price, status).
 */
final class FakeLazadaOrders {

  static final String LIST = "/orders/get";
  static final String ITEMS = "/orders/items/get";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xx");
  private static final ZoneOffset SELLER_ZONE = ZoneOffset.ofHours(8);

  /** One order of a seller. */
  record Order(String sellerId, long orderId, String buyerId, String status, String price, String currency,
               Instant createdAt, List<String> items) {}

  private final Map<Long, Order> orders = new ConcurrentHashMap<>();
  private final FakeLazadaCalls calls;

  FakeLazadaOrders(FakeLazadaCalls calls) {
    this.calls = calls;
  }

  void add(Order order) {
    orders.put(order.orderId(), order);
  }

  void list(RoutingContext ctx, String sellerId, MultiMap params) {
    Instant after;
    String created = params.get("created_after");
    String updated = params.get("update_after");
    if (created == null && updated == null) {
      calls.error(ctx, "MissingParameter", "The input parameter created_after or update_after is mandatory");
      return;
    }
    try {
      after = OffsetDateTime.parse(created != null ? created : updated).toInstant();
    } catch (DateTimeParseException e) {
      calls.error(ctx, "InvalidParameter", "created_after/update_after must be an ISO 8601 date-time");
      return;
    }
    Long offset = number(params.get("offset"), 0);
    Long limit = number(params.get("limit"), 100);
    String direction = params.get("sort_direction") == null ? "DESC" : params.get("sort_direction");
    if (offset == null || offset < 0 || limit == null || limit < 1 || limit > 100
        || !List.of("ASC", "DESC").contains(direction)) {
      calls.error(ctx, "InvalidParameter", "offset must be >= 0, limit 1-100, sort_direction ASC or DESC");
      return;
    }
    Comparator<Order> byTime = Comparator.comparing(Order::createdAt).thenComparing(Order::orderId);
    List<Order> matching = orders.values().stream()
        .filter(o -> o.sellerId().equals(sellerId) && !o.createdAt().isBefore(after))
        .sorted("DESC".equals(direction) ? byTime.reversed() : byTime)
        .toList();
    JsonArray page = new JsonArray();
    for (int i = (int) Math.min(offset, matching.size()); i < Math.min(matching.size(), offset + limit); i++) {
      Order o = matching.get(i);
      page.add(new JsonObject().put("order_id", o.orderId()).put("order_number", o.orderId())
          .put("created_at", TIME.format(o.createdAt().atOffset(SELLER_ZONE)))
          .put("price", o.price()).put("statuses", new JsonArray().add(o.status()))
          .put("items_count", o.items().size()));
    }
    calls.ok(ctx, new JsonObject().put("count", page.size()).put("countTotal", matching.size()).put("orders", page));
  }

  void items(RoutingContext ctx, String sellerId, MultiMap params) {
    JsonArray ids;
    try {
      ids = new JsonArray(params.get("order_ids") == null ? "" : params.get("order_ids"));
    } catch (DecodeException e) {
      calls.error(ctx, "InvalidParameter", "order_ids must be a JSON array of order ids");
      return;
    }
    if (ids.isEmpty() || ids.size() > 50) {
      calls.error(ctx, "InvalidParameter", "order_ids must hold 1 to 50 order ids");
      return;
    }
    JsonArray groups = new JsonArray();
    for (Object id : ids) {
      Long orderId = number(String.valueOf(id), -1);
      Order o = orderId == null ? null : orders.get(orderId);
      if (o == null || !o.sellerId().equals(sellerId)) {
        continue;
      }
      JsonArray items = new JsonArray();
      List<String> names = new ArrayList<>(o.items());
      for (int i = 0; i < names.size(); i++) {
        items.add(new JsonObject().put("order_item_id", o.orderId() * 100 + i).put("order_id", o.orderId())
            .put("name", names.get(i)).put("buyer_id", Long.parseLong(o.buyerId())).put("currency", o.currency())
            .put("status", o.status()).put("paid_price", i == 0 ? o.price() : "0.00"));
      }
      groups.add(new JsonObject().put("order_id", o.orderId()).put("order_number", o.orderId())
          .put("order_items", items));
    }
    calls.ok(ctx, groups);
  }

  private static Long number(String text, long fallback) {
    try {
      return text == null ? fallback : Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
