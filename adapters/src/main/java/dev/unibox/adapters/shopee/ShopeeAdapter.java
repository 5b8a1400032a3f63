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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
public final class ShopeeAdapter extends ApiAccountAdapter {

  /** Shopee's clock and ours may differ; a delivered message is looked for from this much earlier. */
  private static final Duration CLOCK_SLACK = Duration.ofSeconds(60);
  /** {@link OutboundMessage#type()} of an automatic reply (greeting, off-hours, surge). */
  public static final String AUTOREPLY_TYPE = "autoreply";
  static final int DEFAULT_MAX_TEXT_LENGTH = 1000;
  static final long DEFAULT_REQUEST_TIMEOUT_MS = 10_000;
  static final int MAX_IMAGE_BYTES = 2 * 1024 * 1024;

  private final ShopeeApiClient api;
  private final ShopeePushMapper pushMapper;
  private final ShopeePoller poller;
  private final ShopeeLostPushes lostPushes;
  private final String uploadUrlField;
  private final ShopeeOrders orders;
  private final ShopeeOrderPush orderPush;

  public ShopeeAdapter(Vertx vertx, AccountConfig account, Clock clock) {
    this(vertx, account, new AdapterContext(clock, null, null));
  }

  public ShopeeAdapter(Vertx vertx, AccountConfig account, AdapterContext context) {
    super(ShopeeAdapterFactory.validated(account), context, new Capabilities(true, true, true, true, true,
        (int) HttpSupport.positiveLong(account, "maxTextLength", DEFAULT_MAX_TEXT_LENGTH), true, true, true, true));
    long timeoutMs = HttpSupport.positiveLong(account, "requestTimeoutMs", DEFAULT_REQUEST_TIMEOUT_MS);
    int conversationPageSize = (int) HttpSupport.positiveLong(account, "pollConversationPageSize", 25);
    int messagePageSize = (int) HttpSupport.positiveLong(account, "pollMessagePageSize", 50);
    long lookbackMinutes = HttpSupport.positiveLong(account, "pollLookbackMinutes", 60);
    long overlapSeconds = HttpSupport.positiveLong(account, "pollOverlapSeconds", 60);
    this.uploadUrlField = HttpSupport.option(account, "uploadImageUrlField", "url");
    this.pushMapper = new ShopeePushMapper(account);
    this.api = new ShopeeApiClient(openWebClient(vertx, "unibox-shopee-adapter"), account, clock, timeoutMs,
        context.events());
    keepTokens(api);
    this.orders = new ShopeeOrders(api, clock);
    this.orderPush = new ShopeeOrderPush(account, api);
    this.poller = new ShopeePoller(api, pushMapper, clock, conversationPageSize, messagePageSize, lookbackMinutes,
        overlapSeconds);
    this.lostPushes = new ShopeeLostPushes(account, api, pushMapper);
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
    byte[] body = PushBodies.bytes(push);
    String authorization = PushBodies.header(push, "Authorization");
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
        return api.post(ShopeePaths.SEND_AUTOREPLY, body.put("content", new JsonObject().put("text", message.text())))
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
        return imageUrl(message).compose(url -> api.post(ShopeePaths.SEND_MESSAGE, body.put("message_type", "image")
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
    return api.post(ShopeePaths.SEND_MESSAGE, body).compose(this::sendResult);
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
    return api.upload(ShopeePaths.UPLOAD_IMAGE, message.imageBytes(), message.imageFileName()).compose(r -> {
      String url = r.getString(uploadUrlField);
      return url == null || url.isBlank()
          ? Future.failedFuture(new AdapterException(ErrorKind.MALFORMED, null,
              "Shopee upload_image answered without '" + uploadUrlField + "' (option uploadImageUrlField)"))
          : Future.succeededFuture(url);
    });
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

  @Override
  public Future<PollResult> poll(String cursor) {
    return poller.poll(cursor);
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
    return api.post(ShopeePaths.READ_CONVERSATION, new JsonObject().put("conversation_id", conversationId)
        .put("last_read_message_id", lastReadMessageId)).mapEmpty();
  }

  @Override
  public Future<LostPushes> fetchLostPushes() {
    return lostPushes.fetch();
  }

  @Override
  public List<InboundMessage> mapLostPush(LostPushes.Push push) {
    return lostPushes.map(push);
  }

  @Override
  public Future<Void> confirmLostPushes(String confirmId) {
    return lostPushes.confirm(confirmId);
  }

  @Override
  public String lostPushScope() {
    return "shopee:" + account.credentials().appKey() + "@" + account.apiBaseUrl();
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
    return api.get(ShopeePaths.GET_MESSAGE, Map.of("conversation_id", message.platformConversationId(), "page_size", "60"))
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
}
