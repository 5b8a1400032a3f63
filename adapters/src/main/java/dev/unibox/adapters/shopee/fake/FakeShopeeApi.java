package dev.unibox.adapters.shopee.fake;

import dev.unibox.adapters.shopee.ShopeeIds;
import dev.unibox.adapters.shopee.ShopeeSigner;
import dev.unibox.adapters.shopee.fake.FakeShopeeState.Shop;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.math.BigInteger;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** The fake's HTTP API: verifies each call like Shopee does, then serves it from {@link FakeShopeeState}. */
final class FakeShopeeApi {

  static final String SEND_MESSAGE = "/api/v2/sellerchat/send_message";
  static final String SEND_AUTOREPLY = "/api/v2/sellerchat/send_autoreply_message";
  static final String GET_MESSAGE = "/api/v2/sellerchat/get_message";
  static final String GET_CONVERSATION_LIST = "/api/v2/sellerchat/get_conversation_list";
  private static final long MAX_CLOCK_SKEW_SECONDS = 300;
  private static final Map<String, Integer> INJECTED_ERROR_STATUS = Map.ofEntries(
      Map.entry("system_busy", 500), Map.entry("error_server", 500),
      Map.entry("error_rate_limit", 429), Map.entry("error_limit", 429),
      Map.entry("error_param", 400));

  private final long partnerId;
  private final String partnerKey;
  private final Clock clock;
  private final FakeShopeeState state;
  private final List<JsonObject> acceptedSends = new CopyOnWriteArrayList<>();
  private final AtomicInteger rejectedCalls = new AtomicInteger();
  private final Queue<String> injectedSendErrors = new ArrayDeque<>();
  private final AtomicInteger sendsToStall = new AtomicInteger();

  FakeShopeeApi(long partnerId, String partnerKey, Clock clock, FakeShopeeState state) {
    this.partnerId = partnerId;
    this.partnerKey = partnerKey;
    this.clock = clock;
    this.state = state;
  }

  Router router(Vertx vertx) {
    Router router = Router.router(vertx);
    router.post().handler(BodyHandler.create().setBodyLimit(1024 * 1024));
    router.post(SEND_MESSAGE).handler(ctx -> sendMessage(ctx, false));
    router.post(SEND_AUTOREPLY).handler(ctx -> sendMessage(ctx, true));
    router.get(GET_MESSAGE).handler(this::getMessage);
    router.get(GET_CONVERSATION_LIST).handler(this::getConversationList);
    return router;
  }

  List<JsonObject> acceptedSends() {
    return List.copyOf(acceptedSends);
  }

  int rejectedCalls() {
    return rejectedCalls.get();
  }

  void failNextSends(int n, String shopeeError) {
    synchronized (injectedSendErrors) {
      for (int i = 0; i < n; i++) {
        injectedSendErrors.add(shopeeError);
      }
    }
  }

  void stallNextSends(int n) {
    sendsToStall.addAndGet(n);
  }

  /** send_message, or send_autoreply_message (text only, no message_type: {to_id, content: {text}}). */
  private void sendMessage(RoutingContext ctx, boolean autoReply) {
    Shop shop = authenticate(ctx, autoReply ? SEND_AUTOREPLY : SEND_MESSAGE);
    if (shop == null) {
      return;
    }
    String injected;
    synchronized (injectedSendErrors) {
      injected = injectedSendErrors.poll();
    }
    if (injected != null) {
      error(ctx, INJECTED_ERROR_STATUS.getOrDefault(injected, 403), injected, "Injected failure: " + injected);
      return;
    }
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (RuntimeException notJson) {
      body = null;
    }
    if (autoReply && body != null && !body.containsKey("message_type")) {
      body.put("message_type", "text");
    }
    String problem = body == null ? "Request body is not a JSON object." : sendProblem(body);
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
    acceptedSends.add(new JsonObject()
        .put("shop_id", shop.shopId())
        .put("to_id", body.getValue("to_id"))
        .put("message_type", body.getString("message_type"))
        .put("content", body.getJsonObject("content").copy())
        .put("message_id", stored.getString("message_id"))
        .put("auto_reply", autoReply));
    if (stallOne()) {
      return; // processed, but the answer never comes: the caller cannot tell whether it was sent
    }
    ok(ctx, new JsonObject()
        .put("to_id", body.getValue("to_id"))
        .put("message_id", stored.getString("message_id"))
        .put("message_type", stored.getString("message_type"))
        .put("content", stored.getJsonObject("content"))
        .put("conversation_id", stored.getString("conversation_id"))
        .put("created_timestamp", stored.getLong("created_timestamp"))
        .put("message_option", 0));
  }

  private boolean stallOne() {
    return sendsToStall.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
  }

