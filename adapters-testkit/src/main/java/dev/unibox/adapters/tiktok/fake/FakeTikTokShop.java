package dev.unibox.adapters.tiktok.fake;

import dev.unibox.adapters.support.Signatures;
import dev.unibox.adapters.testkit.FakeTokenPlatform;
import dev.unibox.adapters.testkit.FakeTokens;
import dev.unibox.adapters.tiktok.TikTokSigner;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
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
public final class FakeTikTokShop extends FakeTokenPlatform {

  /** One webhook delivery; status 0 = not delivered. */
  public record Push(int status, String messageId, String conversationId, String body, String authorization) {
    Push answered(int answer) {
      return new Push(answer, messageId, conversationId, body, authorization);
    }
  }

  private static final String BASE = "/customer_service/202309/conversations";
  static final int MAX_CONVERSATIONS = 20;
  static final int MAX_MESSAGES = 10;
  private static final long PUSH_TIMEOUT_MS = 3_000;

  private static final class Shop {
    final String shopId;
    final String cipher;
    final String callbackUrl;

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

  private final String appKey;
  private final String appSecret;
  private final Map<String, Shop> shops = new LinkedHashMap<>();
  private final Map<String, Conversation> conversations = new LinkedHashMap<>();
  private final List<String> reads = new CopyOnWriteArrayList<>();
  private final FakeTikTokOrders orders = new FakeTikTokOrders();
  private long nextMessageId = 7_300_000_000_000_000_001L;
  private long nextConversation = 1;

  public FakeTikTokShop(Vertx vertx, String appKey, String appSecret, Clock clock) {
    super(vertx, clock, "tts");
    this.appKey = appKey;
    this.appSecret = appSecret;
  }

  public synchronized FakeTikTokShop addShop(String shopId, String cipher, String accessToken, String refreshToken,
                                             String callbackUrl) {
    shops.put(shopId, new Shop(shopId, cipher, callbackUrl));
    tokens.issue(shopId, accessToken, refreshToken);
    return this;
  }

  public Future<FakeTikTokShop> start(int port) {
    Router router = router();
    router.route().handler(rateLimit((ctx, retryAfter) -> {
      ctx.response().setStatusCode(429).putHeader("Retry-After", Long.toString(retryAfter));
      envelope(ctx, 36009002, "Too many requests", null);
    }));
    router.get(BASE).handler(ctx -> withShop(ctx, this::listConversations));
    router.get(BASE + "/:id/messages").handler(ctx -> withShop(ctx, this::listMessages));
    router.post(BASE + "/:id/messages/read").handler(ctx -> withShop(ctx, this::read));
    router.post(BASE + "/:id/messages").handler(ctx -> withShop(ctx, this::send));
    router.post(FakeTikTokOrders.SEARCH).handler(ctx -> withShop(ctx, this::searchOrders));
    router.get("/api/v2/token/refresh").handler(this::refresh);
    return listen(port, router).map(this);
  }

  public List<String> reads() {
    return List.copyOf(reads);
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
    return deliver(shop.callbackUrl, Map.of("Authorization", auth), body, PUSH_TIMEOUT_MS).map(push::answered);
  }

  /** A system message the buyer never sees ({@code is_visible=false}). */
  public synchronized void addInvisibleMessage(String conversationId) {
    Conversation c = conversations.get(conversationId);
    message(c, "NOTIFICATION", new JsonObject().put("content", "internal").encode(), false,
        new JsonObject().put("im_user_id", "0").put("role", "SYSTEM").put("nickname", "system"));
  }

  public Future<Push> repush(Push earlier) {
    String shopId = new JsonObject(earlier.body()).getString("shop_id");
    return post(shops.get(shopId).callbackUrl, Map.of("Authorization", earlier.authorization()), earlier.body(),
        PUSH_TIMEOUT_MS).map(earlier::answered);
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
      countRejected();
      ctx.response().setStatusCode(401);
      envelope(ctx, 106001, "Invalid signature", null);
      return;
    }
    if (shop == null || !shop.shopId.equals(tokens.shopOf(ctx.request().getHeader("x-tts-access-token")))) {
      countRejected();
      ctx.response().setStatusCode(401);
      envelope(ctx, 105002, "Access token is expired", null);
      return;
    }
    handler.handle(ctx, shop);
  }

  private void refresh(RoutingContext ctx) {
    if (!appKey.equals(ctx.request().getParam("app_key")) || !appSecret.equals(ctx.request().getParam("app_secret"))
        || !"refresh_token".equals(ctx.request().getParam("grant_type"))) {
      countRejected();
      envelope(ctx, 1, "invalid app credentials", null);
      return;
    }
    FakeTokens.Pair t = tokens.refresh(ctx.request().getParam("refresh_token"));
    if (t == null) {
      envelope(ctx, 1, "refresh_token is invalid or expired", null);
      return;
    }
    envelope(ctx, 0, "success", new JsonObject().put("access_token", t.access())
        .put("access_token_expire_in", t.accessExpires().getEpochSecond()).put("refresh_token", t.refresh())
        .put("refresh_token_expire_in", t.refreshExpires().getEpochSecond()).put("open_id", t.shopId()));
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
    if (takeFailure()) {
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
    json(ctx, body);
  }
}
