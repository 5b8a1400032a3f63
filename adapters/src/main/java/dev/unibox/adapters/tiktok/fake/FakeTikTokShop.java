package dev.unibox.adapters.tiktok.fake;

import dev.unibox.adapters.fake.PushFaults;
import dev.unibox.adapters.support.Signatures;
import dev.unibox.adapters.tiktok.TikTokSigner;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake TikTok Shop Partner API (customer service 202309) on 127.0.0.1. It verifies every call as TikTok
 * does (app_key, shop_cipher, sign over secret + path + sorted params + body + secret, x-tts-access-token),
 * pages conversations (≤ 20) and messages (≤ 10) with opaque {@code page_token}s, answers TikTok's error
 * codes (105002 expired token, 106001 bad sign, 36009002 + HTTP 429 rate limit) and pushes signed type-14
 * webhooks that only name the message ({@code data: conversation_id, message_id, create_time} — the real
 * fields are [unknown]), so the adapter must fetch it. Messages carry a sortable {@code index}; invisible
 * ones can be added ({@link #addInvisibleMessage}). Codes the fake uses for malformed requests (HTTP 400,
 * code 1) are its own.
 */
public final class FakeTikTokShop {

  /** One webhook delivery; status 0 = not delivered. */
  public record Push(int status, String messageId, String conversationId, String body, String authorization) {}

  private static final String BASE = "/customer_service/202309/conversations";
  static final int MAX_CONVERSATIONS = 20;
  static final int MAX_MESSAGES = 10;

  private static final class Shop {
    final String shopId;
    final String cipher;
    final String callbackUrl;
    String access;
    long accessExpires;
    String refresh;
    long refreshExpires;

    Shop(String shopId, String cipher, String callbackUrl) {
      this.shopId = shopId;
      this.cipher = cipher;
      this.callbackUrl = callbackUrl;
    }
  }

  private static final class Conversation {
    final String id;
    final Shop shop;
    final String buyerImId;
    final String buyerName;
    final List<JsonObject> messages = new ArrayList<>();
    long createTime;
    int unread;

    Conversation(String id, Shop shop, String buyerImId, String buyerName) {
      this.id = id;
      this.shop = shop;
      this.buyerImId = buyerImId;
      this.buyerName = buyerName;
    }

    long latest() {
      return messages.isEmpty() ? createTime : messages.get(messages.size() - 1).getLong("create_time");
    }
  }

  private final Vertx vertx;
  private final String appKey;
  private final String appSecret;
  private final Clock clock;
  private final WebClient pushClient;
  private final PushFaults faults;
  private final Map<String, Shop> shops = new LinkedHashMap<>();
  private final Map<String, Conversation> conversations = new LinkedHashMap<>();
  private final List<JsonObject> sends = new CopyOnWriteArrayList<>();
  private final List<String> reads = new CopyOnWriteArrayList<>();
  private final FakeTikTokOrders orders = new FakeTikTokOrders();
  private final AtomicInteger rejected = new AtomicInteger();
  private final AtomicInteger throttle = new AtomicInteger();
  private final AtomicInteger sendFailures = new AtomicInteger();
  private final AtomicInteger refreshes = new AtomicInteger();
  private volatile long retryAfter;
  private long nextMessageId = 7_300_000_000_000_000_001L;
  private long nextConversation = 1;
  private HttpServer server;

  public FakeTikTokShop(Vertx vertx, String appKey, String appSecret, Clock clock) {
    this.vertx = vertx;
    this.appKey = appKey;
    this.appSecret = appSecret;
    this.clock = clock;
    this.pushClient = WebClient.create(vertx);
    this.faults = new PushFaults(vertx);
  }

  public synchronized FakeTikTokShop addShop(String shopId, String cipher, String accessToken, String refreshToken,
                                             String callbackUrl) {
    Shop s = new Shop(shopId, cipher, callbackUrl);
    s.access = accessToken;
    s.accessExpires = clock.instant().getEpochSecond() + 7 * 24 * 3600;
    s.refresh = refreshToken;
    s.refreshExpires = clock.instant().getEpochSecond() + 30L * 24 * 3600;
    shops.put(shopId, s);
    return this;
  }

  public Future<FakeTikTokShop> start(int port) {
    Router router = Router.router(vertx);
    router.route().handler(BodyHandler.create(false).setBodyLimit(1024 * 1024));
    router.route().handler(this::throttle);
    router.get(BASE).handler(ctx -> withShop(ctx, this::listConversations));
    router.get(BASE + "/:id/messages").handler(ctx -> withShop(ctx, this::listMessages));
    router.post(BASE + "/:id/messages/read").handler(ctx -> withShop(ctx, this::read));
    router.post(BASE + "/:id/messages").handler(ctx -> withShop(ctx, this::send));
    router.post(FakeTikTokOrders.SEARCH).handler(ctx -> withShop(ctx, this::searchOrders));
    router.get("/api/v2/token/refresh").handler(this::refresh);
    return vertx.createHttpServer().requestHandler(router).listen(port, "127.0.0.1").map(s -> {
      server = s;
      return this;
    });
  }

  public Future<Void> stop() {
    pushClient.close();
    return server == null ? Future.succeededFuture() : server.close();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  public PushFaults pushFaults() {
    return faults;
  }

  public List<JsonObject> sends() {
    return List.copyOf(sends);
  }

  public List<String> reads() {
    return List.copyOf(reads);
  }

  public int rejectedCalls() {
    return rejected.get();
  }

  public int refreshes() {
    return refreshes.get();
  }

  public void rateLimitNextCalls(int n, long retryAfterSeconds) {
    retryAfter = retryAfterSeconds;
    throttle.addAndGet(n);
  }

  public void failNextSends(int n) {
    sendFailures.addAndGet(n);
  }

  /** An order of the shop's buyer with that {@code im_user_id} (searchable by their user_id, as the chats name it). */
  public FakeTikTokShop addOrder(String shopId, String orderId, String buyerImId, String status, String total,
                                 String currency, java.time.Instant createTime, List<String> items) {
    orders.add(new FakeTikTokOrders.Order(shopId, orderId, userId(buyerImId), status, total, currency, createTime,
        items));
    return this;
  }

  private static String userId(String buyerImId) {
    return "u" + buyerImId;
  }

  public synchronized void expireAccessToken(String shopId) {
    shops.get(shopId).accessExpires = clock.instant().getEpochSecond();
  }

  public synchronized void expireRefreshToken(String shopId) {
    shops.get(shopId).refreshExpires = clock.instant().getEpochSecond();
  }

  /** A buyer writes: stored (fetchable), then a type-14 webhook names it. */
  public Future<Push> buyerWrites(String shopId, String buyerImId, String buyerName, String text) {
    JsonObject stored;
    Shop shop;
    synchronized (this) {
      shop = shops.get(shopId);
      Conversation c = conversation(shop, buyerImId, buyerName);
      stored = message(c, "TEXT", new JsonObject().put("content", text).encode(), true,
          new JsonObject().put("im_user_id", buyerImId).put("role", "BUYER").put("nickname", buyerName));
      c.unread++;
    }
    String body = new JsonObject().put("type", 14).put("shop_id", shopId)
        .put("timestamp", clock.instant().getEpochSecond())
        .put("tts_notification_id", UUID.randomUUID().toString())
        .put("data", new JsonObject().put("conversation_id", stored.getString("conversation_id"))
            .put("message_id", stored.getString("id")).put("create_time", stored.getLong("create_time")))
        .encode();
    String auth = TikTokSigner.pushSignature(appSecret, appKey, body.getBytes(StandardCharsets.UTF_8));
    Push push = new Push(0, stored.getString("id"), stored.getString("conversation_id"), body, auth);
    return faults.deliver(() -> post(shop.callbackUrl, push), push, () -> { });
  }

  /** A system message the buyer never sees ({@code is_visible=false}). */
  public synchronized void addInvisibleMessage(String conversationId) {
    Conversation c = conversations.get(conversationId);
    message(c, "NOTIFICATION", new JsonObject().put("content", "internal").encode(), false,
        new JsonObject().put("im_user_id", "0").put("role", "SYSTEM").put("nickname", "system"));
  }

  public Future<Push> repush(Push earlier) {
    String shopId = new JsonObject(earlier.body()).getString("shop_id");
    return post(shops.get(shopId).callbackUrl, earlier);
  }

  private Future<Push> post(String url, Push push) {
    return pushClient.postAbs(url).putHeader("Authorization", push.authorization())
        .putHeader("Content-Type", "application/json").timeout(3_000).sendBuffer(Buffer.buffer(push.body()))
        .map(r -> new Push(r.statusCode(), push.messageId(), push.conversationId(), push.body(), push.authorization()))
        .otherwise(push);
  }

  private Conversation conversation(Shop shop, String buyerImId, String buyerName) {
    for (Conversation c : conversations.values()) {
      if (c.shop == shop && c.buyerImId.equals(buyerImId)) {
        return c;
      }
    }
    Conversation c = new Conversation("5767" + (100_000_000L + nextConversation++), shop, buyerImId, buyerName);
    c.createTime = clock.instant().getEpochSecond();
    conversations.put(c.id, c);
    return c;
  }

  private JsonObject message(Conversation c, String type, String content, boolean visible, JsonObject sender) {
    JsonObject m = new JsonObject()
        .put("id", Long.toString(nextMessageId++))
        .put("conversation_id", c.id)
        .put("index", Integer.toString(c.messages.size() + 1))
        .put("type", type)
        .put("content", content)
        .put("create_time", clock.instant().getEpochSecond())
        .put("is_visible", visible)
        .put("sender", sender);
    c.messages.add(m);
    return m;
  }

  // ---- API

  private interface ShopHandler {
    void handle(RoutingContext ctx, Shop shop);
  }

  private void throttle(RoutingContext ctx) {
    if (throttle.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
      ctx.response().setStatusCode(429).putHeader("Retry-After", Long.toString(retryAfter));
      envelope(ctx, 36009002, "Too many requests", null);
      return;
    }
    ctx.next();
  }

  private void withShop(RoutingContext ctx, ShopHandler handler) {
    Map<String, String> query = new TreeMap<>();
    ctx.queryParams().forEach(e -> query.put(e.getKey(), e.getValue()));
    String path = ctx.request().path();
    boolean post = "POST".equals(ctx.request().method().name());
    String body = post ? (ctx.body().buffer() == null ? "" : ctx.body().buffer().toString()) : null;
    String expected = TikTokSigner.apiSign(appSecret, path, query, body);
    Shop shop;
    synchronized (this) {
      shop = shops.values().stream().filter(s -> s.cipher.equals(query.get("shop_cipher"))).findFirst().orElse(null);
    }
    if (!appKey.equals(query.get("app_key")) || query.get("timestamp") == null
        || !Signatures.hexEquals(expected, query.get("sign"))) {
      rejected.incrementAndGet();
      ctx.response().setStatusCode(401);
      envelope(ctx, 106001, "Invalid signature", null);
      return;
    }
    String token = ctx.request().getHeader("x-tts-access-token");
    synchronized (this) {
      if (shop == null || token == null || !token.equals(shop.access)
          || clock.instant().getEpochSecond() >= shop.accessExpires) {
        rejected.incrementAndGet();
        ctx.response().setStatusCode(401);
        envelope(ctx, 105002, "Access token is expired", null);
        return;
      }
    }
    handler.handle(ctx, shop);
  }

  private void refresh(RoutingContext ctx) {
    if (!appKey.equals(ctx.request().getParam("app_key")) || !appSecret.equals(ctx.request().getParam("app_secret"))
        || !"refresh_token".equals(ctx.request().getParam("grant_type"))) {
      rejected.incrementAndGet();
      envelope(ctx, 1, "invalid app credentials", null);
      return;
    }
    String refresh = ctx.request().getParam("refresh_token");
    synchronized (this) {
      Shop shop = shops.values().stream().filter(s -> s.refresh.equals(refresh)).findFirst().orElse(null);
      if (shop == null || clock.instant().getEpochSecond() >= shop.refreshExpires) {
        envelope(ctx, 1, "refresh_token is invalid or expired", null);
        return;
      }
      int n = refreshes.incrementAndGet();
      shop.access = "tts-acc-" + n + "-" + UUID.randomUUID();
      shop.refresh = "tts-ref-" + n + "-" + UUID.randomUUID();
      shop.accessExpires = clock.instant().getEpochSecond() + 7 * 24 * 3600;
      shop.refreshExpires = clock.instant().getEpochSecond() + 30L * 24 * 3600;
      envelope(ctx, 0, "success", new JsonObject().put("access_token", shop.access)
          .put("access_token_expire_in", shop.accessExpires).put("refresh_token", shop.refresh)
          .put("refresh_token_expire_in", shop.refreshExpires).put("open_id", shop.shopId));
    }
  }

  private Integer size(RoutingContext ctx, int max) {
    try {
      int n = Integer.parseInt(ctx.request().getParam("page_size"));
      if (n >= 1 && n <= max) {
        return n;
      }
    } catch (NumberFormatException ignored) {
      // below
    }
    ctx.response().setStatusCode(400);
    envelope(ctx, 1, "page_size must be between 1 and " + max, null);
    return null;
  }

  private static int offset(String token) {
    if (token == null || token.isEmpty()) {
      return 0;
    }
    return Integer.parseInt(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).substring(4));
  }

  static String token(int offset) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(("off:" + offset).getBytes(StandardCharsets.UTF_8));
  }

  private synchronized void listConversations(RoutingContext ctx, Shop shop) {
    Integer size = size(ctx, MAX_CONVERSATIONS);
    if (size == null) {
      return;
    }
    int from = offset(ctx.request().getParam("page_token"));
    List<Conversation> all = conversations.values().stream().filter(c -> c.shop == shop)
        .sorted(Comparator.comparingLong(Conversation::latest).reversed().thenComparing(c -> c.id)).toList();
    List<Conversation> page = all.subList(Math.min(from, all.size()), Math.min(from + size, all.size()));
    JsonArray list = new JsonArray();
    for (Conversation c : page) {
      JsonObject latest = c.messages.isEmpty() ? null : c.messages.get(c.messages.size() - 1).copy();
      list.add(new JsonObject().put("id", c.id)
          .put("participants", new JsonArray()
              .add(new JsonObject().put("im_user_id", c.buyerImId).put("user_id", userId(c.buyerImId))
                  .put("role", "BUYER").put("nickname", c.buyerName).put("avatar", ""))
              .add(new JsonObject().put("im_user_id", "shop-" + shop.shopId).put("role", "SHOP")
                  .put("nickname", "shop").put("avatar", "")))
          .put("latest_message", latest).put("unread_count", c.unread).put("can_send_message", true)
          .put("create_time", c.createTime));
    }
    int next = from + page.size();
    envelope(ctx, 0, "success", new JsonObject().put("conversations", list)
        .put("next_page_token", next < all.size() ? token(next) : ""));
  }

  private synchronized void listMessages(RoutingContext ctx, Shop shop) {
    Integer size = size(ctx, MAX_MESSAGES);
    if (size == null) {
      return;
    }
    Conversation c = conversations.get(ctx.pathParam("id"));
    if (c == null || c.shop != shop) {
      ctx.response().setStatusCode(404);
      envelope(ctx, 1, "conversation not found", null);
      return;
    }
    List<JsonObject> ordered = new ArrayList<>(c.messages);
    String field = ctx.request().getParam("sort_field");
    Comparator<JsonObject> cmp = "create_time".equals(field)
        ? Comparator.comparingLong((JsonObject m) -> m.getLong("create_time"))
        : Comparator.comparingLong((JsonObject m) -> Long.parseLong(m.getString("index")));
    ordered.sort("DESC".equalsIgnoreCase(ctx.request().getParam("sort_order")) ? cmp.reversed() : cmp);
    int from = offset(ctx.request().getParam("page_token"));
    List<JsonObject> page = ordered.subList(Math.min(from, ordered.size()), Math.min(from + size, ordered.size()));
    int next = from + page.size();
    envelope(ctx, 0, "success", new JsonObject()
        .put("messages", new JsonArray(page.stream().map(JsonObject::copy).toList()))
        .put("next_page_token", next < ordered.size() ? token(next) : ""));
  }

  private void send(RoutingContext ctx, Shop shop) {
    if (sendFailures.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
      ctx.response().setStatusCode(503).end();
      return;
    }
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (RuntimeException e) {
      body = null;
    }
    JsonObject stored;
    synchronized (this) {
      Conversation c = conversations.get(ctx.pathParam("id"));
      String type = body == null ? null : body.getString("type");
      String content = body == null ? null : body.getString("content");
      if (c == null || c.shop != shop || type == null || content == null) {
        ctx.response().setStatusCode(400);
        envelope(ctx, 1, "conversation, type and content are required", null);
        return;
      }
      if ("TEXT".equals(type) && new JsonObject(content).getString("content", "").codePointCount(0,
          new JsonObject(content).getString("content", "").length()) > 2000) {
        ctx.response().setStatusCode(400);
        envelope(ctx, 1, "text too long", null);
        return;
      }
      stored = message(c, type, content, true,
          new JsonObject().put("im_user_id", "shop-" + shop.shopId).put("role", "SHOP").put("nickname", "shop"));
      c.unread = 0;
      sends.add(new JsonObject().put("conversation_id", c.id).put("type", type).put("content", content)
          .put("message_id", stored.getString("id")));
    }
    envelope(ctx, 0, "success", new JsonObject().put("message_id", stored.getString("id")));
  }

  private synchronized void read(RoutingContext ctx, Shop shop) {
    Conversation c = conversations.get(ctx.pathParam("id"));
    if (c == null || c.shop != shop) {
      ctx.response().setStatusCode(404);
      envelope(ctx, 1, "conversation not found", null);
      return;
    }
    c.unread = 0;
    reads.add(c.id);
    envelope(ctx, 0, "success", new JsonObject());
  }

  private void searchOrders(RoutingContext ctx, Shop shop) {
    Integer size = size(ctx, FakeTikTokOrders.MAX_PAGE);
    if (size == null) {
      return;
    }
    int from;
    try {
      from = offset(ctx.request().getParam("page_token"));
    } catch (RuntimeException e) {
      ctx.response().setStatusCode(400);
      envelope(ctx, 36009003, "page_token is invalid", null);
      return;
    }
    JsonObject page = orders.search(shop.shopId, ctx, size, from);
    if (page == null) {
      ctx.response().setStatusCode(400);
      envelope(ctx, 36009003, "sort_field, sort_order or the body's filters are invalid", null);
      return;
    }
    envelope(ctx, 0, "success", page);
  }

  private static void envelope(RoutingContext ctx, long code, String message, JsonObject data) {
    JsonObject body = new JsonObject().put("code", code).put("message", message)
        .put("request_id", UUID.randomUUID().toString().replace("-", ""));
    if (data != null) {
      body.put("data", data);
    }
    ctx.response().putHeader("Content-Type", "application/json").end(body.encode());
  }
}
