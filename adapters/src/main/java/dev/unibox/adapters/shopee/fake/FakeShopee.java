package dev.unibox.adapters.shopee.fake;

import dev.unibox.adapters.fake.PushFaults;
import dev.unibox.adapters.shopee.ShopeeIds;
import dev.unibox.adapters.shopee.fake.FakeShopeeState.Shop;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * A fake Shopee Open Platform v2 on 127.0.0.1, for tests and the demo mode. It keeps shops,
 * conversations and messages in memory, signs the webchat pushes (code 10) it posts to each shop's
 * callback URL (and order status pushes, code 3), and verifies our API calls the way Shopee does (sign, 300 s timestamp window, shop
 * and access token). Served: {@code send_message}, {@code send_autoreply_message}, {@code get_message}, {@code get_conversation_list},
 * {@code read_conversation}, {@code upload_image}, {@code auth/access_token/get} (single-use refresh tokens,
 * 4 h access tokens), {@code push/get_lost_push_message} and {@code push/confirm_consumed_lost_push_message}.
 * Pushes carry region {@code MY}. Faults on demand: {@link #pushFaults()} (drop, duplicate, delay, hold and
 * reorder), {@link #expireAccessToken}, {@link #expireRefreshToken}, {@link #rateLimitNextCalls},
 * {@link #failNextSends}, {@link #stallNextSends}. A push that is dropped or not answered 2xx goes to the
 * lost-push queue, as on Shopee.
 */
public final class FakeShopee {

  private final Vertx vertx;
  private final long partnerId;
  private final FakeShopeeState state;
  private final FakeShopeeApi api;
  private final FakeShopeePushes pushes;
  private volatile HttpServer server;

  public FakeShopee(Vertx vertx, long partnerId, String partnerKey) {
    this(vertx, partnerId, partnerKey, Clock.systemUTC());
  }

  /** With the clock used for timestamps and for the 300 s window of incoming calls. */
  public FakeShopee(Vertx vertx, long partnerId, String partnerKey, Clock clock) {
    this.vertx = vertx;
    this.partnerId = partnerId;
    this.state = new FakeShopeeState(clock);
    this.api = new FakeShopeeApi(partnerId, partnerKey, clock, state);
    this.pushes = new FakeShopeePushes(vertx, partnerKey, clock, state.lostPushes);
  }

  /** @param callbackUrl where pushes for this shop go (our webhook); also the string the push signature covers */
  public FakeShopee addShop(long shopId, String shopName, String accessToken, String callbackUrl) {
    return addShop(shopId, shopName, accessToken, "refresh-" + accessToken, callbackUrl);
  }

  /** A shop with its token pair; the access token lives 4 hours, the refresh token 30 days and works once. */
  public FakeShopee addShop(long shopId, String shopName, String accessToken, String refreshToken,
      String callbackUrl) {
    state.addShop(shopId, shopName, accessToken, refreshToken, callbackUrl);
    return this;
  }

  /** An order of a shop, for the order API (get_order_list, get_order_detail). */
  public void addOrder(long shopId, String orderSn, long buyerUserId, String status, String total, String currency,
                       Instant createTime, List<String> items) {
    api.orders.add(new FakeShopeeOrders.Order(shopId, orderSn, buyerUserId, "buyer" + buyerUserId, status, total,
        currency, createTime, items));
  }

  /** Push faults (drop, duplicate, delay, hold and reorder). Dropped pushes go to the lost-push queue. */
  public PushFaults pushFaults() {
    return pushes.faults();
  }

  /** The shop's access token expires now: calls answer invalid_acceess_token until refreshed. */
  public void expireAccessToken(long shopId) {
    state.tokens.expireAccessToken(shopId);
  }

  /** The shop's refresh token expires now: refresh answers refresh_token_expired. */
  public void expireRefreshToken(long shopId) {
    state.tokens.expireRefreshToken(shopId);
  }

  public String accessToken(long shopId) {
    return state.tokens.accessToken(shopId);
  }

  public String refreshToken(long shopId) {
    return state.tokens.refreshToken(shopId);
  }

  /** Successful access_token/get calls so far (all shops). */
  public int refreshes() {
    return state.tokens.refreshes();
  }

  /**
   * The next {@code n} API calls (any endpoint, before verification) answer HTTP 429 {@code error_rate_limit}
   * with {@code Retry-After: retryAfterSeconds}.
   */
  public void rateLimitNextCalls(int n, long retryAfterSeconds) {
    api.throttleNextCalls(n, retryAfterSeconds);
  }

  public int rateLimitedCalls() {
    return api.throttledCalls();
  }

  /** Pushes not yet confirmed as consumed through confirm_consumed_lost_push_message. */
  public int unconsumedLostPushes() {
    return state.lostPushes.unconsumed();
  }

  /** Every accepted read_conversation call: shop_id, conversation_id, last_read_message_id. */
  public List<JsonObject> reads() {
    return state.reads();
  }

  /** URLs handed out by upload_image, in order. */
  public List<String> uploads() {
    return api.uploads();
  }

  /** Listens on 127.0.0.1 only; port 0 picks a free port. */
  public Future<FakeShopee> start(int port) {
    if (server != null) {
      return Future.failedFuture(new IllegalStateException("FakeShopee is already started"));
    }
    return vertx.createHttpServer()
        .requestHandler(api.router(vertx))
        .listen(port, "127.0.0.1")
        .map(s -> {
          server = s;
          return this;
        });
  }

  public Future<Void> stop() {
    pushes.close();
    HttpServer s = server;
    server = null;
    return s == null ? Future.succeededFuture() : s.close();
  }

  /** {@code http://127.0.0.1:<port>}, the apiBaseUrl to configure for shops of this fake. */
  public String baseUrl() {
    HttpServer s = server;
    if (s == null) {
      throw new IllegalStateException("FakeShopee is not started");
    }
    return "http://127.0.0.1:" + s.actualPort();
  }

  public long partnerId() {
    return partnerId;
  }

  /**
   * A buyer writes to a shop: the message is stored (so get_message sees it even if the push fails)
   * and pushed, signed, to the shop's callback URL. Each call makes a new message id; the conversation
   * id is stable per (shop, buyer). {@code buyerId} must be a decimal Shopee user id.
   */
  public Future<PushOutcome> pushBuyerText(long shopId, String buyerId, String buyerName, String text) {
    Shop shop = state.shop(shopId);
    if (shop == null) {
      return Future.failedFuture(new IllegalArgumentException("Unknown shop " + shopId + "; call addShop first"));
    }
    if (!ShopeeIds.isValid(buyerId)) {
      return Future.failedFuture(new IllegalArgumentException(
          "buyerId must be a Shopee user id (unsigned 64-bit decimal), got '" + buyerId + "'"));
    }
    JsonObject stored = state.addBuyerText(shopId, buyerId, buyerName, text);
    return pushes.buyerText(shop, stored, buyerName);
  }

  /**
   * An order of the shop (see {@link #addOrder}) moves to {@code status}: the order API shows it, and the order
   * status push (code 3, {@code data{ordersn, status, completed_scenario, update_time}}) is posted, signed, to
   * the shop's callback URL, with the same faults and lost-push queue as chat pushes. The outcome's messageId
   * is the order_sn.
   */
  public Future<PushOutcome> pushOrderStatus(long shopId, String orderSn, String status) {
    Shop shop = state.shop(shopId);
    if (shop == null || api.orders.changeStatus(shopId, orderSn, status) == null) {
      return Future.failedFuture(new IllegalArgumentException("No order " + orderSn + " of shop " + shopId
          + "; call addOrder first"));
    }
    return pushes.orderStatus(shop, orderSn, status);
  }

  /** Delivers the identical signed body again, as Shopee does when it retries a push. */
  public Future<PushOutcome> repush(PushOutcome earlier) {
    Shop shop;
    try {
      shop = state.shop(new JsonObject(earlier.body()).getLong("shop_id"));
    } catch (RuntimeException e) {
      return Future.failedFuture(new IllegalArgumentException("Not a push of this fake", e));
    }
    if (shop == null) {
      return Future.failedFuture(new IllegalArgumentException("Not a push of this fake"));
    }
    return pushes.repush(shop, earlier);
  }

  /**
   * Every verified send_message (and send_autoreply_message) call, in arrival order: {@code shop_id}
   * (number), {@code to_id} (the number as sent, Long or BigInteger), {@code message_type}, {@code content},
   * {@code message_id} (string), {@code auto_reply} (true for send_autoreply_message).
   */
  public List<JsonObject> acceptedSends() {
    return api.acceptedSends();
  }

  /** Calls refused for a missing or wrong partner id, timestamp, sign, shop or access token. */
  public int rejectedCalls() {
    return api.rejectedCalls();
  }

  /**
   * The next {@code n} verified send_message calls answer this Shopee error and record nothing.
   * HTTP status: 500 for {@code system_busy}, 429 for {@code error_rate_limit}/{@code error_limit},
   * 400 for {@code error_param}, 403 otherwise.
   */
  public void failNextSends(int n, String shopeeError) {
    api.failNextSends(n, shopeeError);
  }

  /**
   * The next {@code n} verified send_message calls are processed and recorded but never answered,
   * like a response lost on the way back: the caller times out without knowing whether it was sent.
   */
  public void stallNextSends(int n) {
    api.stallNextSends(n);
  }
}
