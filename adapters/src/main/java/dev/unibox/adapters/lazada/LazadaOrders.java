package dev.unibox.adapters.lazada;

import dev.unibox.adapters.spi.BuyerOrder;
import dev.unibox.adapters.support.OrderPages;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A buyer's recent orders with the seller. Lazada's order list ({@code GET /orders/get}) names no buyer, so this
 * lists the orders created in the last {@link #RANGE} (newest first, offset/limit pages of 100, at most
 * {@link #MAX_PAGES}), reads their items ({@code GET /orders/items/get}, 50 order ids per call), keeps the
 * orders whose items carry this {@code buyer_id} (the id the IM sessions name), newest first.
 */
final class LazadaOrders {

  static final String LIST_PATH = "/orders/get";
  static final String ITEMS_PATH = "/orders/items/get";
  static final Duration RANGE = Duration.ofDays(30);
  static final int PAGE = 100;
  static final int MAX_PAGES = 5;
  static final int ITEMS_PER_CALL = 50;
  /** How Lazada writes times in orders: "2026-11-30 18:20:33 +0800". */
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xx");

  private final LazadaApiClient api;
  private final Clock clock;

  LazadaOrders(LazadaApiClient api, Clock clock) {
    this.api = api;
    this.clock = clock;
  }

  Future<List<BuyerOrder>> of(String buyerId) {
    String after = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
        clock.instant().minus(RANGE).atOffset(ZoneOffset.UTC).withNano(0));
    return OrderPages.walk(offset -> page(after, offset), "0", MAX_PAGES).compose(orders -> {
      Map<String, JsonObject> byId = new LinkedHashMap<>();
      orders.forEach(o -> byId.put(LazadaMapper.string(o.getValue("order_id")), o));
      return OrderPages.inChunks(new ArrayList<>(byId.keySet()), ITEMS_PER_CALL, this::items).map(groups -> {
        List<BuyerOrder> mine = new ArrayList<>();
        for (JsonObject group : groups) {
          JsonObject order = byId.get(LazadaMapper.string(group.getValue("order_id")));
          JsonArray items = group.getJsonArray("order_items", new JsonArray());
          if (order != null && boughtBy(items, buyerId)) {
            mine.add(order(order, items));
          }
        }
        return OrderPages.newestFirst(mine);
      });
    });
  }

  private Future<OrderPages.Page<JsonObject>> page(String createdAfter, String offset) {
    return api.get(LIST_PATH, Map.of("created_after", createdAfter, "sort_by", "created_at",
            "sort_direction", "DESC", "offset", offset, "limit", Integer.toString(PAGE)))
        .map(data -> {
          List<JsonObject> orders = OrderPages.objects(data.getJsonArray("orders"));
          long next = Long.parseLong(offset) + orders.size();
          long total = number(data.getValue("countTotal"), next);
          return new OrderPages.Page<>(orders, orders.size() == PAGE && next < total ? Long.toString(next) : null);
        });
  }

  private Future<List<JsonObject>> items(List<String> orderIds) {
    JsonArray ids = new JsonArray();
    orderIds.forEach(id -> ids.add(Long.parseLong(id)));
    // this call answers its list as "data" itself
    return api.getList(ITEMS_PATH, Map.of("order_ids", ids.encode())).map(OrderPages::objects);
  }

  private static boolean boughtBy(JsonArray items, String buyerId) {
    for (int i = 0; i < items.size(); i++) {
      if (buyerId.equals(LazadaMapper.string(items.getJsonObject(i).getValue("buyer_id")))) {
        return true;
      }
    }
    return false;
  }

  private static BuyerOrder order(JsonObject o, JsonArray items) {
    List<String> names = new ArrayList<>();
    String currency = null;
    for (int i = 0; i < items.size(); i++) {
      JsonObject item = items.getJsonObject(i);
      names.add(item.getString("name"));
      currency = currency == null ? item.getString("currency") : currency;
    }
    JsonArray statuses = o.getJsonArray("statuses", new JsonArray());
    return new BuyerOrder(LazadaMapper.string(o.getValue("order_id")), statuses.isEmpty() ? null : statuses.getString(0),
        OrderPages.amount(o.getValue("price")),
        currency, time(o.getString("created_at")), names);
  }

  private static Instant time(String text) {
    try {
      return text == null ? null : OffsetDateTime.parse(text, TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static long number(Object value, long fallback) {
    try {
      return value == null ? fallback : Long.parseLong(value.toString());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