  private static String sendProblem(JsonObject body) {
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

  private void getMessage(RoutingContext ctx) {
    Shop shop = authenticate(ctx, GET_MESSAGE);
    if (shop == null) {
      return;
    }
    String conversationId = ctx.request().getParam("conversation_id");
    Integer pageSize = pageSize(ctx, 25, FakeShopeeState.MAX_MESSAGE_PAGE);
    if (pageSize == null) {
      return;
    }
    if (conversationId == null || conversationId.isEmpty()) {
      error(ctx, 400, "error_param", "conversation_id is required.");
      return;
    }
    JsonObject page;
    try {
      page = state.messagePage(shop.shopId(), conversationId, ctx.request().getParam("offset"), pageSize);
    } catch (IllegalArgumentException badCursor) {
      error(ctx, 400, "error_param", badCursor.getMessage());
      return;
    }
    if (page == null) {
      error(ctx, 400, "error_param", "conversation_id is invalid.");
      return;
    }
    ok(ctx, page);
  }

  private void getConversationList(RoutingContext ctx) {
    Shop shop = authenticate(ctx, GET_CONVERSATION_LIST);
    if (shop == null) {
      return;
    }
    String direction = ctx.request().getParam("direction");
    String type = ctx.request().getParam("type");
    if (!"latest".equals(direction) && !"older".equals(direction)) {
      error(ctx, 400, "error_param", "direction should be latest or older.");
      return;
    }
    if (!"all".equals(type) && !"pinned".equals(type) && !"unread".equals(type)) {
      error(ctx, 400, "error_param", "type should be all, pinned or unread.");
      return;
    }
    Integer pageSize = pageSize(ctx, 25, Integer.MAX_VALUE);
    if (pageSize == null) {
      return;
    }
    Long cursor = null;
    String rawCursor = ctx.request().getParam("next_timestamp_nano");
    if (rawCursor != null && !rawCursor.isEmpty()) {
      try {
        cursor = Long.parseLong(rawCursor);
      } catch (NumberFormatException e) {
        error(ctx, 400, "error_param", "next_timestamp_nano is invalid.");
        return;
      }
    }
    ok(ctx, state.conversationPage(shop.shopId(), "older".equals(direction), "unread".equals(type),
        "pinned".equals(type), cursor, pageSize));
  }

  private Integer pageSize(RoutingContext ctx, int defaultSize, int max) {
    String raw = ctx.request().getParam("page_size");
    if (raw == null || raw.isEmpty()) {
      return defaultSize;
    }
    try {
      int size = Integer.parseInt(raw);
      if (size >= 1 && size <= max) {
        return size;
      }
    } catch (NumberFormatException ignored) {
      // answered below
    }
    error(ctx, 400, "error_param", "page_size should be between 1 and " + max + ".");
    return null;
  }

  /** Checks partner_id, timestamp, sign, shop and token like Shopee; answers the error itself and returns null. */
  private Shop authenticate(RoutingContext ctx, String apiPath) {
    String partner = ctx.request().getParam("partner_id");
    String timestamp = ctx.request().getParam("timestamp");
    String sign = ctx.request().getParam("sign");
    String shopIdParam = ctx.request().getParam("shop_id");
    String accessToken = ctx.request().getParam("access_token");
    for (String[] required : new String[][] {{"partner_id", partner}, {"timestamp", timestamp}, {"sign", sign}}) {
      if (required[1] == null || required[1].isEmpty()) {
        return reject(ctx, 400, "error_param", "Missing required parameter: " + required[0] + ".");
      }
    }
    if (!partner.equals(Long.toString(partnerId))) {
      return reject(ctx, 400, "error_param", "Invalid partner_id.");
    }
    long ts;
    try {
      ts = Long.parseLong(timestamp);
    } catch (NumberFormatException e) {
      return reject(ctx, 400, "error_param", "Invalid timestamp.");
    }
    if (Math.abs(clock.instant().getEpochSecond() - ts) > MAX_CLOCK_SKEW_SECONDS) {
      return reject(ctx, 400, "error_param", "Timestamp is expired.");
    }
    String expected = ShopeeSigner.apiSign(partnerKey, partner, apiPath, ts, accessToken, shopIdParam);
    if (!ShopeeSigner.constantTimeEquals(expected, sign)) {
      return reject(ctx, 403, "error_sign", "Wrong sign.");
    }
    Shop shop = null;
    try {
      shop = shopIdParam == null ? null : state.shop(Long.parseLong(shopIdParam));
    } catch (NumberFormatException ignored) {
      // unknown shop, answered below
    }
    if (shop == null || !shop.accessToken().equals(accessToken)) {
      return reject(ctx, 403, "invalid_acceess_token", "Invalid access_token.");
    }
    return shop;
  }

  private Shop reject(RoutingContext ctx, int status, String code, String message) {
    rejectedCalls.incrementAndGet();
    error(ctx, status, code, message);
    return null;
  }

  private static void ok(RoutingContext ctx, JsonObject response) {
    respond(ctx, 200, new JsonObject().put("request_id", requestId()).put("error", "").put("message", "")
        .put("response", response));
  }

  private static void error(RoutingContext ctx, int status, String code, String message) {
    respond(ctx, status, new JsonObject().put("request_id", requestId()).put("error", code).put("message", message));
  }

  private static void respond(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
  }

  private static String requestId() {
    return UUID.randomUUID().toString().replace("-", "");
  }
}
