package dev.unibox.adapters.tiktok;

import dev.unibox.adapters.spi.AccountConfig;
import dev.unibox.adapters.spi.AdapterContext;
import dev.unibox.adapters.spi.AdapterException;
import dev.unibox.adapters.spi.Capabilities;
import dev.unibox.adapters.spi.ErrorKind;
import dev.unibox.adapters.spi.InboundMessage;
import dev.unibox.adapters.spi.OutboundMessage;
import dev.unibox.adapters.spi.PlatformAdapter;
import dev.unibox.adapters.spi.PollResult;
import dev.unibox.adapters.spi.PushBatch;
import dev.unibox.adapters.spi.PushRequest;
import dev.unibox.adapters.spi.SendResult;
import dev.unibox.adapters.support.HttpSupport;
import dev.unibox.adapters.support.TokenKeeper;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
public final class TikTokAdapter implements PlatformAdapter {

  static final String BASE = "/customer_service/202309/conversations";
  static final int MAX_CONVERSATION_PAGE = 20;
  static final int MAX_MESSAGE_PAGE = 10;

  private final AccountConfig account;
  private final Clock clock;
  private final WebClient webClient;
  private final TikTokApiClient api;
  private final TokenKeeper tokens;
  private final Capabilities capabilities;
  private final long lookbackSeconds;
  private final long overlapSeconds;
  private final String conversationField;
  private final String messageField;
  private final String locale;
  private final TikTokOrders orders;
  private final boolean sweepAll;
  /** Index of recently seen messages, for ordering within one second; bounded. */
  private final Map<String, java.math.BigInteger> indexes = java.util.Collections.synchronizedMap(
      new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, java.math.BigInteger> eldest) {
          return size() > 10_000;
        }
      });

  public TikTokAdapter(Vertx vertx, AccountConfig account, AdapterContext context) {
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
    this.account = account;
    this.clock = context.clock();
    int maxText = (int) HttpSupport.positiveLong(account, "maxTextLength", 2000);
    this.lookbackSeconds = HttpSupport.positiveLong(account, "pollLookbackMinutes", 60) * 60;
    this.overlapSeconds = HttpSupport.positiveLong(account, "pollOverlapSeconds", 60);
    this.conversationField = HttpSupport.option(account, "webhookConversationIdField", "conversation_id");
    this.messageField = HttpSupport.option(account, "webhookMessageIdField", "message_id");
    this.locale = HttpSupport.option(account, "locale", "en");
    this.sweepAll = Boolean.parseBoolean(HttpSupport.option(account, "pollSweepAll", "false"));
    this.capabilities = new Capabilities(true, true, true, true, true, maxText, true, false, true, true);
    this.webClient = WebClient.create(vertx, new WebClientOptions().setUserAgent("unibox-tiktok-adapter"));
    this.api = new TikTokApiClient(webClient, account, clock,
        HttpSupport.positiveLong(account, "requestTimeoutMs", 10_000), context.events(), cipher.trim());
    this.tokens = TokenKeeper.forAccount(account, context, api::refresh);
    api.useTokens(tokens);
    this.orders = new TikTokOrders(api, clock);
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
  public Future<Void> start() {
    return tokens.load();
  }

  /** Verifies the signature only: TikTok pushes carry no message; use {@link #receivePush}. */
  @Override
  public PushBatch parsePush(PushRequest push) {
    verified(push);
    return new PushBatch(null, List.of());
  }

  private JsonObject verified(PushRequest push) {
    byte[] body = push.body() == null ? new byte[0] : push.body().getBytes();
    String authorization = push.headers() == null ? null : push.headers().get("Authorization");
    if (!TikTokSigner.verifyPush(account.credentials().appSecret(), account.credentials().appKey(), body,
        authorization)) {
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
    if (conversation == null) {
      return poll("w=" + (pushedAt - overlapSeconds)).map(r -> new PushBatch(notificationId, r.messages()));
    }
    List<InboundMessage> found = new ArrayList<>();
    String wanted = message;
    return messages(conversation, null, null, pushedAt - overlapSeconds, "", found, wanted, 3)
        .map(v -> new PushBatch(notificationId, wanted == null ? sorted(found)
            : found.stream().filter(m -> m.platformMessageId().equals(wanted)).toList()));
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

  private static <T> Future<T> permanent(String message) {
    return Future.failedFuture(new AdapterException(ErrorKind.PERMANENT, null, message));
  }

  /**
   * Cursor {@code w=<watermark s>} between sweeps, plus {@code top} and {@code pt} (page_token) while a sweep
   * pages. Conversations whose latest message is older than the watermark (minus overlap) end the sweep.
   */
  @Override
  public Future<PollResult> poll(String cursor) {
    Map<String, String> c = parse(cursor);
    long watermark = c.containsKey("w") ? Long.parseLong(c.get("w")) : clock.instant().getEpochSecond() - lookbackSeconds;
    long top = c.containsKey("top") ? Long.parseLong(c.get("top")) : clock.instant().getEpochSecond();
    String pageToken = c.getOrDefault("pt", "");
    long floor = watermark - overlapSeconds;
    Map<String, String> params = new LinkedHashMap<>();
    params.put("page_size", Integer.toString(MAX_CONVERSATION_PAGE));
    params.put("locale", locale);
    if (!pageToken.isEmpty()) {
      params.put("page_token", pageToken);
    }
    return api.get(BASE, params).compose(data -> {
      JsonArray conversations = data.getJsonArray("conversations", new JsonArray());
      List<InboundMessage> found = new ArrayList<>();
      Future<Void> chain = Future.succeededFuture();
      boolean reachedOld = false;
      for (int i = 0; i < conversations.size(); i++) {
        JsonObject conv = conversations.getJsonObject(i);
        JsonObject latest = conv.getJsonObject("latest_message", new JsonObject());
        long latestAt = latest.getValue("create_time") instanceof Number n ? n.longValue() : Long.MAX_VALUE;
        if (latestAt < floor) {
          reachedOld = true;
          continue;
        }
        String id = String.valueOf(conv.getValue("id"));
        JsonObject buyer = buyer(conv);
        chain = chain.compose(v -> messages(id, buyer == null ? null : str(buyer.getValue("im_user_id")),
            buyer == null ? null : buyer.getString("nickname"), floor, "", found, null, Integer.MAX_VALUE));
      }
      String next = data.getString("next_page_token", "");
      boolean more = next != null && !next.isEmpty() && (sweepAll || !reachedOld) && !conversations.isEmpty();
      String nextCursor = more ? "w=" + watermark + ";top=" + top + ";pt=" + next : "w=" + top;
      return chain.map(v -> new PollResult(sorted(found), nextCursor, more));
    });
  }

  private static JsonObject buyer(JsonObject conversation) {
    JsonArray participants = conversation.getJsonArray("participants", new JsonArray());
    for (int i = 0; i < participants.size(); i++) {
      JsonObject p = participants.getJsonObject(i);
      if ("BUYER".equals(p.getString("role"))) {
        return p;
      }
    }
    return null;
  }

  private Future<Void> messages(String conversationId, String buyerId, String buyerName, long floor, String pageToken,
                                List<InboundMessage> found, String wanted, int pagesLeft) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("page_size", Integer.toString(MAX_MESSAGE_PAGE));
    params.put("sort_field", "index");
    params.put("sort_order", "DESC");
    params.put("locale", locale);
    if (!pageToken.isEmpty()) {
      params.put("page_token", pageToken);
    }
    return api.get(BASE + "/" + conversationId + "/messages", params).compose(data -> {
      JsonArray list = data.getJsonArray("messages", new JsonArray());
      String knownBuyer = buyerId;
      String knownName = buyerName;
      for (int i = 0; i < list.size() && knownBuyer == null; i++) {
        JsonObject sender = list.getJsonObject(i).getJsonObject("sender", new JsonObject());
        if ("BUYER".equals(sender.getString("role"))) {
          knownBuyer = str(sender.getValue("im_user_id"));
          knownName = sender.getString("nickname");
        }
      }
      boolean reachedFloor = false;
      boolean foundWanted = false;
      for (int i = 0; i < list.size(); i++) {
        JsonObject m = list.getJsonObject(i);
        long created = m.getValue("create_time") instanceof Number n ? n.longValue() : Long.MAX_VALUE;
        if (wanted == null && created < floor) {
          reachedFloor = true;
          continue;
        }
        InboundMessage mapped = map(m, conversationId, knownBuyer, knownName);
        java.math.BigInteger index = index(m);
        if (mapped != null && index != null) {
          indexes.put(mapped.platformMessageId(), index);
        }
        if (mapped != null) {
          found.add(mapped);
          foundWanted |= mapped.platformMessageId().equals(wanted);
        }
      }
      String next = data.getString("next_page_token", "");
      if (reachedFloor || foundWanted || next == null || next.isEmpty() || list.isEmpty() || pagesLeft <= 1) {
        return Future.succeededFuture();
      }
      return messages(conversationId, knownBuyer, knownName, floor, next, found, wanted, pagesLeft - 1);
    });
  }

  /** Null for invisible messages and shop messages whose buyer is unknown. */
  private InboundMessage map(JsonObject m, String conversationId, String buyerId, String buyerName) {
    if (Boolean.FALSE.equals(m.getValue("is_visible")) || m.getValue("id") == null) {
      return null;
    }
    JsonObject sender = m.getJsonObject("sender", new JsonObject());
    String role = sender.getString("role", "");
    boolean fromBuyer = "BUYER".equals(role);
    String buyer = fromBuyer ? str(sender.getValue("im_user_id")) : buyerId;
    if (buyer == null) {
      return null;
    }
    String name = fromBuyer ? sender.getString("nickname", buyerName) : buyerName;
    JsonObject content = contentObject(m.getValue("content"));
    String type = m.getString("type", "");
    String neutral;
    String text;
    switch (type) {
      case "TEXT" -> {
        neutral = "text";
        text = content.getString("content", "");
      }
      case "IMAGE" -> {
        neutral = "image";
        text = "[image]" + (content.getString("url") == null ? "" : " " + content.getString("url"));
      }
      case "PRODUCT_CARD" -> {
        neutral = "item";
        text = "[item]" + (content.getValue("product_id") == null ? "" : " " + content.getValue("product_id"));
      }
      case "ORDER_CARD" -> {
        neutral = "order";
        text = "[order]" + (content.getValue("order_id") == null ? "" : " " + content.getValue("order_id"));
      }
      default -> {
        neutral = "other";
        text = "[" + type.toLowerCase() + "]";
      }
    }
    long created = m.getValue("create_time") instanceof Number n ? n.longValue() : clock.instant().getEpochSecond();
    return new InboundMessage(account.accountId(), m.getValue("id").toString(), conversationId,
        buyer, fromBuyer ? name : buyerName, fromBuyer, neutral, text, Instant.ofEpochSecond(created));
  }

  /** The platform's sortable per-conversation index as a number (null when absent or not numeric). */
  private static java.math.BigInteger index(JsonObject m) {
    String raw = str(m.getValue("index"));
    try {
      return raw == null ? null : new java.math.BigInteger(raw);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * Oldest first: by time (seconds), then by the platform's sortable index within the same second, so the
   * order in which they are stored (and shown, for equal times) is the platform's.
   */
  private List<InboundMessage> sorted(List<InboundMessage> messages) {
    Comparator<InboundMessage> byIndex = Comparator.comparing(
        m -> indexes.getOrDefault(m.platformMessageId(), java.math.BigInteger.ZERO));
    return messages.stream().sorted(Comparator.comparing(InboundMessage::sentAt).thenComparing(byIndex)).toList();
  }

  private static JsonObject contentObject(Object raw) {
    if (raw instanceof JsonObject o) {
      return o;
    }
    if (raw instanceof String s && s.trim().startsWith("{")) {
      try {
        return new JsonObject(s);
      } catch (RuntimeException ignored) {
        return new JsonObject().put("content", s);
      }
    }
    return new JsonObject().put("content", raw == null ? "" : raw.toString());
  }

  private static String str(Object v) {
    return v == null || v.toString().isBlank() ? null : v.toString();
  }

  private static Map<String, String> parse(String cursor) {
    Map<String, String> out = new LinkedHashMap<>();
    if (cursor == null || cursor.isBlank()) {
      return out;
    }
    for (String part : cursor.split(";")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        out.put(part.substring(0, eq), part.substring(eq + 1));
      }
    }
    try {
      if (out.containsKey("w")) {
        Long.parseLong(out.get("w"));
      }
      if (out.containsKey("top")) {
        Long.parseLong(out.get("top"));
      }
    } catch (NumberFormatException e) {
      throw new AdapterException(ErrorKind.MALFORMED, null, "Not a TikTok Shop poll cursor: " + cursor);
    }
    return out;
  }

  @Override
  public Future<List<dev.unibox.adapters.spi.BuyerOrder>> buyerOrders(String platformBuyerId) {
    return orders.of(platformBuyerId);
  }

  @Override
  public Future<Void> markRead(String platformConversationId, String lastReadMessageId) {
    return api.post(BASE + "/" + platformConversationId + "/messages/read", new JsonObject()).mapEmpty();
  }

  @Override
  public Future<Void> refreshToken() {
    return tokens.refresh().mapEmpty();
  }

  @Override
  public Optional<Instant> accessTokenExpiresAt() {
    return Optional.ofNullable(tokens.current().accessExpiresAt());
  }

  @Override
  public boolean tokenDead() {
    return tokens.dead();
  }

  @Override
  public Future<Void> stop() {
    webClient.close();
    return Future.succeededFuture();
  }
}
