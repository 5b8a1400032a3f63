package dev.unibox.adapters.shopee;

import dev.unibox.adapters.spi.AccountConfig;
import dev.unibox.adapters.spi.AdapterException;
import dev.unibox.adapters.spi.Capabilities;
import dev.unibox.adapters.spi.ErrorKind;
import dev.unibox.adapters.spi.OutboundMessage;
import dev.unibox.adapters.spi.PlatformAdapter;
import dev.unibox.adapters.spi.PushBatch;
import dev.unibox.adapters.spi.PushRequest;
import dev.unibox.adapters.spi.SendResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Clock;
import java.time.Instant;

/**
 * One Shopee shop on Shopee Open Platform v2 ({@code sellerchat}). Credentials: appKey = partner_id,
 * appSecret = partner_key.
 *
 * <p>Options ({@link AccountConfig#options()}), all optional:
 * <ul>
 *   <li>{@code maxTextLength} (default 1000, in Unicode code points): Shopee's text limit is not
 *       documented publicly, so it is configurable; longer replies are refused before calling Shopee;</li>
 *   <li>{@code requestTimeoutMs} (default 10000): how long to wait for Shopee's answer;</li>
 *   <li>{@code shopUserId}: the shop's own chat user id, used to tell shop messages from buyer
 *       messages in pushes (see {@link ShopeePushMapper}).</li>
 * </ul>
 */
public final class ShopeeAdapter implements PlatformAdapter {

  static final String SEND_MESSAGE_PATH = "/api/v2/sellerchat/send_message";
  /** Text only; not supported for TW shops [reported]. Body {to_id, content: {text}} like send_message. */
  static final String SEND_AUTOREPLY_PATH = "/api/v2/sellerchat/send_autoreply_message";
  /** {@link OutboundMessage#type()} of an automatic reply (greeting, off-hours, surge). */
  public static final String AUTOREPLY_TYPE = "autoreply";
  static final int DEFAULT_MAX_TEXT_LENGTH = 1000;
  static final long DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

  private final AccountConfig account;
  private final Clock clock;
  private final WebClient webClient;
  private final ShopeeApiClient api;
  private final ShopeePushMapper pushMapper;
  private final Capabilities capabilities;

  public ShopeeAdapter(Vertx vertx, AccountConfig account, Clock clock) {
    ShopeeAdapterFactory.validate(account);
    long timeoutMs = positiveLongOption(account, "requestTimeoutMs", DEFAULT_REQUEST_TIMEOUT_MS);
    int maxText = (int) positiveLongOption(account, "maxTextLength", DEFAULT_MAX_TEXT_LENGTH);
    this.account = account;
    this.clock = clock;
    this.capabilities = new Capabilities(true, false, false, false, false, maxText);
    this.pushMapper = new ShopeePushMapper(account);
    this.webClient = WebClient.create(vertx, new WebClientOptions().setUserAgent("unibox-shopee-adapter"));
    this.api = new ShopeeApiClient(webClient, account, clock, timeoutMs);
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
  public PushBatch parsePush(PushRequest push) {
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
    return pushMapper.map(ShopeeAdapterFactory.parseObject(push));
  }

  @Override
  public Future<SendResult> send(OutboundMessage message) {
    boolean automatic = AUTOREPLY_TYPE.equals(message.type());
    if (message.type() != null && !"text".equals(message.type()) && !automatic) {
      return Future.failedFuture(new AdapterException(ErrorKind.PERMANENT, null,
          "Message type '" + message.type() + "' is not supported by the Shopee adapter yet"));
    }
    String text = message.text();
    if (text == null || text.isBlank()) {
      return Future.failedFuture(new AdapterException(ErrorKind.PERMANENT, null, "Cannot send an empty text"));
    }
    int length = text.codePointCount(0, text.length());
    if (length > capabilities.maxTextLength()) {
      return Future.failedFuture(new AdapterException(ErrorKind.PERMANENT, null,
          "Text is " + length + " characters long; this Shopee account allows at most "
              + capabilities.maxTextLength() + " (option maxTextLength)"));
    }
    Number toId = ShopeeIds.toJsonNumber(message.buyerId());
    if (toId == null) {
      return Future.failedFuture(new AdapterException(ErrorKind.PERMANENT, null,
          "Buyer id '" + message.buyerId() + "' is not a Shopee user id (unsigned 64-bit number)"));
    }
    if (automatic) {
      // Shopee's own auto-reply call: Shopee leaves these out of the shop's chat response rate.
      JsonObject body = new JsonObject().put("to_id", toId).put("content", new JsonObject().put("text", text));
      return api.post(SEND_AUTOREPLY_PATH, body).compose(this::sendResult);
    }
    JsonObject body = new JsonObject()
        .put("to_id", toId)
        .put("message_type", "text")
        .put("content", new JsonObject().put("text", text));
    return api.post(SEND_MESSAGE_PATH, body).compose(this::sendResult);
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
  public Future<Void> stop() {
    webClient.close();
    return Future.succeededFuture();
  }

  private static long positiveLongOption(AccountConfig account, String name, long defaultValue) {
    String raw = account.options().get(name);
    if (raw == null || raw.isBlank()) {
      return defaultValue;
    }
    try {
      long value = Long.parseLong(raw.trim());
      if (value > 0 && value <= Integer.MAX_VALUE) {
        return value;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new IllegalArgumentException("Account " + account.accountId() + ": option " + name
        + " must be a positive whole number, got '" + raw + "'");
  }
}
