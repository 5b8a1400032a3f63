package dev.unibox.adapters.lazada.fake;

import dev.unibox.adapters.lazada.LazadaSigner;
import dev.unibox.adapters.support.Signatures;
import dev.unibox.adapters.testkit.FakeTokenPlatform;
import dev.unibox.adapters.testkit.FakeTokens;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fake Lazada Open Platform (IM API + LPM pushes) on 127.0.0.1, for tests and benchmarks. It verifies
 * every call the way Lazada does (app_key, timestamp in ms within 7200 s, sign_method sha256, UPPER-hex
 * HMAC-SHA256 over api_path + sorted k+v, access token), pages sessions and messages with Lazada's own
 * cursors ({@code start_time} + {@code last_session_id}/{@code last_message_id}, page_size ≤ 20), answers
 * Lazada's error codes ({@code IllegalAccessToken, IllegalRefreshToken, ApiCallLimit}, and
 * {@code IncompleteSignature} for a bad sign), and pushes message_type 2 signed as LPM does. Orders:
 * {@link #addOrder} and {@link FakeLazadaOrders} (order list and order items).
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

  private static final class Session {
    final String id;
    final String sellerId;
    final String buyerId;
    String title;
    final List<JsonObject> messages = new ArrayList<>();
    long lastMessageTime;
    int unread;

    Session(String id, String sellerId, String buyerId, String title) {
      this.id = id;
      this.sellerId = sellerId;
      this.buyerId = buyerId;
      this.title = title;
    }
  }

  static final int MAX_PAGE = 20;
  private static final long PUSH_TIMEOUT_MS = 2_000;

  private final String appKey;
  private final String appSecret;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Seller> sellers = new LinkedHashMap<>();
  private final Map<String, Session> sessions = new LinkedHashMap<>();
  private final List<JsonObject> reads = new CopyOnWriteArrayList<>();
  private final FakeLazadaOrders orders = new FakeLazadaOrders(this);

  public FakeLazada(Vertx vertx, String appKey, String appSecret, Clock clock) {
    super(vertx, clock, "lzd");
    this.appKey = appKey;
    this.appSecret = appSecret;
  }

  public synchronized FakeLazada addSeller(String sellerId, String accessToken, String refreshToken,
                                           String callbackUrl) {
    sellers.put(sellerId, new Seller(sellerId, callbackUrl));
    tokens.issue(sellerId, accessToken, refreshToken);
    return this;
  }

  public Future<FakeLazada> start(int port) {
    Router router = router();
    router.route().handler(rateLimit((ctx, retryAfter) -> {
      ctx.response().putHeader("Retry-After", Long.toString(retryAfter));
      error(ctx, "ApiCallLimit", "The request has exceeded the allowed limit.");
    }));
    router.get("/im/session/list").handler(ctx -> withSeller(ctx, "/im/session/list", this::sessionList));
    router.get("/im/message/list").handler(ctx -> withSeller(ctx, "/im/message/list", this::messageList));
    router.post("/im/message/send").handler(ctx -> withSeller(ctx, "/im/message/send", this::send));
    router.post("/im/session/read").handler(ctx -> withSeller(ctx, "/im/session/read", this::read));
    router.get(FakeLazadaOrders.LIST).handler(ctx -> withSeller(ctx, FakeLazadaOrders.LIST, orders::list));
    router.get(FakeLazadaOrders.ITEMS).handler(ctx -> withSeller(ctx, FakeLazadaOrders.ITEMS, orders::items));
    router.post("/auth/token/refresh").handler(this::refresh);
    return listen(port, router).map(this);
  }

  public List<JsonObject> reads() {
    return List.copyOf(reads);
  }

  /** An order of the seller's, as the order API lists it; {@code buyerId} is the buyer's id in IM sessions too. */
  public FakeLazada addOrder(String sellerId, long orderId, String buyerId, String status, String price,
                             String currency, java.time.Instant createdAt, List<String> items) {
    orders.add(new FakeLazadaOrders.Order(sellerId, orderId, buyerId, status, price, currency, createdAt, items));
    return this;
  }

  /** A buyer writes: stored in the session (pollable), then pushed as LPM message_type 2. */
  public Future<Push> buyerWrites(String sellerId, String buyerId, String buyerName, String text) {
    JsonObject stored;
    Seller seller;
    synchronized (this) {
      seller = sellers.get(sellerId);
      if (seller == null) {
        return Future.failedFuture(new IllegalArgumentException("unknown seller " + sellerId));
      }
      Session s = sessions.computeIfAbsent(sellerId + "/" + buyerId,
          k -> new Session(Long.toString(300_000_000L + sessions.size()), sellerId, buyerId, buyerName));
      s.title = buyerName;
      stored = message(s, buyerId, 1, sellerId, 2, "1", new JsonObject().put("txt", text).encode());
      s.unread++;
    }
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

  private JsonObject message(Session s, String fromId, int fromType, String toId, int toType, String template,
                             String content) {
    long now = Math.max(clock.millis(), s.lastMessageTime + 1);
    JsonObject m = new JsonObject()
        .put("message_id", randomId())
        .put("session_id", s.id)
        .put("template_id", Integer.parseInt(template))
        .put("type", 1)
        .put("content", content)
        .put("from_account_id", fromId)
        .put("from_account_type", fromType)
        .put("to_account_id", toId)
        .put("to_account_type", toType)
        .put("send_time", now)
        .put("status", 0)
        .put("auto_reply", false)
        .put("process_msg", "");
    s.messages.add(m);
    s.lastMessageTime = now;
    return m;
  }

  private String randomId() {
    String alphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    StringBuilder b = new StringBuilder("3_");
    for (int i = 0; i < 18; i++) {
      b.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  // ---- API

  interface SellerHandler {
    void handle(RoutingContext ctx, String sellerId, MultiMap params);
  }

  private MultiMap params(RoutingContext ctx) {
    MultiMap all = MultiMap.caseInsensitiveMultiMap().addAll(ctx.request().params());
    return all;
  }

  /** Verifies app_key, timestamp, sign; answers the error itself and returns false. */
  private boolean verified(RoutingContext ctx, String apiPath, MultiMap params) {
    String ts = params.get("timestamp");
    if (!appKey.equals(params.get("app_key")) || ts == null || !"sha256".equals(params.get("sign_method"))) {
      countRejected();
      error(ctx, "MissingParameter", "app_key, timestamp and sign_method=sha256 are required");
      return false;
    }
    try {
      if (Math.abs(clock.millis() - Long.parseLong(ts)) > 7_200_000L) {
        countRejected();
        error(ctx, "InvalidTimestamp", "timestamp is out of range");
        return false;
      }
    } catch (NumberFormatException e) {
      countRejected();
      error(ctx, "InvalidTimestamp", "timestamp is invalid");
      return false;
    }
    Map<String, String> flat = new LinkedHashMap<>();
    params.forEach(e -> flat.put(e.getKey(), e.getValue()));
    String expected = LazadaSigner.apiSign(appSecret, apiPath, flat, null);
    if (!Signatures.hexEquals(expected, params.get("sign")) || !expected.equals(params.get("sign"))) {
      countRejected();
      error(ctx, "IncompleteSignature", "The request signature does not conform to platform standards");
      return false;
    }
    return true;
  }

  void withSeller(RoutingContext ctx, String apiPath, SellerHandler handler) {
    MultiMap params = params(ctx);
    if (!verified(ctx, apiPath, params)) {
      return;
    }
    String sellerId = tokens.shopOf(params.get("access_token"));
    if (sellerId == null) {
      countRejected();
      error(ctx, "IllegalAccessToken", "The specified access token is invalid or expired");
      return;
    }
    handler.handle(ctx, sellerId, params);
  }

  private void refresh(RoutingContext ctx) {
    MultiMap params = params(ctx);
    if (!verified(ctx, "/auth/token/refresh", params)) {
      return;
    }
    FakeTokens.Pair t = tokens.refresh(params.get("refresh_token"));
    if (t == null) {
      error(ctx, "IllegalRefreshToken", "The specified refresh token is invalid or expired");
      return;
    }
    json(ctx, new JsonObject().put("code", "0").put("access_token", t.access()).put("refresh_token", t.refresh())
        .put("expires_in", FakeTokens.ACCESS_LIFETIME.toSeconds())
        .put("refresh_expires_in", FakeTokens.REFRESH_LIFETIME.toSeconds())
        .put("account_platform", "seller_center").put("request_id", randomId()));
  }

  private Integer pageSize(RoutingContext ctx, MultiMap params) {
    try {
      int size = Integer.parseInt(params.get("page_size"));
      if (size >= 1 && size <= MAX_PAGE) {
        return size;
      }
    } catch (NumberFormatException ignored) {
      // below
    }
    imError(ctx, "page_size must be between 1 and 20");
    return null;
  }

  /** The {@code start_time} cursor (ms); null after answering the error when it is missing. */
  private Long startTime(RoutingContext ctx, MultiMap params) {
    try {
      return Long.parseLong(params.get("start_time"));
    } catch (NumberFormatException e) {
      imError(ctx, "start_time is required");
      return null;
    }
  }

  private synchronized void sessionList(RoutingContext ctx, String sellerId, MultiMap params) {
    Integer size = pageSize(ctx, params);
    if (size == null) {
      return;
    }
    Long start = startTime(ctx, params);
    if (start == null) {
      return;
    }
    String lastId = params.get("last_session_id");
    Comparator<Session> newestFirst = Comparator.comparingLong((Session s) -> s.lastMessageTime).reversed()
        .thenComparing(s -> s.id);
    List<Session> ordered = sessions.values().stream().filter(s -> s.sellerId.equals(sellerId))
        .filter(s -> !s.messages.isEmpty()).sorted(newestFirst).toList();
    List<Session> after = new ArrayList<>();
    for (Session s : ordered) {
      boolean beforeCursor = s.lastMessageTime < start;
      boolean sameTimeAfterId = lastId != null && !lastId.isEmpty() && s.lastMessageTime == start
          && s.id.compareTo(lastId) > 0;
      if (beforeCursor || sameTimeAfterId || (lastId == null || lastId.isEmpty()) && s.lastMessageTime == start) {
        after.add(s);
      }
    }
    List<Session> page = after.stream().limit(size).toList();
    JsonArray list = new JsonArray();
    for (Session s : page) {
      JsonObject last = s.messages.get(s.messages.size() - 1);
      list.add(new JsonObject().put("session_id", s.id).put("buyer_id", s.buyerId).put("title", s.title)
          .put("head_url", "").put("summary", last.getString("content")).put("unread_count", s.unread)
          .put("last_message_id", last.getString("message_id")).put("last_message_time", s.lastMessageTime)
          .put("tags", new JsonArray()).put("site_id", "MY"));
    }
    JsonObject data = new JsonObject().put("session_list", list).put("has_more", after.size() > page.size());
    if (!page.isEmpty()) {
      Session last = page.get(page.size() - 1);
      data.put("next_start_time", last.lastMessageTime).put("last_session_id", last.id);
    }
    imOk(ctx, data);
  }

  private synchronized void messageList(RoutingContext ctx, String sellerId, MultiMap params) {
    Integer size = pageSize(ctx, params);
    if (size == null) {
      return;
    }
    Session s = sessions.values().stream().filter(x -> x.id.equals(params.get("session_id"))
        && x.sellerId.equals(sellerId)).findFirst().orElse(null);
    if (s == null) {
      imError(ctx, "session not found");
      return;
    }
    Long start = startTime(ctx, params);
    if (start == null) {
      return;
    }
    String lastId = params.get("last_message_id");
    List<JsonObject> newestFirst = new ArrayList<>(s.messages);
    java.util.Collections.reverse(newestFirst);
    List<JsonObject> after = new ArrayList<>();
    boolean passedLast = lastId == null || lastId.isEmpty();
    for (JsonObject m : newestFirst) {
      long t = m.getLong("send_time");
      if (!passedLast) {
        if (m.getString("message_id").equals(lastId)) {
          passedLast = true;
        }
        continue;
      }
      if (t <= start) {
        after.add(m);
      }
    }
    List<JsonObject> page = after.stream().limit(size).toList();
    JsonObject data = new JsonObject().put("message_list", new JsonArray(page.stream().map(JsonObject::copy).toList()))
        .put("has_more", after.size() > page.size());
    if (!page.isEmpty()) {
      JsonObject last = page.get(page.size() - 1);
      data.put("next_start_time", last.getLong("send_time")).put("last_message_id", last.getString("message_id"));
    }
    imOk(ctx, data);
  }

  private void send(RoutingContext ctx, String sellerId, MultiMap params) {
    if (takeFailure()) {
      ctx.response().setStatusCode(503).end("Service Unavailable");
      return;
    }
    JsonObject stored;
    synchronized (this) {
      Session s = sessions.values().stream().filter(x -> x.id.equals(params.get("session_id"))
          && x.sellerId.equals(sellerId)).findFirst().orElse(null);
      if (s == null) {
        imError(ctx, "session not found");
        return;
      }
      String template = params.get("template_id");
      JsonObject content = new JsonObject();
      switch (template == null ? "" : template) {
        case "1" -> content.put("txt", params.get("txt"));
        case "3" -> content.put("imgUrl", params.get("img_url"));
        case "10006" -> content.put("itemId", params.get("item_id"));
        case "10007" -> content.put("orderId", params.get("order_id"));
        default -> {
          imError(ctx, "template_id is invalid");
          return;
        }
      }
      if (content.fieldNames().stream().anyMatch(f -> content.getValue(f) == null)) {
        imError(ctx, "a required field of template " + template + " is missing");
        return;
      }
      stored = message(s, sellerId, 2, s.buyerId, 1, template, content.encode());
      s.unread = 0;
      sends.add(new JsonObject().put("seller_id", sellerId).put("session_id", s.id).put("template_id", template)
          .put("content", content).put("message_id", stored.getString("message_id")));
    }
    imOk(ctx, new JsonObject().put("message_id", stored.getString("message_id"))
        .put("send_time", stored.getLong("send_time")));
  }

  private synchronized void read(RoutingContext ctx, String sellerId, MultiMap params) {
    Session s = sessions.values().stream().filter(x -> x.id.equals(params.get("session_id"))
        && x.sellerId.equals(sellerId)).findFirst().orElse(null);
    if (s == null || params.get("last_read_message_id") == null) {
      imError(ctx, "session_id and last_read_message_id are required");
      return;
    }
    s.unread = 0;
    reads.add(new JsonObject().put("session_id", s.id).put("last_read_message_id", params.get("last_read_message_id")));
    imOk(ctx, new JsonObject());
  }

  private void imOk(RoutingContext ctx, JsonObject data) {
    json(ctx, new JsonObject().put("code", "0").put("success", true).put("err_code", "0").put("err_message", "")
        .put("data", data).put("request_id", randomId()));
  }

  private void imError(RoutingContext ctx, String message) {
    json(ctx, new JsonObject().put("code", "0").put("success", false).put("err_code", "1")
        .put("err_message", message).put("request_id", randomId()));
  }

  /** A successful non-IM answer: {@code code "0"} and the data (an object or, for some calls, a list). */
  void ok(RoutingContext ctx, Object data) {
    json(ctx, new JsonObject().put("code", "0").put("data", data).put("request_id", randomId()));
  }

  void error(RoutingContext ctx, String code, String message) {
    json(ctx, new JsonObject().put("type", "ISV").put("code", code).put("message", message)
        .put("request_id", randomId()));
  }
}
