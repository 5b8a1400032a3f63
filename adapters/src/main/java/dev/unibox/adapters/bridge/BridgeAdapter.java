package dev.unibox.adapters.bridge;

import dev.unibox.adapters.spi.AccountConfig;
import dev.unibox.adapters.spi.AccountEvents;
import dev.unibox.adapters.spi.AdapterContext;
import dev.unibox.adapters.spi.AdapterException;
import dev.unibox.adapters.spi.Capabilities;
import dev.unibox.adapters.spi.ErrorKind;
import dev.unibox.adapters.spi.InboundMessage;
import dev.unibox.adapters.spi.OrderEvent;
import dev.unibox.adapters.spi.OutboundMessage;
import dev.unibox.adapters.spi.PlatformAdapter;
import dev.unibox.adapters.spi.PushBatch;
import dev.unibox.adapters.spi.PushRequest;
import dev.unibox.adapters.spi.SendResult;
import dev.unibox.adapters.support.HttpSupport;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A bridge-channel account: a merchant's approved integration pushes buyer messages and order events in and receives our
 * replies by signed callback (protocol in docs/adapters.md). {@code apiBaseUrl} is the integration's callback
 * URL; {@code credentials.appSecret} is the per-account shared secret (both directions); {@code shopId} is the
 * shop id the integration puts in {@code shop_id}.
 *
 * <p>Options: {@code maxTextLength} (default 1000: each platform's limit is [unknown]), {@code sendTypes}
 * (default {@code text}; any of text,image,item,order that the integration can deliver), {@code markRead}
 * (default true), {@code signatureWindowSeconds} (default 300), {@code requestTimeoutMs} (default 10000).
 */
public final class BridgeAdapter implements PlatformAdapter {

  static final int MAX_BATCH = 100;

  private final AccountConfig account;
  private final Clock clock;
  private final AccountEvents events;
  private final WebClient client;
  private final Capabilities capabilities;
  private final long windowSeconds;
  private final long timeoutMs;

  public BridgeAdapter(Vertx vertx, AccountConfig account, AdapterContext context) {
    List<String> problems = new ArrayList<>();
    if (!HttpSupport.isHttpUrl(account.apiBaseUrl())) {
      problems.add("apiBaseUrl must be the integration's http(s) callback URL");
    }
    if (account.credentials() == null || account.credentials().appSecret() == null
        || account.credentials().appSecret().length() < 16) {
      problems.add("credentials.appSecret (the shared secret) must be at least 16 characters");
    }
    if (account.shopId() == null || account.shopId().isBlank()) {
      problems.add("shopId is required");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("Bridge account " + account.accountId() + ": " + String.join("; ", problems));
    }
    this.account = account;
    this.clock = context.clock();
    this.events = context.events();
    Set<String> types = Arrays.stream(HttpSupport.option(account, "sendTypes", "text").split(","))
        .map(String::trim).collect(Collectors.toSet());
    boolean markRead = Boolean.parseBoolean(HttpSupport.option(account, "markRead", "true"));
    this.capabilities = new Capabilities(true, types.contains("image"), types.contains("item"),
        types.contains("order"), markRead, (int) HttpSupport.positiveLong(account, "maxTextLength", 1000),
        false, false, false);
    this.windowSeconds = HttpSupport.positiveLong(account, "signatureWindowSeconds", 300);
    this.timeoutMs = HttpSupport.positiveLong(account, "requestTimeoutMs", 10_000);
    this.client = WebClient.create(vertx, new WebClientOptions().setUserAgent("unibox-bridge"));
  }

  @Override
  public AccountConfig account() {
    return account;
  }

  @Override
  public Capabilities capabilities() {
    return capabilities;
  }

  @Override
  public String pushAckBody() {
    return "{\"ok\":true}";
  }

  @Override
  public PushBatch parsePush(PushRequest push) {
    byte[] body = push.body() == null ? new byte[0] : push.body().getBytes();
    String signature = push.headers() == null ? null : push.headers().get(BridgeSigner.SIGNATURE_HEADER);
    String timestamp = push.headers() == null ? null : push.headers().get(BridgeSigner.TIMESTAMP_HEADER);
    if (!BridgeSigner.verify(account.credentials().appSecret(), timestamp, signature, body,
        clock.instant().getEpochSecond(), windowSeconds)) {
      throw new AdapterException(ErrorKind.BAD_SIGNATURE, null, "Bridge push signature missing, wrong or outside the "
          + windowSeconds + " s window for account " + account.accountId());
    }
    JsonObject p = BridgeAdapterFactory.parse(push);
    if (!account.shopId().equals(String.valueOf(p.getValue("shop_id")))) {
      throw malformed("push is for another shop");
    }
    JsonArray list = list(p, "messages");
    JsonArray orderList = list(p, "orders");
    if (list.size() + orderList.size() == 0 || list.size() > MAX_BATCH || orderList.size() > MAX_BATCH) {
      throw malformed("messages and orders must be lists of at most " + MAX_BATCH + " each, not both empty");
    }
    List<InboundMessage> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (!(list.getValue(i) instanceof JsonObject m)) {
        throw malformed("messages[" + i + "] is not an object");
      }
      out.add(map(m, i));
    }
    List<OrderEvent> orders = new ArrayList<>();
    for (int i = 0; i < orderList.size(); i++) {
      if (!(orderList.getValue(i) instanceof JsonObject o)) {
        throw malformed("orders[" + i + "] is not an object");
      }
      String where = "orders[" + i + "].";
      orders.add(new OrderEvent(account.accountId(), text(o, "order_id", where), text(o, "buyer_id", where),
          text(o, "status", where), instant(o, "created_at", where), instant(o, "updated_at", where)));
    }
    return new PushBatch(p.getString("push_id"), out, orders);
  }

  private static JsonArray list(JsonObject p, String field) {
    Object v = p.getValue(field);
    if (v == null) {
      return new JsonArray();
    }
    if (v instanceof JsonArray a) {
      return a;
    }
    throw malformed(field + " must be a list");
  }

  private static Instant instant(JsonObject m, String field, String where) {
    Object at = m.getValue(field);
    try {
      Instant t = at instanceof Number n ? Instant.ofEpochMilli(n.longValue())
          : at instanceof String s ? Instant.parse(s) : null;
      if (t != null) {
        return t;
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    throw malformed(where + field + " must be epoch milliseconds or an ISO-8601 instant");
  }

  private InboundMessage map(JsonObject m, int i) {
    String where = "messages[" + i + "].";
    String id = text(m, "message_id", where);
    String conversation = text(m, "conversation_id", where);
    String buyer = text(m, "buyer_id", where);
    boolean fromBuyer = m.getValue("from_buyer") instanceof Boolean b ? b : true;
    String type = m.getString("type", "text");
    if (!Set.of("text", "image", "item", "order", "sticker", "other").contains(type)) {
      throw malformed(where + "type must be text, image, item, order, sticker or other");
    }
    String body = m.getValue("text") instanceof String s ? s : null;
    if (body == null) {
      throw malformed(where + "text is required (for non-text types: a description or URL)");
    }
    Instant sentAt = instant(m, "sent_at", where);
    return new InboundMessage(account.accountId(), id, conversation, buyer, m.getString("buyer_name"), fromBuyer,
        type, body, sentAt);
  }

  private static String text(JsonObject m, String field, String where) {
    Object v = m.getValue(field);
    if (v == null || v.toString().isBlank() || v.toString().length() > 200) {
      throw malformed(where + field + " is required (at most 200 characters)");
    }
    return v.toString();
  }

  private static AdapterException malformed(String message) {
    return new AdapterException(ErrorKind.MALFORMED, null, "Bridge push: " + message);
  }

  @Override
  public Future<SendResult> send(OutboundMessage message) {
    String type = message.typeOrText();
    if (!capabilities.supports(type)) {
      return Future.failedFuture(new AdapterException(ErrorKind.PERMANENT, null,
          "Message type '" + type + "' is not enabled for this bridge account (option sendTypes)"));
    }
    if ("text".equals(type)) {
      AdapterException problem = HttpSupport.textProblem("this bridge account", message.text(),
          capabilities.maxTextLength());
      if (problem != null) {
        return Future.failedFuture(problem);
      }
    } else if (message.imageBytes() != null || message.text() == null || message.text().isBlank()) {
      return Future.failedFuture(new AdapterException(ErrorKind.PERMANENT, null,
          "Bridge " + type + " messages carry a URL or id in the text; uploads are not supported"));
    }
    JsonObject body = new JsonObject().put("event", "message").put("idempotency_key", message.idempotencyKey())
        .put("shop_id", account.shopId()).put("conversation_id", message.platformConversationId())
        .put("buyer_id", message.buyerId()).put("type", type).put("text", message.text());
    return callback(body, message.idempotencyKey()).compose(r -> {
      Object id = r.getValue("message_id");
      if (id == null) {
        return Future.failedFuture(new AdapterException(ErrorKind.MALFORMED, null,
            "The integration accepted the reply but returned no message_id"));
      }
      Instant at = r.getValue("sent_at") instanceof Number n ? Instant.ofEpochMilli(n.longValue()) : clock.instant();
      return Future.succeededFuture(new SendResult(id.toString(), at));
    });
  }

  @Override
  public Future<Void> markRead(String platformConversationId, String lastReadMessageId) {
    if (!capabilities.markRead()) {
      return Future.succeededFuture();
    }
    JsonObject body = new JsonObject().put("event", "read").put("shop_id", account.shopId())
        .put("conversation_id", platformConversationId).put("last_read_message_id", lastReadMessageId);
    return callback(body, "read-" + platformConversationId + "-" + lastReadMessageId).mapEmpty();
  }

  private Future<JsonObject> callback(JsonObject body, String idempotencyKey) {
    Buffer raw = body.toBuffer();
    long ts = clock.instant().getEpochSecond();
    return client.postAbs(account.apiBaseUrl())
        .putHeader("Content-Type", "application/json")
        .putHeader(BridgeSigner.TIMESTAMP_HEADER, Long.toString(ts))
        .putHeader(BridgeSigner.SIGNATURE_HEADER, BridgeSigner.sign(account.credentials().appSecret(), ts, raw.getBytes()))
        .putHeader(BridgeSigner.IDEMPOTENCY_HEADER, idempotencyKey)
        .connectTimeout(timeoutMs).timeout(timeoutMs)
        .sendBuffer(raw)
        .transform(ar -> ar.succeeded() ? answer(ar.result())
            : Future.failedFuture(counted(HttpSupport.transportFailure("the integration", "callback", ar.cause(),
                timeoutMs))));
  }

  private Future<JsonObject> answer(HttpResponse<Buffer> r) {
    int status = r.statusCode();
    JsonObject json = HttpSupport.json(r.body());
    if (status / 100 == 2) {
      return Future.succeededFuture(json == null ? new JsonObject() : json);
    }
    ErrorKind kind = switch (status) {
      case 401 -> ErrorKind.BAD_SIGNATURE;
      case 403 -> ErrorKind.NOT_AUTHORIZED;
      case 408, 425 -> ErrorKind.TRANSIENT;
      case 429 -> ErrorKind.RATE_LIMITED;
      default -> status >= 500 ? ErrorKind.TRANSIENT : ErrorKind.PERMANENT;
    };
    String code = json != null && json.getString("error") != null ? json.getString("error") : "http_" + status;
    return Future.failedFuture(counted(new AdapterException(kind, code, "Integration answered HTTP " + status
        + " (" + code + ")", HttpSupport.retryAfter(r.getHeader("Retry-After"), clock))));
  }

  private AdapterException counted(AdapterException e) {
    events.callFailed(account.accountId(), e.kind(), e.platformCode());
    if (e.kind() == ErrorKind.RATE_LIMITED) {
      events.rateLimited(account.accountId(), e.retryAfter());
    }
    return e;
  }

  @Override
  public Future<Void> stop() {
    client.close();
    return Future.succeededFuture();
  }
}
