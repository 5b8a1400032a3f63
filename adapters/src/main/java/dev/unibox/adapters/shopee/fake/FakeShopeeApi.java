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
  static final String READ_CONVERSATION = "/api/v2/sellerchat/read_conversation";
  static final String UPLOAD_IMAGE = "/api/v2/sellerchat/upload_image";
  static final String REFRESH = "/api/v2/auth/access_token/get";
  static final String GET_LOST_PUSH = "/api/v2/push/get_lost_push_message";
  static final String CONFIRM_LOST_PUSH = "/api/v2/push/confirm_consumed_lost_push_message";
  static final int MAX_UPLOAD_BYTES = 2 * 1024 * 1024;
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
  private final AtomicInteger callsToThrottle = new AtomicInteger();
  private volatile long throttleRetryAfterSeconds;
  private final AtomicInteger throttledCalls = new AtomicInteger();
  private final List<String> uploads = new CopyOnWriteArrayList<>();
  final FakeShopeeOrders orders = new FakeShopeeOrders(this);

  FakeShopeeApi(long partnerId, String partnerKey, Clock clock, FakeShopeeState state) {
    this.partnerId = partnerId;
    this.partnerKey = partnerKey;
    this.clock = clock;
    this.state = state;
  }

  Router router(Vertx vertx) {
    Router router = Router.router(vertx);
    router.post().handler(BodyHandler.create()
        .setUploadsDirectory(System.getProperty("java.io.tmpdir") + "/unibox-fake-shopee-uploads")
        .setDeleteUploadedFilesOnEnd(true)
        .setBodyLimit(4 * 1024 * 1024));
    router.route().handler(this::throttle);
    router.post(SEND_MESSAGE).handler(ctx -> sendMessage(ctx, false));
    router.post(SEND_AUTOREPLY).handler(ctx -> sendMessage(ctx, true));
    router.post(READ_CONVERSATION).handler(this::readConversation);
    router.post(UPLOAD_IMAGE).handler(this::uploadImage);
    router.post(REFRESH).handler(this::refresh);
    router.get(GET_LOST_PUSH).handler(this::getLostPush);
    router.post(CONFIRM_LOST_PUSH).handler(this::confirmLostPush);
    router.get(GET_MESSAGE).handler(this::getMessage);
    router.get(GET_CONVERSATION_LIST).handler(this::getConversationList);
    orders.mount(router);
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

  void throttleNextCalls(int n, long retryAfterSeconds) {
    throttleRetryAfterSeconds = retryAfterSeconds;
    callsToThrottle.addAndGet(n);
  }

  int throttledCalls() {
    return throttledCalls.get();
  }

  List<String> uploads() {
    return List.copyOf(uploads);
  }

  /** Injected rate limit: HTTP 429 error_rate_limit with Retry-After, before anything else happens. */
  private void throttle(RoutingContext ctx) {
    if (callsToThrottle.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
      throttledCalls.incrementAndGet();
      ctx.response().putHeader("Retry-After", Long.toString(throttleRetryAfterSeconds));
      error(ctx, 429, "error_rate_limit", "Too many requests.");
      return;
    }
    ctx.next();
  }

  private void readConversation(RoutingContext ctx) {
    Shop shop = authenticate(ctx, READ_CONVERSATION);
    if (shop == null) {
      return;
    }
    JsonObject body = jsonBody(ctx);
    Object conversationId = body == null ? null : body.getValue("conversation_id");
    Object lastRead = body == null ? null : body.getValue("last_read_message_id");
    if (conversationId == null || lastRead == null) {
      error(ctx, 400, "error_param", "conversation_id and last_read_message_id are required.");
      return;
    }
    if (!state.markRead(shop.shopId(), conversationId.toString(), lastRead.toString())) {
      error(ctx, 400, "error_param", "conversation_id is invalid.");
      return;
    }
    ok(ctx, new JsonObject().put("conversation_id", conversationId.toString())
        .put("last_read_message_id", lastRead.toString()));
  }

  private void uploadImage(RoutingContext ctx) {
    Shop shop = authenticate(ctx, UPLOAD_IMAGE);
    if (shop == null) {
      return;
    }
    var files = ctx.fileUploads().stream().filter(f -> "file".equals(f.name())).toList();
    if (files.size() != 1) {
      error(ctx, 400, "error_param", "file is required.");
      return;
    }
    if (files.get(0).size() > MAX_UPLOAD_BYTES || files.get(0).size() == 0) {
      error(ctx, 400, "error_param", "file size should be within 2MB.");
      return;
    }
    String url = "https://cf.shopee.fake/file/" + UUID.randomUUID().toString().replace("-", "");
    uploads.add(url);
    ok(ctx, new JsonObject().put("url", url).put("thumbnail", url + "_tn"));
  }

  private void refresh(RoutingContext ctx) {
    if (!authenticatePartner(ctx, REFRESH)) {
      return;
    }
    JsonObject body = jsonBody(ctx);
    Object shopId = body == null ? null : body.getValue("shop_id");
    String refreshToken = body == null ? null : body.getString("refresh_token");
    if (!(shopId instanceof Number shop) || refreshToken == null) {
      error(ctx, 400, "error_param", "shop_id and refresh_token are required.");
      return;
    }
    String[] failure = new String[1];
    FakeShopeeState.Tokens fresh = state.refresh(shop.longValue(), refreshToken, failure);
    if (fresh == null) {
      error(ctx, 403, failure[0], "error_param".equals(failure[0])
          ? "Invalid refresh_token." : "The refresh_token has expired.");
      return;
    }
    respond(ctx, 200, new JsonObject().put("request_id", requestId()).put("error", "").put("message", "")
        .put("partner_id", partnerId).put("shop_id", shop.longValue())
        .put("access_token", fresh.accessToken).put("refresh_token", fresh.refreshToken)
        .put("expire_in", FakeShopeeState.ACCESS_TOKEN_SECONDS));
  }

  private void getLostPush(RoutingContext ctx) {
    if (authenticatePartner(ctx, GET_LOST_PUSH)) {
      ok(ctx, state.lostPushPage());
    }
  }

  private void confirmLostPush(RoutingContext ctx) {
    if (!authenticatePartner(ctx, CONFIRM_LOST_PUSH)) {
      return;
    }
    JsonObject body = jsonBody(ctx);
    if (body == null || !(body.getValue("last_message_id") instanceof Number last)) {
      error(ctx, 400, "error_param", "last_message_id is required.");
      return;
    }
    state.confirmLostPushes(last.longValue());
    ok(ctx, new JsonObject());
  }

  private static JsonObject jsonBody(RoutingContext ctx) {
    try {
      return ctx.body().asJsonObject();
    } catch (RuntimeException notJson) {
      return null;
    }
  }

  /** Partner-level calls: sign over partner_id + path + timestamp only. */
  private boolean authenticatePartner(RoutingContext ctx, String apiPath) {
    String partner = ctx.request().getParam("partner_id");
    String timestamp = ctx.request().getParam("timestamp");
    String sign = ctx.request().getParam("sign");
    if (partner == null || timestamp == null || sign == null || !partner.equals(Long.toString(partnerId))) {
      reject(ctx, 400, "error_param", "Missing or invalid partner_id, timestamp or sign.");
      return false;
    }
    long ts;
    try {
      ts = Long.parseLong(timestamp);
    } catch (NumberFormatException e) {
      reject(ctx, 400, "error_param", "Invalid timestamp.");
      return false;
    }
    if (Math.abs(clock.instant().getEpochSecond() - ts) > MAX_CLOCK_SKEW_SECONDS) {
      reject(ctx, 400, "error_param", "Timestamp is expired.");
      return false;
    }
    if (!ShopeeSigner.constantTimeEquals(ShopeeSigner.apiSign(partnerKey, partner, apiPath, ts, null, null), sign)) {
      reject(ctx, 403, "error_sign", "Wrong sign.");
      return false;
    }
    return true;
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
  Shop authenticate(RoutingContext ctx, String apiPath) {
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
    if (shop == null || accessToken == null || !state.accessTokenValid(shop.shopId(), accessToken)) {
      return reject(ctx, 403, "invalid_acceess_token", "Invalid access_token.");
    }
    return shop;
  }

  private Shop reject(RoutingContext ctx, int status, String code, String message) {
    rejectedCalls.incrementAndGet();
    error(ctx, status, code, message);
    return null;
  }

  static void ok(RoutingContext ctx, JsonObject response) {
    respond(ctx, 200, new JsonObject().put("request_id", requestId()).put("error", "").put("message", "")
        .put("response", response));
  }

  static void error(RoutingContext ctx, int status, String code, String message) {
    respond(ctx, status, new JsonObject().put("request_id", requestId()).put("error", code).put("message", message));
  }

  private static void respond(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
  }

  private static String requestId() {
    return UUID.randomUUID().toString().replace("-", "");
  }
}
