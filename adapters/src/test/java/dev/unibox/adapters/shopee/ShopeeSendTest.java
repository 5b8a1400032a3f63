package dev.unibox.adapters.shopee;

import static dev.unibox.adapters.shopee.ShopeeTestAccounts.ACCESS_TOKEN;
import static dev.unibox.adapters.shopee.ShopeeTestAccounts.CALLBACK_URL;
import static dev.unibox.adapters.shopee.ShopeeTestAccounts.PARTNER_ID;
import static dev.unibox.adapters.shopee.ShopeeTestAccounts.PARTNER_KEY;
import static dev.unibox.adapters.shopee.ShopeeTestAccounts.SHOP_ID;
import static dev.unibox.adapters.shopee.ShopeeTestAccounts.await;
import static dev.unibox.adapters.shopee.ShopeeTestAccounts.failure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.adapters.shopee.fake.FakeShopee;
import dev.unibox.adapters.spi.AdapterException;
import dev.unibox.adapters.spi.ErrorKind;
import dev.unibox.adapters.spi.OutboundMessage;
import dev.unibox.adapters.spi.SendResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class ShopeeSendTest {

  private static final String BUYER = "412873650";

  private Vertx vertx;
  private FakeShopee shopee;
  private ShopeeAdapter adapter;

  @BeforeEach
  void setUp(Vertx vertx) {
    this.vertx = vertx;
    shopee = ShopeeTestAccounts.startFakeShopee(vertx, CALLBACK_URL);
    adapter = adapter(PARTNER_KEY, Map.of(), Clock.systemUTC());
  }

  @AfterEach
  void tearDown() {
    adapter.stop();
    await(shopee.stop());
  }

  private ShopeeAdapter adapter(String partnerKey, Map<String, String> options, Clock clock) {
    return new ShopeeAdapterFactory().create(vertx,
        ShopeeTestAccounts.account(shopee.baseUrl(), CALLBACK_URL, partnerKey, options), clock);
  }

  private static OutboundMessage text(String text) {
    return new OutboundMessage("outbox-1", null, BUYER, "text", text);
  }

  @Test
  void signedSendIsAcceptedAndRecordedOnce() {
    SendResult result = await(adapter.send(text("Hi, sorry about that! We will send a replacement today.")));

    assertThat(shopee.acceptedSends()).singleElement().satisfies(sent -> {
      assertThat(sent.getLong("shop_id")).isEqualTo(SHOP_ID);
      assertThat(sent.getValue("to_id").toString()).isEqualTo(BUYER);
      assertThat(sent.getString("message_type")).isEqualTo("text");
      assertThat(sent.getJsonObject("content"))
          .isEqualTo(new JsonObject().put("text", "Hi, sorry about that! We will send a replacement today."));
      assertThat(sent.getString("message_id")).isEqualTo(result.platformMessageId());
    });
    assertThat(result.sentAt()).isNotNull();
    assertThat(shopee.rejectedCalls()).isZero();
  }

  @Test
  void autoRepliesGoThroughShopeesAutoReplyCall() {
    SendResult result = await(adapter.send(new OutboundMessage("outbox-9", null, BUYER, ShopeeAdapter.AUTOREPLY_TYPE,
        "We have your message; an agent is coming.")));

    assertThat(shopee.acceptedSends()).singleElement().satisfies(sent -> {
      assertThat(sent.getBoolean("auto_reply")).isTrue();
      assertThat(sent.getString("message_type")).isEqualTo("text");
      assertThat(sent.getJsonObject("content").getString("text")).isEqualTo("We have your message; an agent is coming.");
      assertThat(sent.getString("message_id")).isEqualTo(result.platformMessageId());
    });
    assertThat(shopee.rejectedCalls()).as("signed for the send_autoreply_message path").isZero();
    await(adapter.send(text("a human reply")));
    assertThat(shopee.acceptedSends().get(1).getBoolean("auto_reply")).isFalse();
  }

  @Test
  void buyerIdAboveSignedLongRangeIsSentAsAnExactNumber() {
    await(adapter.send(new OutboundMessage("outbox-2", null, "18446744073709551615", "text", "hello")));

    assertThat(shopee.acceptedSends()).singleElement()
        .satisfies(sent -> assertThat(sent.getValue("to_id").toString()).isEqualTo("18446744073709551615"));
  }

  @Test
  void systemBusyIsTransient() {
    shopee.failNextSends(1, "system_busy");

    AdapterException e = adapterFailure(adapter.send(text("hello")));

    assertThat(e.kind()).isEqualTo(ErrorKind.TRANSIENT);
    assertThat(e.kind().retryable()).isTrue();
    assertThat(e.platformCode()).isEqualTo("system_busy");
    assertThat(shopee.acceptedSends()).isEmpty();

    await(adapter.send(text("hello again")));
    assertThat(shopee.acceptedSends()).hasSize(1);
  }

  @Test
  void rateLimitIsRateLimited() {
    shopee.failNextSends(1, "error_rate_limit");

    AdapterException e = adapterFailure(adapter.send(text("hello")));

    assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
    assertThat(e.platformCode()).isEqualTo("error_rate_limit");
    assertThat(shopee.acceptedSends()).isEmpty();
  }

  @Test
  void wrongPartnerKeyIsBadSignatureAndNothingIsRecorded() {
    ShopeeAdapter wrongKey = adapter("not-the-partner-key", Map.of(), Clock.systemUTC());

    AdapterException e = adapterFailure(wrongKey.send(text("hello")));

    assertThat(e.kind()).isEqualTo(ErrorKind.BAD_SIGNATURE);
    assertThat(e.platformCode()).isEqualTo("error_sign");
    assertNoSecrets(e, "not-the-partner-key");
    assertThat(shopee.acceptedSends()).isEmpty();
    assertThat(shopee.rejectedCalls()).isEqualTo(1);
    wrongKey.stop();
  }

  @Test
  void staleTimestampIsRefusedAsPermanent() {
    ShopeeAdapter slowClock = adapter(PARTNER_KEY, Map.of(), Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10)));

    AdapterException e = adapterFailure(slowClock.send(text("hello")));

    assertThat(e.kind()).isEqualTo(ErrorKind.PERMANENT);
    assertThat(e.platformCode()).isEqualTo("error_param");
    assertThat(e.getMessage()).contains("Timestamp is expired");
    assertThat(shopee.acceptedSends()).isEmpty();
    slowClock.stop();
  }

  @Test
  void tooLongTextIsPermanentAndNeverSent() {
    ShopeeAdapter shortTexts = adapter(PARTNER_KEY, Map.of("maxTextLength", "10"), Clock.systemUTC());

    AdapterException e = adapterFailure(shortTexts.send(text("this is longer than ten")));

    assertThat(shortTexts.capabilities().maxTextLength()).isEqualTo(10);
    assertThat(e.kind()).isEqualTo(ErrorKind.PERMANENT);
    assertThat(e.getMessage()).contains("at most 10");
    assertThat(shopee.acceptedSends()).isEmpty();
    assertThat(shopee.rejectedCalls()).isZero();
    assertThat(adapterFailure(adapter.send(text("x".repeat(1001)))).kind()).isEqualTo(ErrorKind.PERMANENT);
    assertThat(shopee.acceptedSends()).isEmpty();
    shortTexts.stop();
  }

  @Test
  void lostAnswerIsTransientTimeoutWhileShopeeDidProcessIt() {
    ShopeeAdapter impatient = adapter(PARTNER_KEY, Map.of("requestTimeoutMs", "300"), Clock.systemUTC());
    shopee.stallNextSends(1);

    AdapterException e = adapterFailure(impatient.send(text("hello")));

    assertThat(e.kind()).isEqualTo(ErrorKind.TRANSIENT);
    assertThat(e.platformCode()).isEqualTo(ShopeeErrors.TIMEOUT);
    assertNoSecrets(e, PARTNER_KEY);
    assertThat(shopee.acceptedSends()).as("the ambiguity the caller must handle").hasSize(1);
    impatient.stop();
  }

  /**
   * The port is held by a bound socket that never listens: connecting is refused, and no other process can take the
   * port in between (a closed server's port could be reused by a parallel build).
   */
  @Test
  void unreachableShopeeIsTransientAndSaysNothingWasSent() throws Exception {
    try (Socket holder = new Socket()) {
      holder.bind(new InetSocketAddress("127.0.0.1", 0));
      ShopeeAdapter nowhere = new ShopeeAdapter(vertx,
          ShopeeTestAccounts.account("http://127.0.0.1:" + holder.getLocalPort(), CALLBACK_URL), Clock.systemUTC());

      AdapterException e = adapterFailure(nowhere.send(text("hello")));

      assertThat(e.kind()).isEqualTo(ErrorKind.TRANSIENT);
      assertThat(e.platformCode()).isEqualTo(ShopeeErrors.CONNECTION_REFUSED);
      nowhere.stop();
    }
  }

  @Test
  void capabilitiesOfferEverythingShopeeSupports() {
    assertThat(adapter.capabilities().text()).isTrue();
    assertThat(adapter.capabilities().image()).isTrue();
    assertThat(adapter.capabilities().productCard()).isTrue();
    assertThat(adapter.capabilities().orderCard()).isTrue();
    assertThat(adapter.capabilities().markRead()).isTrue();
    assertThat(adapter.capabilities().polling()).isTrue();
    assertThat(adapter.capabilities().lostPushRecovery()).isTrue();
    assertThat(adapter.capabilities().tokenRefresh()).isTrue();
    assertThat(adapter.capabilities().maxTextLength()).isEqualTo(1000);
  }

  @Test
  void errorCodesAreClassifiedAsDocumented() {
    assertThat(ShopeeErrors.classify("invalid_acceess_token", 403)).isEqualTo(ErrorKind.TOKEN_EXPIRED);
    assertThat(ShopeeErrors.classify("error_auth", 403)).isEqualTo(ErrorKind.TOKEN_EXPIRED);
    assertThat(ShopeeErrors.classify("refresh_token_expired", 403)).isEqualTo(ErrorKind.TOKEN_DEAD);
    assertThat(ShopeeErrors.classify("shop_access_expired", 403)).isEqualTo(ErrorKind.TOKEN_DEAD);
    assertThat(ShopeeErrors.classify("error_limit", 429)).isEqualTo(ErrorKind.RATE_LIMITED);
    assertThat(ShopeeErrors.classify("shop_banned", 403)).isEqualTo(ErrorKind.NOT_AUTHORIZED);
    assertThat(ShopeeErrors.classify("source_ip_undeclared", 403)).isEqualTo(ErrorKind.NOT_AUTHORIZED);
    assertThat(ShopeeErrors.classify("", 502)).isEqualTo(ErrorKind.TRANSIENT);
    assertThat(ShopeeErrors.classify("something_new", 400)).isEqualTo(ErrorKind.PERMANENT);
  }

  @Test
  void refusedAccessTokenWithAnUnusableRefreshTokenMakesTheAccountDead() {
    await(shopee.stop());
    shopee = await(new FakeShopee(vertx, PARTNER_ID, PARTNER_KEY)
        .addShop(SHOP_ID, "demoshop.my", "a-newer-token", CALLBACK_URL).start(0));
    ShopeeAdapter stale = adapter(PARTNER_KEY, Map.of(), Clock.systemUTC());

    AdapterException e = adapterFailure(stale.send(text("hello")));

    assertThat(e.kind()).isEqualTo(ErrorKind.TOKEN_DEAD);
    assertThat(stale.tokenDead()).isTrue();
    assertNoSecrets(e, ACCESS_TOKEN);
    assertThat(adapterFailure(stale.send(text("again"))).kind()).as("fails fast, no more calls")
        .isEqualTo(ErrorKind.TOKEN_DEAD);
    assertThat(shopee.acceptedSends()).isEmpty();
    stale.stop();
  }

  private static AdapterException adapterFailure(Future<?> future) {
    Throwable t = failure(future);
    assertThat(t).isInstanceOf(AdapterException.class);
    return (AdapterException) t;
  }

  private static void assertNoSecrets(AdapterException e, String secret) {
    assertThat(e.getMessage()).doesNotContain(secret).doesNotContain(ACCESS_TOKEN).doesNotContain("sign=");
  }
}
