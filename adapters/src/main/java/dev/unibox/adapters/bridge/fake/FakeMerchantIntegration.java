package dev.unibox.adapters.bridge.fake;

import dev.unibox.adapters.bridge.BridgeSigner;
import dev.unibox.adapters.fake.PushFaults;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake merchant integration for the bridge channel, behaving as docs/adapters.md asks a real one to: it
 * pushes buyer messages and order events to our webhook signed with the shared secret (and retries a push until it gets a 2xx
 * when told to), verifies our signed callbacks (signature, 300 s window), and delivers each reply once per
 * {@code Idempotency-Key} (a repeated key answers the first result again). Fault modes: push faults, callbacks
 * answering 503 or 429 + Retry-After, and calls refused as unsigned.
 */
public final class FakeMerchantIntegration {

  /** One push; status 0 = not delivered. */
  public record Push(int status, String messageId, String conversationId, String body, String signature,
                     long timestamp) {}

  private final Vertx vertx;
  private final String shopId;
  private final String secret;
  private final Clock clock;
  private final String platformPrefix;
  private final WebClient pushClient;
  private final PushFaults faults;
  private final List<JsonObject> delivered = new CopyOnWriteArrayList<>();
  private final List<JsonObject> reads = new CopyOnWriteArrayList<>();
  private final Map<String, JsonObject> byKey = new ConcurrentHashMap<>();
  private final AtomicInteger rejected = new AtomicInteger();
  private final AtomicInteger failures = new AtomicInteger();
  private final AtomicInteger throttle = new AtomicInteger();
  private final AtomicInteger counter = new AtomicInteger();
  private volatile long retryAfter;
  private volatile String webhookUrl;
  private HttpServer server;

  public FakeMerchantIntegration(Vertx vertx, String platform, String shopId, String secret, Clock clock) {
    this.vertx = vertx;
    this.shopId = shopId;
    this.secret = secret;
    this.clock = clock;
    this.platformPrefix = platform;
    this.pushClient = WebClient.create(vertx);
    this.faults = new PushFaults(vertx);
  }

  public Future<FakeMerchantIntegration> start(int port) {
    Router router = Router.router(vertx);
    router.post("/unibox/callback").handler(BodyHandler.create(false).setBodyLimit(1024 * 1024)).handler(this::callback);
    return vertx.createHttpServer().requestHandler(router).listen(port, "127.0.0.1").map(s -> {
      server = s;
      return this;
    });
  }

  public Future<Void> stop() {
    pushClient.close();
    return server == null ? Future.succeededFuture() : server.close();
  }

  /** The callback URL to configure as the account's apiBaseUrl. */
  public String callbackUrl() {
    return "http://127.0.0.1:" + server.actualPort() + "/unibox/callback";
  }

  /** Our webhook for this platform, e.g. {@code http://127.0.0.1:8080/webhooks/pinduoduo}. */
  public FakeMerchantIntegration pushTo(String webhookUrl) {
    this.webhookUrl = webhookUrl;
    return this;
  }

  public PushFaults pushFaults() {
    return faults;
  }

  /** Replies delivered to the buyer (once per idempotency key). */
  public List<JsonObject> delivered() {
    return List.copyOf(delivered);
  }

  public List<JsonObject> reads() {
    return List.copyOf(reads);
  }

  public int rejectedCalls() {
    return rejected.get();
  }

  public void failNextCallbacks(int n) {
    failures.addAndGet(n);
  }

  public void rateLimitNextCallbacks(int n, long retryAfterSeconds) {
    retryAfter = retryAfterSeconds;
    throttle.addAndGet(n);
  }

  /** A buyer writes on the closed platform; the integration pushes it to us. */
  public Future<Push> buyerWrites(String buyerId, String buyerName, String conversationId, String text) {
    String messageId = platformPrefix + "-msg-" + counter.incrementAndGet() + "-" + UUID.randomUUID();
    JsonObject body = new JsonObject().put("shop_id", shopId).put("push_id", UUID.randomUUID().toString())
        .put("messages", new JsonArray().add(new JsonObject().put("message_id", messageId)
            .put("conversation_id", conversationId).put("buyer_id", buyerId).put("buyer_name", buyerName)
            .put("from_buyer", true).put("type", "text").put("text", text).put("sent_at", clock.millis())));
    String raw = body.encode();
    long ts = clock.instant().getEpochSecond();
    Push push = new Push(0, messageId, conversationId, raw,
        BridgeSigner.sign(secret, ts, raw.getBytes(StandardCharsets.UTF_8)), ts);
    return faults.deliver(() -> post(push), push, () -> { });
  }

  /**
   * An order of the buyer changed status on the closed platform; the integration pushes the order event to us.
   * The push's messageId is the order id.
   */
  public Future<Push> orderChanged(String buyerId, String orderId, String status, java.time.Instant createdAt) {
    JsonObject body = new JsonObject().put("shop_id", shopId).put("push_id", UUID.randomUUID().toString())
        .put("orders", new JsonArray().add(new JsonObject().put("order_id", orderId).put("buyer_id", buyerId)
            .put("status", status).put("created_at", createdAt.toEpochMilli()).put("updated_at", clock.millis())));
    String raw = body.encode();
    long ts = clock.instant().getEpochSecond();
    Push push = new Push(0, orderId, null, raw, BridgeSigner.sign(secret, ts, raw.getBytes(StandardCharsets.UTF_8)), ts);
    return faults.deliver(() -> post(push), push, () -> { });
  }

  public Future<Push> repush(Push earlier) {
    return post(earlier);
  }

  private Future<Push> post(Push push) {
    return pushClient.postAbs(webhookUrl).putHeader("Content-Type", "application/json")
        .putHeader(BridgeSigner.TIMESTAMP_HEADER, Long.toString(push.timestamp()))
        .putHeader(BridgeSigner.SIGNATURE_HEADER, push.signature())
        .timeout(3_000).sendBuffer(Buffer.buffer(push.body()))
        .map(r -> new Push(r.statusCode(), push.messageId(), push.conversationId(), push.body(), push.signature(),
            push.timestamp()))
        .otherwise(push);
  }

  private void callback(RoutingContext ctx) {
    byte[] raw = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    if (!BridgeSigner.verify(secret, ctx.request().getHeader(BridgeSigner.TIMESTAMP_HEADER),
        ctx.request().getHeader(BridgeSigner.SIGNATURE_HEADER), raw, clock.instant().getEpochSecond(), 300)) {
      rejected.incrementAndGet();
      ctx.response().setStatusCode(401).end(new JsonObject().put("error", "bad_signature").encode());
      return;
    }
    if (throttle.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
      ctx.response().setStatusCode(429).putHeader("Retry-After", Long.toString(retryAfter))
          .end(new JsonObject().put("error", "rate_limited").encode());
      return;
    }
    if (failures.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
      ctx.response().setStatusCode(503).end(new JsonObject().put("error", "unavailable").encode());
      return;
    }
    JsonObject body = new JsonObject(Buffer.buffer(raw));
    if ("read".equals(body.getString("event"))) {
      reads.add(body);
      ctx.response().setStatusCode(200).end("{}");
      return;
    }
    String key = ctx.request().getHeader(BridgeSigner.IDEMPOTENCY_HEADER);
    JsonObject result = byKey.computeIfAbsent(key == null ? UUID.randomUUID().toString() : key, k -> {
      JsonObject sent = body.copy().put("message_id", platformPrefix + "-out-" + counter.incrementAndGet());
      delivered.add(sent);
      return new JsonObject().put("message_id", sent.getString("message_id")).put("sent_at", clock.millis());
    });
    ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json").end(result.encode());
  }
}
