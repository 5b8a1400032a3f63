package dev.unibox.adapters.tiktok.fake;

import static dev.unibox.adapters.tiktok.fake.FakeTikTokReplies.envelope;
import static dev.unibox.adapters.tiktok.fake.FakeTikTokReplies.fail;

import dev.unibox.adapters.support.Signatures;
import dev.unibox.adapters.testkit.FakeTokenPlatform;
import dev.unibox.adapters.testkit.FakeTokens;
import dev.unibox.adapters.tiktok.TikTokSigner;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * A fake TikTok Shop Partner API (customer service 202309) on 127.0.0.1. It verifies every call as TikTok
 * does (app_key, shop_cipher, sign over secret + path + sorted params + body + secret, x-tts-access-token),
 * pages conversations (≤ 20) and messages (≤ 10) with opaque {@code page_token}s, answers TikTok's error
 * codes (105002 expired token, 106001 bad sign, 36009002 + HTTP 429 rate limit) and pushes signed type-14
 * webhooks that only name the message ({@code data: conversation_id, message_id, create_time} — the real
 * fields are [unknown]), so the adapter must fetch it. Messages carry a sortable {@code index}; invisible
 * ones can be added ({@link #addInvisibleMessage}). Codes the fake uses for malformed requests (HTTP 400,
 * code 1) are its own. Conversations and messages: {@link FakeTikTokConversations}; orders:
 * {@link FakeTikTokOrders}.
 */
public final class FakeTikTokShop extends FakeTokenPlatform {

  /** One webhook delivery; status 0 = not delivered. */
  public record Push(int status, String messageId, String conversationId, String body, String authorization) {
    Push answered(int answer) {
      return new Push(answer, messageId, conversationId, body, authorization);
    }
  }

  private static final String BASE = "/customer_service/202309/conversations";
  private static final long PUSH_TIMEOUT_MS = 3_000;

  private record Shop(String shopId, String cipher, String callbackUrl) {}

  private final String appKey;
  private final String appSecret;
  private final Map<String, Shop> shops = new ConcurrentHashMap<>();
  private final FakeTikTokConversations conversations;
  private final FakeTikTokOrders orders = new FakeTikTokOrders();

  public FakeTikTokShop(Vertx vertx, String appKey, String appSecret, Clock clock) {
    super(vertx, clock, "tts");
    this.appKey = appKey;
    this.appSecret = appSecret;
    this.conversations = new FakeTikTokConversations(clock, sends);
  }

  public FakeTikTokShop addShop(String shopId, String cipher, String accessToken, String refreshToken,
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
    router.get(BASE).handler(withShop(conversations::list));
    router.get(BASE + "/:id/messages").handler(withShop(conversations::messages));
    router.post(BASE + "/:id/messages/read").handler(withShop(conversations::read));
    router.post(BASE + "/:id/messages").handler(withShop((ctx, shopId) -> {
      if (takeFailure()) {
        ctx.response().setStatusCode(503).end();
      } else {
        conversations.send(ctx, shopId);
      }
    }));
    router.post(FakeTikTokOrders.SEARCH).handler(withShop(orders::search));
    router.get("/api/v2/token/refresh").handler(this::refresh);
    return listen(port, router).map(this);
  }

  public List<String> reads() {
    return conversations.reads();
  }

  /** An order of the shop's buyer with that {@code im_user_id} (searchable by their user_id, as the chats name it). */
  public FakeTikTokShop addOrder(String shopId, String orderId, String buyerImId, String status, String total,
                                 String currency, Instant createTime, List<String> items) {
    orders.add(new FakeTikTokOrders.Order(shopId, orderId, FakeTikTokConversations.userId(buyerImId), status, total,
        currency, createTime, items));
    return this;
  }

  /** A buyer writes: stored (fetchable), then a type-14 webhook names it. */
  public Future<Push> buyerWrites(String shopId, String buyerImId, String buyerName, String text) {
    Shop shop = shops.get(shopId);
    JsonObject stored = conversations.buyerText(shopId, buyerImId, buyerName, text);
    String body = new JsonObject().put("type", 14).put("shop_id", shopId)
        .put("timestamp", clock.instant().getEpochSecond())
        .put("tts_notification_id", UUID.randomUUID().toString())
        .put("data", new JsonObject().put("conversation_id", stored.getString("conversation_id"))
            .put("message_id", stored.getString("id")).put("create_time", stored.getLong("create_time")))
        .encode();
    String auth = TikTokSigner.pushSignature(appSecret, appKey, body.getBytes(StandardCharsets.UTF_8));
    Push push = new Push(0, stored.getString("id"), stored.getString("conversation_id"), body, auth);
    return deliver(shop.callbackUrl(), Map.of("Authorization", auth), body, PUSH_TIMEOUT_MS).map(push::answered);
  }

  /** A system message the buyer never sees ({@code is_visible=false}). */
  public void addInvisibleMessage(String conversationId) {
    conversations.addInvisibleMessage(conversationId);
  }

  public Future<Push> repush(Push earlier) {
    String shopId = new JsonObject(earlier.body()).getString("shop_id");
    return post(shops.get(shopId).callbackUrl(), Map.of("Authorization", earlier.authorization()), earlier.body(),
        PUSH_TIMEOUT_MS).map(earlier::answered);
  }

  /** Runs {@code handler} with the shop id of a call signed as TikTok checks it, with the shop's access token. */
  private Handler<RoutingContext> withShop(BiConsumer<RoutingContext, String> handler) {
    return ctx -> {
      Map<String, String> query = new TreeMap<>();
      ctx.queryParams().forEach(e -> query.put(e.getKey(), e.getValue()));
      boolean post = "POST".equals(ctx.request().method().name());
      String body = post ? (ctx.body().buffer() == null ? "" : ctx.body().buffer().toString()) : null;
      String expected = TikTokSigner.apiSign(appSecret, ctx.request().path(), query, body);
      Shop shop = shops.values().stream().filter(s -> s.cipher().equals(query.get("shop_cipher"))).findFirst()
          .orElse(null);
      if (!appKey.equals(query.get("app_key")) || query.get("timestamp") == null
          || !Signatures.hexEquals(expected, query.get("sign"))) {
        countRejected();
        fail(ctx, 401, 106001, "Invalid signature");
      } else if (shop == null
          || !shop.shopId().equals(tokens.shopOf(ctx.request().getHeader("x-tts-access-token")))) {
        countRejected();
        fail(ctx, 401, 105002, "Access token is expired");
      } else {
        handler.accept(ctx, shop.shopId());
      }
    };
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
}
