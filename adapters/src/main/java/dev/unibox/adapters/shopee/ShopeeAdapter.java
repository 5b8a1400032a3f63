package dev.unibox.adapters.shopee;

import dev.unibox.adapters.spi.AccountConfig;
import dev.unibox.adapters.spi.AdapterContext;
import dev.unibox.adapters.spi.AdapterException;
import dev.unibox.adapters.spi.BuyerOrder;
import dev.unibox.adapters.spi.Capabilities;
import dev.unibox.adapters.spi.ErrorKind;
import dev.unibox.adapters.spi.InboundMessage;
import dev.unibox.adapters.spi.LostPushes;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One Shopee shop on Shopee Open Platform v2 ({@code sellerchat}). Credentials: appKey = partner_id,
 * appSecret = partner_key, accessToken/refreshToken = the shop's current pair.
 *
 * <p>Options ({@link AccountConfig#options()}), all optional:
 * <ul>
 *   <li>{@code maxTextLength} (default 1000, in Unicode code points): Shopee's text limit is not
 *       documented publicly, so it is configurable; longer replies are refused before calling Shopee;</li>
 *   <li>{@code requestTimeoutMs} (default 10000): how long to wait for Shopee's answer;</li>
 *   <li>{@code shopUserId}: the shop's own chat user id, used to tell shop messages from buyer
 *       messages in pushes (see {@link ShopeePushMapper});</li>
 *   <li>{@code accessTokenExpiresAt} (ISO-8601 instant) of the configured access token, when known;</li>
 *   <li>{@code tokenRefreshMarginSeconds} (default 300): refresh this long before the access token expires;</li>
 *   <li>{@code pollConversationPageSize} (default 25, Shopee answers nothing above 25 [reported]),
 *       {@code pollMessagePageSize} (default 50, ≤ 60 [reported]), {@code pollLookbackMinutes} (default 60:
 *       how far back the very first poll looks), {@code pollOverlapSeconds} (default 60);</li>
 *   <li>{@code uploadImageUrlField} (default {@code url}): the field of the upload_image answer holding the
 *       image URL, which the published documentation does not state.</li>
 * </ul>
 */
public final class ShopeeAdapter implements PlatformAdapter {

  static final String SEND_MESSAGE_PATH = "/api/v2/sellerchat/send_message";
  static final String UPLOAD_IMAGE_PATH = "/api/v2/sellerchat/upload_image";
  static final String GET_MESSAGE_PATH = "/api/v2/sellerchat/get_message";
  static final String CONVERSATION_LIST_PATH = "/api/v2/sellerchat/get_conversation_list";
  static final String READ_CONVERSATION_PATH = "/api/v2/sellerchat/read_conversation";
  static final String LOST_PUSH_PATH = "/api/v2/push/get_lost_push_message";
  static final String CONFIRM_LOST_PUSH_PATH = "/api/v2/push/confirm_consumed_lost_push_message";
  /** Shopee's clock and ours may differ; a delivered message is looked for from this much earlier. */
  private static final Duration CLOCK_SLACK = Duration.ofSeconds(60);
  /** Text only; not supported for TW shops [reported]. Body {to_id, content: {text}} like send_message. */
  static final String SEND_AUTOREPLY_PATH = "/api/v2/sellerchat/send_autoreply_message";
  /** {@link OutboundMessage#type()} of an automatic reply (greeting, off-hours, surge). */
  public static final String AUTOREPLY_TYPE = "autoreply";
  static final int DEFAULT_MAX_TEXT_LENGTH = 1000;
  static final long DEFAULT_REQUEST_TIMEOUT_MS = 10_000;
  static final int MAX_IMAGE_BYTES = 2 * 1024 * 1024;

  private final AccountConfig account;
  private final Clock clock;
  private final WebClient webClient;
  private final ShopeeApiClient api;
  private final ShopeePushMapper pushMapper;
  private final Capabilities capabilities;
  private final TokenKeeper tokens;
  private final int conversationPageSize;
  private final int messagePageSize;
  private final long lookbackMinutes;
  private final long overlapSeconds;
  private final String uploadUrlField;
  private final ShopeeOrders orders;
  private final ShopeeOrderPush orderPush;

  public ShopeeAdapter(Vertx vertx, AccountConfig account, Clock clock) {
    this(vertx, account, new AdapterContext(clock, null, null));
  }

  public ShopeeAdapter(Vertx vertx, AccountConfig account, AdapterContext context) {
    ShopeeAdapterFactory.validate(account);
    long timeoutMs = HttpSupport.positiveLong(account, "requestTimeoutMs", DEFAULT_REQUEST_TIMEOUT_MS);
    int maxText = (int) HttpSupport.positiveLong(account, "maxTextLength", DEFAULT_MAX_TEXT_LENGTH);
    this.conversationPageSize = (int) HttpSupport.positiveLong(account, "pollConversationPageSize", 25);
    this.messagePageSize = (int) HttpSupport.positiveLong(account, "pollMessagePageSize", 50);
    this.lookbackMinutes = HttpSupport.positiveLong(account, "pollLookbackMinutes", 60);
    this.overlapSeconds = HttpSupport.positiveLong(account, "pollOverlapSeconds", 60);
    this.uploadUrlField = HttpSupport.option(account, "uploadImageUrlField", "url");
    this.account = account;
    this.clock = context.clock();
    this.capabilities = new Capabilities(true, true, true, true, true, maxText, true, true, true, true);
    this.pushMapper = new ShopeePushMapper(account);
    this.webClient = WebClient.create(vertx, new WebClientOptions().setUserAgent("unibox-shopee-adapter"));
    this.api = new ShopeeApiClient(webClient, account, clock, timeoutMs, context.events());
    this.tokens = TokenKeeper.forAccount(account, context, api::refresh);
    api.useTokens(tokens);
    this.orders = new ShopeeOrders(api, clock);
    this.orderPush = new ShopeeOrderPush(account, api);
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

  @Override
  public PushBatch parsePush(PushRequest push) {
    JsonObject json = verified(push);
    // an order push needs an API call to name its buyer: only receivePush completes it
    return ShopeeOrderPush.is(json) ? new PushBatch(ShopeeIds.fromJson(json.getValue("msg_id")), List.of())
        : pushMapper.map(json);
  }

  @Override
  public Future<PushBatch> receivePush(PushRequest push) {
    try {
      JsonObject json = verified(push);
      return ShopeeOrderPush.is(json) ? orderPush.receive(json) : Future.succeededFuture(pushMapper.map(json));
    } catch (AdapterException e) {
      return Future.failedFuture(e);
    }
  }

  private JsonObject verified(PushRequest push) {
    byte[] body = push.body() == null ? new byte[0] : push.body().getBytes();
    String authorization = push.headers() == null ? null : push.headers().get("Authorization");
    if (authorization == null || authorization.isBlank()) {
      throw new AdapterException(ErrorKind.BAD_SIGNATURE, null, "Shopee push without Authorization header");
    }
    if (account.callbackUrl() == null || account.callbackUrl().isBlank()) {
      throw new AdapterException(ErrorKind.BAD_SIGNATURE, null,
          "Account " + account.accountId() + " has no callback URL configured; Shopee pushes cannot be verified");
    }
    if (!ShopeeSigner.verifyPush(account.credentials().appSecret(), account.callbackUrl(), body, authorization)) {
      throw new AdapterException(ErrorKind.BAD_SIGNATURE, null,
          "Shopee push signature does not match for account " + account.accountId());
    }
    return ShopeeAdapterFactory.parseObject(push);
  }

  @Override
  public Future<SendResult> send(OutboundMessage message) {
    String type = message.typeOrText();
    Number toId = ShopeeIds.toJsonNumber(message.buyerId());
    if (toId == null) {
      return permanent("Buyer id '" + message.buyerId() + "' is not a Shopee user id (unsigned 64-bit number)");
    }
    JsonObject body = new JsonObject().put("to_id", toId);
    switch (type) {
      case AUTOREPLY_TYPE -> {
        // Shopee's own auto-reply call (text only): Shopee leaves these out of the shop's chat response rate.
        AdapterException problem = HttpSupport.textProblem("this Shopee account", message.text(),
            capabilities.maxTextLength());
        if (problem != null) {
          return Future.failedFuture(problem);
        }
        return api.post(SEND_AUTOREPLY_PATH, body.put("content", new JsonObject().put("text", message.text())))
            .compose(this::sendResult);
      }
      case "text" -> {
        AdapterException problem = HttpSupport.textProblem("this Shopee account", message.text(),
            capabilities.maxTextLength());
        if (problem != null) {
          return Future.failedFuture(problem);
        }
        body.put("message_type", "text").put("content", new JsonObject().put("text", message.text()));
      }
      case "image" -> {
        return imageUrl(message).compose(url -> api.post(SEND_MESSAGE_PATH, body.put("message_type", "image")
            .put("content", new JsonObject().put("image_url", url)))).compose(this::sendResult);
      }
      case "item" -> {
        Number itemId = ShopeeIds.toJsonNumber(message.text() == null ? null : message.text().trim());
        if (itemId == null) {
          return permanent("A Shopee product card needs the item_id (a number), got '" + message.text() + "'");
        }
        body.put("message_type", "item").put("content", new JsonObject().put("item_id", itemId));
      }
      case "order" -> {
        if (message.text() == null || message.text().isBlank()) {
          return permanent("A Shopee order card needs the order_sn");
        }
        body.put("message_type", "order").put("content", new JsonObject().put("order_sn", message.text().trim()));
      }
      default -> {
        return permanent("Message type '" + type + "' is not supported by Shopee");
      }
    }
    return api.post(SEND_MESSAGE_PATH, body).compose(this::sendResult);
  }

  private Future<String> imageUrl(OutboundMessage message) {
    if (message.imageBytes() == null) {
      return message.text() == null || message.text().isBlank()
          ? permanent("An image message needs the image bytes or an image URL")
          : Future.succeededFuture(message.text().trim());
    }
    if (message.imageBytes().length == 0 || message.imageBytes().length > MAX_IMAGE_BYTES) {
      return permanent("Shopee takes images of 1 byte to 2 MB; this one has " + message.imageBytes().length);
    }
    return api.upload(UPLOAD_IMAGE_PATH, message.imageBytes(), message.imageFileName()).compose(r -> {
      String url = r.getString(uploadUrlField);
      return url == null || url.isBlank()
          ? Future.failedFuture(new AdapterException(ErrorKind.MALFORMED, null,
              "Shopee upload_image answered without '" + uploadUrlField + "' (option uploadImageUrlField)"))
          : Future.succeededFuture(url);
    });
  }

  private static <T> Future<T> permanent(String message) {
    return Future.failedFuture(new AdapterException(ErrorKind.PERMANENT, null, message));
  }

  private Future<SendResult> sendResult(JsonObject response) {
    String messageId = ShopeeIds.fromJson(response.getValue("message_id"));
    if (messageId == null) {
      return Future.failedFuture(new AdapterException(ErrorKind.MALFORMED, null,
          "Shopee accepted send_message but returned no message_id"));
    }
    Instant sentAt = response.getValue("created_timestamp") instanceof Number seconds
        ? Instant.ofEpochSecond(seconds.longValue())
        : clock.instant();
    return Future.succeededFuture(new SendResult(messageId, sentAt));
  }

  /**
   * Cursor: the {@code last_message_timestamp} (ns) up to which conversations were read. One step reads one
   * page of conversations changed after it ({@code direction=latest}) and, for each, the newest messages
   * down to the cursor time (minus {@code pollOverlapSeconds}), following get_message's {@code next_offset}.
   */
  @Override
  public Future<PollResult> poll(String cursor) {
    long since = cursor == null || cursor.isBlank()
        ? toNanos(clock.instant().minusSeconds(lookbackMinutes * 60))
        : parseCursor(cursor);
    return api.get(CONVERSATION_LIST_PATH, Map.of("direction", "latest", "type", "all",
        "next_timestamp_nano", Long.toString(since), "page_size", Integer.toString(conversationPageSize)))
        .compose(page -> {
          JsonArray conversations = page.getJsonArray("conversations", new JsonArray());
          JsonObject pageResult = page.getJsonObject("page_result", new JsonObject());
          List<InboundMessage> found = new ArrayList<>();
          Future<Void> chain = Future.succeededFuture();
          long floorSeconds = since / 1_000_000_000L - overlapSeconds;
          for (int i = 0; i < conversations.size(); i++) {
            JsonObject c = conversations.getJsonObject(i);
            String conversationId = ShopeeIds.fromJson(c.getValue("conversation_id"));
            String buyerName = c.getString("to_name");
            if (conversationId != null) {
              chain = chain.compose(v -> messagesSince(conversationId, buyerName, floorSeconds, "", found));
            }
          }
          String next = nextCursor(pageResult, since);
          boolean more = Boolean.TRUE.equals(pageResult.getBoolean("more")) && !conversations.isEmpty();
          return chain.map(v -> new PollResult(found, next, more));
        });
  }

  private Future<Void> messagesSince(String conversationId, String buyerName, long floorSeconds, String offset,
                                     List<InboundMessage> found) {
    Map<String, String> params = offset.isEmpty()
        ? Map.of("conversation_id", conversationId, "page_size", Integer.toString(messagePageSize))
        : Map.of("conversation_id", conversationId, "page_size", Integer.toString(messagePageSize), "offset", offset);
    return api.get(GET_MESSAGE_PATH, params).compose(page -> {
      JsonArray messages = page.getJsonArray("messages", new JsonArray());
      boolean reachedFloor = false;
      for (int i = 0; i < messages.size(); i++) {
        JsonObject m = messages.getJsonObject(i);
        long created = m.getValue("created_timestamp") instanceof Number n ? n.longValue() : Long.MAX_VALUE;
        if (created < floorSeconds) {
          reachedFloor = true;
          continue;
        }
        try {
          found.add(pushMapper.mapPolled(m, buyerName));
        } catch (AdapterException unreadable) {
          // a message we cannot map (no id) is skipped, not fatal for the page
        }
      }
      String nextOffset = page.getJsonObject("page_result", new JsonObject()).getString("next_offset", "");
      if (reachedFloor || nextOffset == null || nextOffset.isEmpty() || messages.isEmpty()) {
        return Future.succeededFuture();
      }
      return messagesSince(conversationId, buyerName, floorSeconds, nextOffset, found);
    });
  }

  private static String nextCursor(JsonObject pageResult, long since) {
    JsonObject next = pageResult.getJsonObject("next_cursor", new JsonObject());
    Object nano = next.getValue("next_message_time_nano");
    try {
      long value = nano instanceof Number n ? n.longValue() : nano instanceof String s ? Long.parseLong(s) : since;
      return Long.toString(Math.max(value, since));
    } catch (NumberFormatException e) {
      return Long.toString(since);
    }
  }

  private static long parseCursor(String cursor) {
    try {
      return Long.parseLong(cursor.trim());
    } catch (NumberFormatException e) {
      throw new AdapterException(ErrorKind.MALFORMED, null, "Not a Shopee poll cursor: " + cursor);
    }
  }

  private static long toNanos(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }

  @Override
  public Future<List<BuyerOrder>> buyerOrders(String platformBuyerId) {
    return orders.of(platformBuyerId);
  }

  @Override
  public Future<Void> markRead(String platformConversationId, String lastReadMessageId) {
    Number conversationId = ShopeeIds.toJsonNumber(platformConversationId);
    if (conversationId == null || lastReadMessageId == null || lastReadMessageId.isBlank()) {
      return permanent("read_conversation needs a Shopee conversation id and message id");
    }
    return api.post(READ_CONVERSATION_PATH, new JsonObject().put("conversation_id", conversationId)
        .put("last_read_message_id", lastReadMessageId)).mapEmpty();
  }

  /**
   * {@code get_lost_push_message} (partner level: the earliest 100 unconsumed pushes of the last 3 days).
   * Answer fields {@code push_message_list[{shop_id, code, timestamp, data}], has_next_page, last_message_id}
   * are as Shopee's API reference names them; the published documentation does not list them (see docs/adapters.md).
   */
  @Override
  public Future<LostPushes> fetchLostPushes() {
    return api.getPartner(LOST_PUSH_PATH).map(r -> {
      JsonArray list = r.getJsonArray("push_message_list", new JsonArray());
      List<LostPushes.Push> pushes = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        JsonObject p = list.getJsonObject(i);
        String shopId = ShopeeIds.fromJson(p.getValue("shop_id"));
        if (shopId != null) {
          pushes.add(new LostPushes.Push(shopId, p.copy()));
        }
      }
      String last = ShopeeIds.fromJson(r.getValue("last_message_id"));
      return new LostPushes(pushes, list.isEmpty() ? null : last, Boolean.TRUE.equals(r.getBoolean("has_next_page")));
    });
  }

  @Override
  public List<InboundMessage> mapLostPush(LostPushes.Push push) {
    if (!(push.payload() instanceof JsonObject p) || !account.shopId().equals(push.shopId())) {
      return List.of();
    }
    Object data = p.getValue("data");
    JsonObject dataObject = ShopeePushMapper.objectOrJsonString(data);
    JsonObject asPush = new JsonObject().put("code", p.getValue("code")).put("shop_id", p.getValue("shop_id"))
        .put("timestamp", p.getValue("timestamp")).put("data", dataObject);
    try {
      return pushMapper.map(asPush).messages();
    } catch (AdapterException unreadable) {
      return List.of();
    }
  }

  @Override
  public Future<Void> confirmLostPushes(String confirmId) {
    Number last = ShopeeIds.toJsonNumber(confirmId);
    if (last == null) {
      return Future.succeededFuture();
    }
    return api.postPartner(CONFIRM_LOST_PUSH_PATH, new JsonObject().put("last_message_id", last), false).mapEmpty();
  }

  @Override
  public String lostPushScope() {
    return "shopee:" + account.credentials().appKey() + "@" + account.apiBaseUrl();
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
  public boolean mayHaveBeenDelivered(AdapterException failure) {
    return ShopeeErrors.TIMEOUT.equals(failure.platformCode())
        || ShopeeErrors.CONNECTION_LOST.equals(failure.platformCode());
  }

  /** Reads the newest page of the conversation (get_message, newest first) for our text. */
  @Override
  public Future<Optional<SendResult>> findDelivered(OutboundMessage message, Instant notBefore,
                                                    Set<String> knownMessageIds) {
    long earliest = notBefore.minus(CLOCK_SLACK).getEpochSecond();
    return api.get(GET_MESSAGE_PATH, Map.of("conversation_id", message.platformConversationId(), "page_size", "60"))
        .map(response -> {
          var messages = response.getJsonArray("messages");
          if (messages == null) {
            return Optional.<SendResult>empty();
          }
          for (int i = 0; i < messages.size(); i++) {
            JsonObject m = messages.getJsonObject(i);
            String id = ShopeeIds.fromJson(m.getValue("message_id"));
            JsonObject content = m.getValue("content") instanceof JsonObject c ? c : new JsonObject();
            boolean fromThisShop = account.shopId().equals(ShopeeIds.fromJson(m.getValue("from_shop_id")));
            long created = m.getValue("created_timestamp") instanceof Number n ? n.longValue() : 0;
            if (id != null && fromThisShop && created >= earliest && !knownMessageIds.contains(id)
                && message.text().equals(content.getString("text"))) {
              return Optional.of(new SendResult(id, Instant.ofEpochSecond(created)));
            }
          }
          return Optional.<SendResult>empty();
        });
  }

  @Override
  public Future<Void> stop() {
    webClient.close();
    return Future.succeededFuture();
  }
}
