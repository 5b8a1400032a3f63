package dev.unibox.adapters.shopee.fake;

import static dev.unibox.adapters.shopee.fake.FakeShopeeReplies.error;

import dev.unibox.adapters.shopee.ShopeeIds;
import dev.unibox.adapters.shopee.fake.FakeShopeeState.Shop;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code send_message} and {@code send_autoreply_message} (text only, no message_type: {to_id, content: {text}})
 * after the call is verified: the body checked as Shopee does, the message stored and recorded, and the send
 * faults (an injected Shopee error, an answer that never comes).
 */
final class FakeShopeeSends {

  private static final Map<String, Integer> INJECTED_ERROR_STATUS = Map.ofEntries(
      Map.entry("system_busy", 500), Map.entry("error_server", 500),
      Map.entry("error_rate_limit", 429), Map.entry("error_limit", 429),
      Map.entry("error_param", 400));

  private final FakeShopeeState state;
  private final List<JsonObject> accepted = new CopyOnWriteArrayList<>();
  private final Queue<String> injectedErrors = new ArrayDeque<>();
  private final AtomicInteger toStall = new AtomicInteger();

  FakeShopeeSends(FakeShopeeState state) {
    this.state = state;
  }

  List<JsonObject> accepted() {
    return List.copyOf(accepted);
  }

  void failNext(int n, String shopeeError) {
    synchronized (injectedErrors) {
      for (int i = 0; i < n; i++) {
        injectedErrors.add(shopeeError);
      }
    }
  }

  void stallNext(int n) {
    toStall.addAndGet(n);
  }

  void send(RoutingContext ctx, Shop shop, boolean autoReply) {
    String injected;
    synchronized (injectedErrors) {
      injected = injectedErrors.poll();
    }
    if (injected != null) {
      error(ctx, INJECTED_ERROR_STATUS.getOrDefault(injected, 403), injected, "Injected failure: " + injected);
      return;
    }
    JsonObject body = FakeShopeeReplies.jsonBody(ctx);
    if (autoReply && body != null && !body.containsKey("message_type")) {
      body.put("message_type", "text");
    }
    String problem = body == null ? "Request body is not a JSON object." : problem(body);
    if (problem == null && autoReply && !"text".equals(body.getString("message_type"))) {
      problem = "Auto-reply messages can only be text.";
    }
    if (problem != null) {
      error(ctx, 400, "error_param", problem);
      return;
    }
    String toId = body.getValue("to_id").toString();
    JsonObject stored = state.addSellerMessage(shop.shopId(), toId, body.getString("message_type"),
        body.getJsonObject("content"));
    accepted.add(new JsonObject()
        .put("shop_id", shop.shopId())
        .put("to_id", body.getValue("to_id"))
        .put("message_type", body.getString("message_type"))
        .put("content", body.getJsonObject("content").copy())
        .put("message_id", stored.getString("message_id"))
        .put("auto_reply", autoReply));
    if (toStall.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
      return; // processed, but the answer never comes: the caller cannot tell whether it was sent
    }
    FakeShopeeReplies.ok(ctx, new JsonObject()
        .put("to_id", body.getValue("to_id"))
        .put("message_id", stored.getString("message_id"))
        .put("message_type", stored.getString("message_type"))
        .put("content", stored.getJsonObject("content"))
        .put("conversation_id", stored.getString("conversation_id"))
        .put("created_timestamp", stored.getLong("created_timestamp"))
        .put("message_option", 0));
  }

  private static String problem(JsonObject body) {
    Object toId = body.getValue("to_id");
    boolean integer = toId instanceof Integer || toId instanceof Long || toId instanceof BigInteger;
    if (!integer || !ShopeeIds.isValid(toId.toString()) || "0".equals(toId.toString())) {
      return "to_id is invalid.";
    }
    if (!(body.getValue("message_type") instanceof String type)) {
      return "message_type is required.";
    }
    if (!(body.getValue("content") instanceof JsonObject content)) {
      return "content is required.";
    }
    return switch (type) {
      case "text" -> content.getValue("text") instanceof String t && !t.isEmpty() ? null : "content.text is required.";
      case "image" -> content.getValue("image_url") instanceof String ? null : "content.image_url is required.";
      case "sticker" -> content.containsKey("sticker_id") && content.containsKey("sticker_package_id")
          ? null : "content.sticker_id and content.sticker_package_id are required.";
      case "item" -> content.getValue("item_id") instanceof Number ? null : "content.item_id is required.";
      case "order" -> content.getValue("order_sn") instanceof String ? null : "content.order_sn is required.";
      default -> "message_type is invalid.";
    };
  }
}
