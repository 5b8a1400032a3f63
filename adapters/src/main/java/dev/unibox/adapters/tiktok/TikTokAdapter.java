package dev.unibox.adapters.tiktok;

import dev.unibox.adapters.spi.AccountConfig;
import dev.unibox.adapters.spi.AdapterContext;
import dev.unibox.adapters.spi.AdapterException;
import dev.unibox.adapters.spi.Capabilities;
import dev.unibox.adapters.spi.ErrorKind;
import dev.unibox.adapters.spi.OutboundMessage;
import dev.unibox.adapters.spi.PollResult;
import dev.unibox.adapters.spi.PushBatch;
import dev.unibox.adapters.spi.PushRequest;
import dev.unibox.adapters.spi.SendResult;
import dev.unibox.adapters.support.ApiAccountAdapter;
import dev.unibox.adapters.support.HttpSupport;
import dev.unibox.adapters.support.PushBodies;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * One TikTok Shop on the Partner API, customer service version 202309. {@code shopId} is the shop_id webhooks
 * carry; option {@code shopCipher} (required) is the shop_cipher every call carries.
 *
 * <p>Webhooks: type 14 (new message) names a message; its fields are [unknown], so the adapter fetches the
 * message through the API: it reads {@code data.<webhookConversationIdField>} (default {@code conversation_id})
 * and {@code data.<webhookMessageIdField>} (default {@code message_id}) and looks the message up among the
 * conversation's newest messages; without a conversation id it reads the first page of conversations. Type 13
 * (new conversation) carries no chat line. Ack: 2xx with an empty body (TikTok's rules are [unknown]).
 *
 * <p>Other options: {@code maxTextLength} (2000 [verified]), {@code requestTimeoutMs} (10000), {@code authBaseUrl}
 * (live: https://auth.tiktok-shops.com), {@code accessTokenExpiresAt}, {@code tokenRefreshMarginSeconds} (300),
 * {@code pollLookbackMinutes} (60), {@code pollOverlapSeconds} (60), {@code locale} (en), {@code pollSweepAll}
 * (false: the conversation list is assumed newest first — TikTok's order is [unknown]; true reads every page).
 */
public final class TikTokAdapter extends ApiAccountAdapter {

  static final String BASE = "/customer_service/202309/conversations";
  static final int MAX_CONVERSATION_PAGE = 20;
  static final int MAX_MESSAGE_PAGE = 10;

  private final TikTokApiClient api;
  private final String conversationField;
  private final String messageField;
  private final TikTokOrders orders;
  private final TikTokReader reader;
  public TikTokAdapter(Vertx vertx, AccountConfig account, AdapterContext context) {
    super(validated(account), context, new Capabilities(true, true, true, true, true,
        (int) HttpSupport.positiveLong(account, "maxTextLength", 2000), true, false, true, true));
    long lookbackSeconds = HttpSupport.positiveLong(account, "pollLookbackMinutes", 60) * 60;
    long overlapSeconds = HttpSupport.positiveLong(account, "pollOverlapSeconds", 60);
    this.conversationField = HttpSupport.option(account, "webhookConversationIdField", "conversation_id");
    this.messageField = HttpSupport.option(account, "webhookMessageIdField", "message_id");
    String locale = HttpSupport.option(account, "locale", "en");
    boolean sweepAll = Boolean.parseBoolean(HttpSupport.option(account, "pollSweepAll", "false"));
    long timeoutMs = HttpSupport.positiveLong(account, "requestTimeoutMs", 10_000);
    this.api = new TikTokApiClient(openWebClient(vertx, "unibox-tiktok-adapter"), account, clock, timeoutMs,
        context.events(), account.options().get("shopCipher").trim());
    keepTokens(api);
    this.reader = new TikTokReader(api, new TikTokMessages(account.accountId(), clock), clock, lookbackSeconds,
        overlapSeconds, locale, sweepAll);
    this.orders = new TikTokOrders(api, clock);
  }

  private static AccountConfig validated(AccountConfig account) {
    String cipher = account.options().get("shopCipher");
    List<String> problems = new ArrayList<>();
    if (!HttpSupport.isHttpUrl(account.apiBaseUrl())) {
      problems.add("apiBaseUrl must be an http(s) URL, e.g. https://open-api.tiktokglobalshop.com");
    }
    if (cipher == null || cipher.isBlank()) {
      problems.add("option shopCipher is required");
    }
    if (account.credentials() == null || account.credentials().appKey() == null
        || account.credentials().appSecret() == null) {
      problems.add("credentials.appKey and credentials.appSecret are required");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("TikTok Shop account " + account.accountId() + ": "
          + String.join("; ", problems));
    }
    return account;
  }

  /** Verifies the signature only: TikTok pushes carry no message; use {@link #receivePush}. */
  @Override
  public PushBatch parsePush(PushRequest push) {
    verified(push);
    return new PushBatch(null, List.of());
  }

  private JsonObject verified(PushRequest push) {
    if (!TikTokSigner.verifyPush(account.credentials().appSecret(), account.credentials().appKey(),
        PushBodies.bytes(push), PushBodies.header(push, "Authorization"))) {
      throw new AdapterException(ErrorKind.BAD_SIGNATURE, null,
          "TikTok Shop webhook signature missing or wrong for account " + account.accountId());
    }
    JsonObject envelope = TikTokAdapterFactory.parse(push);
    Object shop = envelope.getValue("shop_id");
    if (shop == null || !account.shopId().equals(shop.toString())) {
      throw new AdapterException(ErrorKind.MALFORMED, null, "webhook is for shop " + shop);
    }
    return envelope;
  }

  /**
   * An id the webhook names (it becomes part of an API path): absent, or a plain id; anything else (an
   * object, a path, spaces) is a malformed push rather than a call TikTok Shop would refuse.
   */
  private static String pushedId(Object value, String field) {
    if (value == null) {
      return null;
    }
    String id = value instanceof String || value instanceof Long || value instanceof Integer
        || value instanceof java.math.BigInteger ? value.toString() : "";
    if (!id.matches("[A-Za-z0-9._:-]{1,128}")) {
      throw new AdapterException(ErrorKind.MALFORMED, null, "webhook " + field + " is not an id");
    }
    return id;
  }

  @Override
  public Future<PushBatch> receivePush(PushRequest push) {
    JsonObject envelope;
    try {
      envelope = verified(push);
    } catch (AdapterException e) {
      return Future.failedFuture(e);
    }
    String notificationId = envelope.getValue("tts_notification_id") == null
        ? null : envelope.getValue("tts_notification_id").toString();
    int type = envelope.getValue("type") instanceof Number n ? n.intValue() : -1;
    if (type != 14) {
      return Future.succeededFuture(new PushBatch(notificationId, List.of()));
    }
    String conversation;
    String message;
    try {
      JsonObject data = envelope.getValue("data") instanceof JsonObject d ? d : new JsonObject();
      conversation = pushedId(data.getValue(conversationField), conversationField);
      message = pushedId(data.getValue(messageField), messageField);
    } catch (AdapterException e) {
      return Future.failedFuture(e);
    }
    long pushedAt = envelope.getValue("timestamp") instanceof Number n ? n.longValue() : clock.instant().getEpochSecond();
    return reader.pushed(conversation, message, pushedAt).map(found -> new PushBatch(notificationId, found));
  }

  @Override
  public Future<SendResult> send(OutboundMessage message) {
    String conversation = message.platformConversationId();
    if (conversation == null || conversation.isBlank()) {
      return permanent("TikTok Shop sends need the conversation id");
    }
    String type;
    JsonObject content = new JsonObject();
    switch (message.typeOrText()) {
      case "text" -> {
        AdapterException problem = HttpSupport.textProblem("TikTok Shop", message.text(), capabilities.maxTextLength());
        if (problem != null) {
          return Future.failedFuture(problem);
        }
        type = "TEXT";
        content.put("content", message.text());
      }
      case "image" -> {
        if (message.imageBytes() != null || blank(message.text())) {
          return permanent("TikTok Shop images are sent by URL; uploading is not supported by this adapter");
        }
        type = "IMAGE";
        content.put("url", message.text().trim());
      }
      case "item" -> {
        if (blank(message.text())) {
          return permanent("A product card needs the product id");
        }
        type = "PRODUCT_CARD";
        content.put("product_id", message.text().trim());
      }
      case "order" -> {
        if (blank(message.text())) {
          return permanent("An order card needs the order id");
        }
        type = "ORDER_CARD";
        content.put("order_id", message.text().trim());
      }
      default -> {
        return permanent("Message type '" + message.typeOrText() + "' is not supported by TikTok Shop");
      }
    }
    return api.post(BASE + "/" + conversation + "/messages",
        new JsonObject().put("type", type).put("content", content.encode())).compose(data -> {
          Object id = data.getValue("message_id");
          if (id == null) {
            return Future.failedFuture(new AdapterException(ErrorKind.MALFORMED, null,
                "TikTok Shop accepted the message but returned no message_id"));
          }
          return Future.succeededFuture(new SendResult(id.toString(), clock.instant()));
        });
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /**
   * Cursor {@code w=<watermark s>} between sweeps, plus {@code top} and {@code pt} (page_token) while a sweep
   * pages; see {@link TikTokReader#poll}.
   */
  @Override
  public Future<PollResult> poll(String cursor) {
    return reader.poll(cursor);
  }

  @Override
  public Future<List<dev.unibox.adapters.spi.BuyerOrder>> buyerOrders(String platformBuyerId) {
    return orders.of(platformBuyerId);
  }

  @Override
  public Future<Void> markRead(String platformConversationId, String lastReadMessageId) {
    return api.post(BASE + "/" + platformConversationId + "/messages/read", new JsonObject()).mapEmpty();
  }
}
