package dev.unibox.adapters.shopee.fake;

import static dev.unibox.adapters.shopee.ShopeePaths.CONFIRM_LOST_PUSH;
import static dev.unibox.adapters.shopee.ShopeePaths.GET_CONVERSATION_LIST;
import static dev.unibox.adapters.shopee.ShopeePaths.GET_LOST_PUSH;
import static dev.unibox.adapters.shopee.ShopeePaths.GET_MESSAGE;
import static dev.unibox.adapters.shopee.ShopeePaths.GET_ORDER_DETAIL;
import static dev.unibox.adapters.shopee.ShopeePaths.GET_ORDER_LIST;
import static dev.unibox.adapters.shopee.ShopeePaths.READ_CONVERSATION;
import static dev.unibox.adapters.shopee.ShopeePaths.REFRESH_TOKEN;
import static dev.unibox.adapters.shopee.ShopeePaths.SEND_AUTOREPLY;
import static dev.unibox.adapters.shopee.ShopeePaths.SEND_MESSAGE;
import static dev.unibox.adapters.shopee.ShopeePaths.UPLOAD_IMAGE;
import static dev.unibox.adapters.shopee.fake.FakeShopeeReplies.error;
import static dev.unibox.adapters.shopee.fake.FakeShopeeReplies.jsonBody;
import static dev.unibox.adapters.shopee.fake.FakeShopeeReplies.ok;
import static dev.unibox.adapters.shopee.fake.FakeShopeeReplies.respond;

import dev.unibox.adapters.shopee.fake.FakeShopeeState.Shop;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/** The fake's HTTP API: verifies each call like Shopee does, then serves it from {@link FakeShopeeState}. */
final class FakeShopeeApi {

  static final int MAX_UPLOAD_BYTES = 2 * 1024 * 1024;

  private final long partnerId;
  private final FakeShopeeState state;
  private final FakeShopeeCallCheck check;
  private final FakeShopeeSends sends;
  private final AtomicInteger callsToThrottle = new AtomicInteger();
  private volatile long throttleRetryAfterSeconds;
  private final AtomicInteger throttledCalls = new AtomicInteger();
  private final List<String> uploads = new CopyOnWriteArrayList<>();
  final FakeShopeeOrders orders = new FakeShopeeOrders();

  FakeShopeeApi(long partnerId, String partnerKey, Clock clock, FakeShopeeState state) {
    this.partnerId = partnerId;
    this.state = state;
    this.check = new FakeShopeeCallCheck(partnerId, partnerKey, clock, state);
    this.sends = new FakeShopeeSends(state);
  }

  Router router(Vertx vertx) {
    Router router = Router.router(vertx);
    router.post().handler(BodyHandler.create()
        .setUploadsDirectory(System.getProperty("java.io.tmpdir") + "/unibox-fake-shopee-uploads")
        .setDeleteUploadedFilesOnEnd(true)
        .setBodyLimit(4 * 1024 * 1024));
    router.route().handler(this::throttle);
    forShop(router.post(SEND_MESSAGE), SEND_MESSAGE, (ctx, shop) -> sends.send(ctx, shop, false));
    forShop(router.post(SEND_AUTOREPLY), SEND_AUTOREPLY, (ctx, shop) -> sends.send(ctx, shop, true));
    forShop(router.post(READ_CONVERSATION), READ_CONVERSATION, this::readConversation);
    forShop(router.post(UPLOAD_IMAGE), UPLOAD_IMAGE, this::uploadImage);
    forShop(router.get(GET_MESSAGE), GET_MESSAGE, this::getMessage);
    forShop(router.get(GET_CONVERSATION_LIST), GET_CONVERSATION_LIST, this::getConversationList);
    forShop(router.get(GET_ORDER_LIST), GET_ORDER_LIST, orders::list);
    forShop(router.get(GET_ORDER_DETAIL), GET_ORDER_DETAIL, orders::detail);
    forPartner(router.post(REFRESH_TOKEN), REFRESH_TOKEN, this::refresh);
    forPartner(router.get(GET_LOST_PUSH), GET_LOST_PUSH, ctx -> ok(ctx, state.lostPushes.page()));
    forPartner(router.post(CONFIRM_LOST_PUSH), CONFIRM_LOST_PUSH, this::confirmLostPush);
    return router;
  }

  List<JsonObject> acceptedSends() {
    return sends.accepted();
  }

  int rejectedCalls() {
    return check.rejectedCalls();
  }

  void failNextSends(int n, String shopeeError) {
    sends.failNext(n, shopeeError);
  }

  void stallNextSends(int n) {
    sends.stallNext(n);
  }

  /** Serves a shop call with {@code handler} once verified; a refused call is answered by the check. */
  private void forShop(Route route, String apiPath, BiConsumer<RoutingContext, Shop> handler) {
    route.handler(ctx -> {
      Shop shop = check.shop(ctx, apiPath);
      if (shop != null) {
        handler.accept(ctx, shop);
      }
    });
  }

  private void forPartner(Route route, String apiPath, Handler<RoutingContext> handler) {
    route.handler(ctx -> {
      if (check.partner(ctx, apiPath)) {
        handler.handle(ctx);
      }
    });
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

  private void readConversation(RoutingContext ctx, Shop shop) {
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

  private void uploadImage(RoutingContext ctx, Shop shop) {
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
    JsonObject body = jsonBody(ctx);
    Object shopId = body == null ? null : body.getValue("shop_id");
    String refreshToken = body == null ? null : body.getString("refresh_token");
    if (!(shopId instanceof Number shop) || refreshToken == null) {
      error(ctx, 400, "error_param", "shop_id and refresh_token are required.");
      return;
    }
    FakeShopeeTokens.Refreshed fresh = state.tokens.refresh(shop.longValue(), refreshToken);
    if (fresh.error() != null) {
      error(ctx, 403, fresh.error(), "error_param".equals(fresh.error())
          ? "Invalid refresh_token." : "The refresh_token has expired.");
      return;
    }
    respond(ctx, 200, FakeShopeeReplies.envelope("", "").put("partner_id", partnerId).put("shop_id", shop.longValue())
        .put("access_token", fresh.accessToken()).put("refresh_token", fresh.refreshToken())
        .put("expire_in", FakeShopeeTokens.ACCESS_TOKEN_SECONDS));
  }

  private void confirmLostPush(RoutingContext ctx) {
    JsonObject body = jsonBody(ctx);
    if (body == null || !(body.getValue("last_message_id") instanceof Number last)) {
      error(ctx, 400, "error_param", "last_message_id is required.");
      return;
    }
    state.lostPushes.confirm(last.longValue());
    ok(ctx, new JsonObject());
  }

  private void getMessage(RoutingContext ctx, Shop shop) {
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

  private void getConversationList(RoutingContext ctx, Shop shop) {
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
  }}
