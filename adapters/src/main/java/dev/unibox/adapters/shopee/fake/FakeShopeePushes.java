package dev.unibox.adapters.shopee.fake;

import dev.unibox.adapters.fake.PushClient;
import dev.unibox.adapters.fake.PushFaults;
import dev.unibox.adapters.shopee.ShopeeSigner;
import dev.unibox.adapters.shopee.fake.FakeShopeeState.Shop;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pushes {@link FakeShopee} posts to a shop's callback URL: built and signed as Shopee does, delivered
 * through the push faults; one that is dropped or not answered 2xx goes to the lost-push queue.
 */
final class FakeShopeePushes {

  private static final Logger log = LoggerFactory.getLogger(FakeShopeePushes.class);
  /** Shopee expects the push answer within 3 seconds. */
  private static final long PUSH_ANSWER_DEADLINE_MS = 3_000;
  private static final int WEBCHAT = 10;
  private static final int ORDER_STATUS = 3;

  private final String partnerKey;
  private final Clock clock;
  private final FakeShopeeLostPushes lostPushes;
  private final WebClient client;
  private final PushFaults faults;

  FakeShopeePushes(Vertx vertx, String partnerKey, Clock clock, FakeShopeeLostPushes lostPushes) {
    this.partnerKey = partnerKey;
    this.clock = clock;
    this.lostPushes = lostPushes;
    this.client = PushClient.create(vertx);
    this.faults = new PushFaults(vertx);
  }

  PushFaults faults() {
    return faults;
  }

  void close() {
    client.close();
  }

  /** The webchat push (code 10) of a stored buyer message. */
  Future<PushOutcome> buyerText(Shop shop, JsonObject message, String buyerName) {
    JsonObject content = new JsonObject()
        .put("message_id", message.getString("message_id"))
        .put("conversation_id", message.getString("conversation_id"))
        .put("from_id", message.getValue("from_id"))
        .put("from_user_name", buyerName)
        .put("to_id", message.getValue("to_id"))
        .put("to_user_name", shop.name())
        .put("message_type", message.getString("message_type"))
        .put("content", message.getJsonObject("content").copy())
        .put("created_timestamp", message.getLong("created_timestamp"))
        .put("source_content", new JsonObject())
        .put("quoted_msg", new JsonObject().put("message_id", ""));
    JsonObject data = new JsonObject().put("type", "message").put("region", "MY").put("content", content);
    return signAndDeliver(shop, WEBCHAT, clock.instant().getEpochSecond(), data,
        message.getString("message_id"), message.getString("conversation_id"));
  }

  /** The order status push (code 3); the outcome's messageId is the order_sn. */
  Future<PushOutcome> orderStatus(Shop shop, String orderSn, String status) {
    long now = clock.instant().getEpochSecond();
    JsonObject data = new JsonObject().put("ordersn", orderSn).put("status", status).put("completed_scenario", "")
        .put("update_time", now);
    return signAndDeliver(shop, ORDER_STATUS, now, data, orderSn, null);
  }

  /** Delivers the identical signed body again, without faults. */
  Future<PushOutcome> repush(Shop shop, PushOutcome earlier) {
    return deliver(shop.callbackUrl(), earlier.messageId(), earlier.conversationId(), earlier.body(),
        earlier.authorization());
  }

  private Future<PushOutcome> signAndDeliver(Shop shop, int code, long timestamp, JsonObject data,
      String messageId, String conversationId) {
    String body = new JsonObject().put("msg_id", UUID.randomUUID().toString().replace("-", ""))
        .put("code", code).put("shop_id", shop.shopId()).put("timestamp", timestamp).put("data", data).encode();
    String authorization = ShopeeSigner.pushSignature(partnerKey, shop.callbackUrl(),
        body.getBytes(StandardCharsets.UTF_8));
    PushOutcome notDelivered = new PushOutcome(0, messageId, conversationId, body, authorization);
    Runnable lost = () -> lostPushes.add(shop.shopId(), code, timestamp, data.encode());
    return faults.deliver(() -> deliver(shop.callbackUrl(), messageId, conversationId, body, authorization)
        .onSuccess(outcome -> {
          if (!outcome.accepted()) {
            lost.run();
          }
        }), notDelivered, lost);
  }

  private Future<PushOutcome> deliver(String callbackUrl, String messageId, String conversationId,
      String body, String authorization) {
    HttpRequest<Buffer> request;
    try {
      request = client.postAbs(callbackUrl);
    } catch (RuntimeException badUrl) {
      return Future.failedFuture(new IllegalStateException("Callback URL is not usable: " + callbackUrl, badUrl));
    }
    return request
        .putHeader("Content-Type", "application/json")
        .putHeader("Authorization", authorization)
        .timeout(PUSH_ANSWER_DEADLINE_MS)
        .sendBuffer(Buffer.buffer(body))
        .map(response -> new PushOutcome(response.statusCode(), messageId, conversationId, body, authorization))
        .otherwise(failure -> {
          log.debug("Push of message {} got no answer: {}", messageId, failure.getClass().getSimpleName());
          return new PushOutcome(0, messageId, conversationId, body, authorization);
        });
  }
}
