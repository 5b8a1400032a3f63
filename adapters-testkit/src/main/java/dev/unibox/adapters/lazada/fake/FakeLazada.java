package dev.unibox.adapters.lazada.fake;

import dev.unibox.adapters.lazada.LazadaSigner;
import dev.unibox.adapters.testkit.FakeTokenPlatform;
import dev.unibox.adapters.testkit.FakeTokens;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fake Lazada Open Platform (IM API + LPM pushes) on 127.0.0.1, for tests and benchmarks. It verifies
 * every call the way Lazada does (app_key, timestamp in ms within 7200 s, sign_method sha256, UPPER-hex
 * HMAC-SHA256 over api_path + sorted k+v, access token), pages sessions and messages with Lazada's own
 * cursors ({@code start_time} + {@code last_session_id}/{@code last_message_id}, page_size ≤ 20), answers
 * Lazada's error codes ({@code IllegalAccessToken, IllegalRefreshToken, ApiCallLimit}, and
 * {@code IncompleteSignature} for a bad sign), and pushes message_type 2 signed as LPM does. Orders:
 * {@link #addOrder} and {@link FakeLazadaOrders} (order list and order items). Checks and answers:
 * {@link FakeLazadaCalls}; sessions and messages: {@link FakeLazadaSessions}.
 *
 * <p>Fault modes: {@link #pushFaults()}, {@link #expireAccessToken}, {@link #expireRefreshToken},
 * {@link #rateLimitNextCalls} (ApiCallLimit; this fake also sends a Retry-After header, which Lazada's use of
 * is [unknown]), {@link #failNextSends} (HTTP 503). Message ids are alphanumeric and not sortable, as Lazada's.
 */
public final class FakeLazada extends FakeTokenPlatform {

  /** One push delivery; status 0 = not delivered (dropped, held, no answer). */
  public record Push(int status, String messageId, String sessionId, String body, String authorization) {
    Push answered(int answer) {
      return new Push(answer, messageId, sessionId, body, authorization);
    }
  }

  private record Seller(String sellerId, String callbackUrl) {}

  private static final long PUSH_TIMEOUT_MS = 2_000;

  private final String appKey;
  private final String appSecret;
  private final Map<String, Seller> sellers = new ConcurrentHashMap<>();
  private final FakeLazadaCalls calls;
  private final FakeLazadaSessions sessions;
  private final FakeLazadaOrders orders;

  public FakeLazada(Vertx vertx, String appKey, String appSecret, Clock clock) {
    super(vertx, clock, "lzd");
    this.appKey = appKey;
    this.appSecret = appSecret;
    this.calls = new FakeLazadaCalls(appKey, appSecret, clock, tokens, this::countRejected);
    this.sessions = new FakeLazadaSessions(clock, calls, sends);
    this.orders = new FakeLazadaOrders(calls);
  }

  public FakeLazada addSeller(String sellerId, String accessToken, String refreshToken, String callbackUrl) {
    sellers.put(sellerId, new Seller(sellerId, callbackUrl));
    tokens.issue(sellerId, accessToken, refreshToken);
    return this;
  }

  public Future<FakeLazada> start(int port) {
    Router router = router();
    router.route().handler(rateLimit((ctx, retryAfter) -> {
      ctx.response().putHeader("Retry-After", Long.toString(retryAfter));
      calls.error(ctx, "ApiCallLimit", "The request has exceeded the allowed limit.");
    }));
    route(router.get("/im/session/list"), "/im/session/list", sessions::sessionList);
    route(router.get("/im/message/list"), "/im/message/list", sessions::messageList);
    route(router.post("/im/message/send"), "/im/message/send", (ctx, sellerId, params) -> {
      if (takeFailure()) {
        ctx.response().setStatusCode(503).end("Service Unavailable");
      } else {
        sessions.send(ctx, sellerId, params);
      }
    });
    route(router.post("/im/session/read"), "/im/session/read", sessions::read);
    route(router.get(FakeLazadaOrders.LIST), FakeLazadaOrders.LIST, orders::list);
    route(router.get(FakeLazadaOrders.ITEMS), FakeLazadaOrders.ITEMS, orders::items);
    router.post("/auth/token/refresh").handler(this::refresh);
    return listen(port, router).map(this);
  }

  private void route(Route route, String apiPath, FakeLazadaCalls.SellerHandler handler) {
    route.handler(ctx -> calls.withSeller(ctx, apiPath, handler));
  }

  public List<JsonObject> reads() {
    return sessions.reads();
  }

  /** An order of the seller's, as the order API lists it; {@code buyerId} is the buyer's id in IM sessions too. */
  public FakeLazada addOrder(String sellerId, long orderId, String buyerId, String status, String price,
                             String currency, Instant createdAt, List<String> items) {
    orders.add(new FakeLazadaOrders.Order(sellerId, orderId, buyerId, status, price, currency, createdAt, items));
    return this;
  }

  /** A buyer writes: stored in the session (pollable), then pushed as LPM message_type 2. */
  public Future<Push> buyerWrites(String sellerId, String buyerId, String buyerName, String text) {
    Seller seller = sellers.get(sellerId);
    if (seller == null) {
      return Future.failedFuture(new IllegalArgumentException("unknown seller " + sellerId));
    }
    JsonObject stored = sessions.buyerText(sellerId, buyerId, buyerName, text);
    JsonObject data = stored.copy().put("to_account_id", sellerId).put("to_account_type", 2)
        .put("site_id", "MY").put("process_msg", "").put("auto_reply", false);
    String body = new JsonObject().put("seller_id", sellerId).put("message_type", 2).put("timestamp", clock.millis())
        .put("site", "lazada_my").put("data", data).encode();
    return pushSigned(seller.callbackUrl(), stored.getString("message_id"), stored.getString("session_id"), body);
  }

  /** A message_type 19 session update (no chat line). */
  public Future<Push> pushSessionUpdate(String sellerId, String sessionId) {
    String body = new JsonObject().put("seller_id", sellerId).put("message_type", 19).put("timestamp", clock.millis())
        .put("data", new JsonObject().put("sync_type", "SESSION_UPDATE").put("session_id", sessionId)
            .put("unread_count", 0)).encode();
    return pushSigned(sellers.get(sellerId).callbackUrl(), null, sessionId, body);
  }

  public Future<Push> repush(Push earlier) {
    String seller = new JsonObject(earlier.body()).getString("seller_id");
    return post(sellers.get(seller).callbackUrl(), Map.of("Authorization", earlier.authorization()), earlier.body(),
        PUSH_TIMEOUT_MS).map(earlier::answered);
  }

  private Future<Push> pushSigned(String callbackUrl, String messageId, String sessionId, String body) {
    String auth = LazadaSigner.pushSignature(appSecret, appKey, body.getBytes(StandardCharsets.UTF_8));
    Push push = new Push(0, messageId, sessionId, body, auth);
    // Lazada retries failed pushes every 30 min up to 12 times [verified]; here a failed push is just lost
    // (the backstop's job), unless the test re-pushes it.
    return deliver(callbackUrl, Map.of("Authorization", auth), body, PUSH_TIMEOUT_MS).map(push::answered);
  }

  private void refresh(RoutingContext ctx) {
    MultiMap params = FakeLazadaCalls.params(ctx);
    if (!calls.verified(ctx, "/auth/token/refresh", params)) {
      return;
    }
    FakeTokens.Pair t = tokens.refresh(params.get("refresh_token"));
    if (t == null) {
      calls.error(ctx, "IllegalRefreshToken", "The specified refresh token is invalid or expired");
      return;
    }
    json(ctx, new JsonObject().put("code", "0").put("access_token", t.access()).put("refresh_token", t.refresh())
        .put("expires_in", FakeTokens.ACCESS_LIFETIME.toSeconds())
        .put("refresh_expires_in", FakeTokens.REFRESH_LIFETIME.toSeconds())
        .put("account_platform", "seller_center").put("request_id", calls.randomId()));
  }
}
