package dev.unibox.adapters.bridge.fake;

import dev.unibox.adapters.bridge.BridgeSigner;
import dev.unibox.adapters.testkit.FakePlatformServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
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
public final class FakeMerchantIntegration extends FakePlatformServer {

  /** One push; status 0 = not delivered. */
  public record Push(int status, String messageId, String conversationId, String body, String signature,
                     long timestamp) {
    Push answered(int answer) {
      return new Push(answer, messageId, conversationId, body, signature, timestamp);
    }

    Map<String, String> headers() {
      return Map.of(BridgeSigner.TIMESTAMP_HEADER, Long.toString(timestamp), BridgeSigner.SIGNATURE_HEADER, signature);
    }
  }

  private static final long PUSH_TIMEOUT_MS = 3_000;

  private final String shopId;
  private final String secret;
  private final String platformPrefix;
  private final List<JsonObject> reads = new CopyOnWriteArrayList<>();
  private final Map<String, JsonObject> byKey = new ConcurrentHashMap<>();
  private final AtomicInteger counter = new AtomicInteger();
  private volatile String webhookUrl;

  public FakeMerchantIntegration(Vertx vertx, String platform, String shopId, String secret, Clock clock) {
    super(vertx, clock);
    this.shopId = shopId;
    this.secret = secret;
    this.platformPrefix = platform;
  }

  public Future<FakeMerchantIntegration> start(int port) {
    Router router = router();
    router.post("/unibox/callback").handler(this::callback);
    return listen(port, router).map(this);
  }

  /** The callback URL to configure as the account's apiBaseUrl. */
  public String callbackUrl() {
    return baseUrl() + "/unibox/callback";
  }

  /** Our webhook for this platform, e.g. {@code http://127.0.0.1:8080/webhooks/pinduoduo}. */
  public FakeMerchantIntegration pushTo(String webhookUrl) {
    this.webhookUrl = webhookUrl;
    return this;
  }

  /** Replies delivered to the buyer (once per idempotency key). */
  public List<JsonObject> delivered() {
    return sends();
  }

  public List<JsonObject> reads() {
    return List.copyOf(reads);
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
    return deliver(webhookUrl, push.headers(), raw, PUSH_TIMEOUT_MS).map(push::answered);
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
    return deliver(webhookUrl, push.headers(), raw, PUSH_TIMEOUT_MS).map(push::answered);
  }

  public Future<Push> repush(Push earlier) {
    return post(webhookUrl, earlier.headers(), earlier.body(), PUSH_TIMEOUT_MS).map(earlier::answered);
  }

  private void callback(RoutingContext ctx) {
    byte[] raw = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    if (!BridgeSigner.verify(secret, ctx.request().getHeader(BridgeSigner.TIMESTAMP_HEADER),
        ctx.request().getHeader(BridgeSigner.SIGNATURE_HEADER), raw, clock.instant().getEpochSecond(), 300)) {
      countRejected();
      ctx.response().setStatusCode(401).end(new JsonObject().put("error", "bad_signature").encode());
      return;
    }
    if (takeRateLimit()) {
      ctx.response().setStatusCode(429).putHeader("Retry-After", Long.toString(retryAfterSeconds()))
          .end(new JsonObject().put("error", "rate_limited").encode());
      return;
    }
    if (takeFailure()) {
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
      sends.add(sent);
      return new JsonObject().put("message_id", sent.getString("message_id")).put("sent_at", clock.millis());
    });
    ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json").end(result.encode());
  }
}
