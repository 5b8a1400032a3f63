package dev.unibox.adapters.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.unibox.adapters.spi.AccountConfig;
import dev.unibox.adapters.spi.AdapterContext;
import dev.unibox.adapters.spi.AdapterException;
import dev.unibox.adapters.spi.BuyerOrder;
import dev.unibox.adapters.spi.ErrorKind;
import dev.unibox.adapters.spi.OutboundMessage;
import dev.unibox.adapters.spi.PlatformAdapterFactory;
import dev.unibox.adapters.spi.PlatformAdapters;
import dev.unibox.adapters.spi.SendResult;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The contract every platform adapter passes, bridge included (the vertx-sql-client {@code DriverTestBase}
 * pattern): a platform's test extends this class and supplies only its factory and a driver for its fake
 * platform server. Everything runs on loopback against the fake, which verifies every call we make. Here the
 * outbound half (sends and their failures, tokens, read marks, buyer orders); the inbound half is
 * {@link InboundContract}.
 */
public abstract class PlatformAdapterContract extends InboundContract {

  protected PlatformAdapterContract(PlatformAdapterFactory factory, Supplier<Fake> fakes) {
    super(factory, fakes);
  }

  @Test
  void factoryIsFoundByServiceLoader() {
    assertThat(PlatformAdapters.factory(factory().platform()).getClass()).isEqualTo(factory().getClass());
    assertThat(factory().profile().platform()).isEqualTo(factory().platform());
  }

  @Test
  void sendIsSignedAndRecordedOnce() {
    Delivered d = await(fake.buyerWrites("carol", "Carol", "hello?"));

    SendResult result = await(adapter.send(text(d, "Hello Carol, yes it is in stock.")));

    assertThat(fake.sends()).singleElement().satisfies(s -> {
      assertThat(s.type()).isEqualTo("text");
      assertThat(s.content()).isEqualTo("Hello Carol, yes it is in stock.");
      assertThat(s.messageId()).isEqualTo(result.platformMessageId());
    });
    assertThat(result.sentAt()).isNotNull();
    assertThat(fake.rejectedCalls()).isZero();
  }

  @Test
  void textOverThePlatformLimitIsRefusedBeforeSending() {
    Delivered d = await(fake.buyerWrites("dave", "Dave", "hi"));
    int max = adapter.capabilities().maxTextLength();

    AdapterException e = adapterFailure(adapter.send(text(d, "x".repeat(max + 1))));

    assertThat(e.kind()).isEqualTo(ErrorKind.PERMANENT);
    assertThat(e.getMessage()).contains(Integer.toString(max));
    assertThat(fake.sends()).isEmpty();
  }

  @Test
  void rateLimitIsClassifiedWithTheRetryAfterAndNothingIsSent() {
    Delivered d = await(fake.buyerWrites("erin", "Erin", "hi"));
    fake.rateLimitNextCalls(1, 7);

    AdapterException e = adapterFailure(adapter.send(text(d, "one")));

    assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
    assertThat(e.kind().retryable()).isTrue();
    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
    assertThat(fake.sends()).isEmpty();
    await(adapter.send(text(d, "one")));
    assertThat(fake.sends()).hasSize(1);
  }

  @Test
  void transientFailureIsRetryableAndNothingIsSent() {
    Delivered d = await(fake.buyerWrites("fay", "Fay", "hi"));
    fake.failNextSendsTransiently(1);

    AdapterException e = adapterFailure(adapter.send(text(d, "one")));

    assertThat(e.kind()).isEqualTo(ErrorKind.TRANSIENT);
    assertThat(fake.sends()).isEmpty();
  }

  @Test
  void unsupportedMessageTypeIsPermanent() {
    Delivered d = await(fake.buyerWrites("gus", "Gus", "hi"));

    AdapterException e = adapterFailure(adapter.send(
        new OutboundMessage("k-1", d.conversationId(), d.buyerId(), "hologram", "x")));

    assertThat(e.kind()).isEqualTo(ErrorKind.PERMANENT);
    assertThat(fake.sends()).isEmpty();
  }

  @Test
  void tokenExpiringMidSendIsRefreshedPersistedAndTheSendHappensOnce() {
    Delivered d = await(fake.buyerWrites("jack", "Jack", "hi"));
    if (!adapter.capabilities().tokenRefresh()) {
      await(adapter.send(text(d, "no tokens here")));
      assertThat(fake.sends()).hasSize(1);
      return;
    }
    fake.expireAccessToken();

    SendResult result = await(adapter.send(text(d, "still there")));

    assertThat(fake.refreshes()).isEqualTo(1);
    assertThat(credentials.saves()).as("new pair persisted before use").isEqualTo(1);
    assertThat(credentials.current(account.accountId())).isPresent();
    assertThat(fake.sends()).singleElement().satisfies(s -> {
      assertThat(s.content()).isEqualTo("still there");
      assertThat(s.messageId()).isEqualTo(result.platformMessageId());
    });
    assertThat(adapter.tokenDead()).isFalse();
  }

  @Test
  void aMalformedTokenExpiryIsRefusedNamingTheAccount() {
    if (!adapter.capabilities().tokenRefresh()) {
      assertThat(adapter.accessTokenExpiresAt()).as("no tokens, no expiry to read").isEmpty();
      return;
    }
    Map<String, String> options = new HashMap<>(account.options());
    options.put("accessTokenExpiresAt", "tomorrow");
    AccountConfig bad = new AccountConfig(account.accountId(), account.platform(), account.shopId(), account.shopName(),
        account.region(), account.timeZone(), account.apiBaseUrl(), account.callbackUrl(), account.credentials(), options);
    assertThatThrownBy(() -> factory().create(vertx, bad,
            new AdapterContext(clock, credentials, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(account.accountId()).hasMessageContaining("accessTokenExpiresAt");
  }

  @Test
  void newTokenPairIsNeverUsedBeforeItIsPersisted() {
    Delivered d = await(fake.buyerWrites("kim", "Kim", "hi"));
    if (!adapter.capabilities().tokenRefresh()) {
      assertThat(adapter.accessTokenExpiresAt()).isEmpty();
      return;
    }
    fake.expireAccessToken();
    credentials.failSaves(true);

    AdapterException e = adapterFailure(adapter.send(text(d, "wait")));

    assertThat(e.kind()).isEqualTo(ErrorKind.TRANSIENT);
    assertThat(fake.sends()).isEmpty();
    credentials.failSaves(false);
    await(adapter.send(text(d, "wait")));
    assertThat(fake.refreshes()).as("the single-use refresh token was spent once").isEqualTo(1);
    assertThat(fake.sends()).hasSize(1);
  }

  @Test
  void markReadReachesThePlatformWhenSupported() {
    Delivered d = await(fake.buyerWrites("max", "Max", "hi"));
    if (!adapter.capabilities().markRead()) {
      await(adapter.markRead(d.conversationId(), d.messageId()));
      assertThat(fake.reads()).isEmpty();
      return;
    }

    await(adapter.markRead(d.conversationId(), d.messageId()));

    assertThat(fake.reads()).containsExactly(d.conversationId());
  }

  @Test
  void capabilitiesAreCoherent() {
    assertThat(adapter.capabilities().text()).isTrue();
    assertThat(adapter.capabilities().maxTextLength()).isPositive();
    assertThat(adapter.capabilities().supports("text")).isTrue();
    assertThat(adapter.capabilities().supports("hologram")).isFalse();
  }

  @Test
  void deadRefreshTokenIsTokenDead() {
    Delivered d = await(fake.buyerWrites("yan", "Yan", "hi"));
    if (!adapter.capabilities().tokenRefresh()) {
      assertThat(adapter.tokenDead()).isFalse();
      return;
    }
    until(() -> !webhook.received().isEmpty());
    fake.expireAccessToken();
    fake.expireRefreshToken();

    AdapterException e = adapterFailure(adapter.send(text(d, "x")));

    assertThat(e.kind()).isEqualTo(ErrorKind.TOKEN_DEAD);
    assertThat(adapter.tokenDead()).isTrue();
    assertThat(fake.sends()).isEmpty();
  }

  @Test
  void buyerOrdersAreTheBuyersOwnNewestFirstAmongManyPages() {
    Delivered d = await(fake.buyerWrites("orla", "Orla", "where is my order?"));
    Instant now = clock.instant();
    boolean lists = fake.addOrder(d.buyerId(), "2611300001", "READY_TO_SHIP", "59.90", "MYR",
        now.minus(Duration.ofHours(2)), List.of("Vase", "Gift wrap"));
    assertThat(adapter.capabilities().buyerOrders()).as("the capability says what the adapter does").isEqualTo(lists);
    if (!lists) {
      assertThat(await(adapter.buyerOrders(d.buyerId()))).isEmpty();
      return;
    }
    fake.addOrder(d.buyerId(), "2611250002", "COMPLETED", "25", "MYR", now.minus(Duration.ofDays(5)), List.of("Candle"));
    // 230 orders of other buyers in between: several pages of every platform's list and of its detail calls
    for (int i = 0; i < 230; i++) {
      fake.addOrder(Long.toString(9_000_000L + i), Long.toString(2_611_290_000L + i), "COMPLETED", "10.00", "MYR",
          now.minusSeconds(600L * i), List.of("Mug"));
    }
    int rejectedBefore = fake.rejectedCalls();

    List<BuyerOrder> orders = await(adapter.buyerOrders(d.buyerId()));

    assertThat(orders).extracting(BuyerOrder::orderId).containsExactly("2611300001", "2611250002");
    BuyerOrder first = orders.get(0);
    assertThat(first.status()).isNotBlank();
    assertThat(first.total()).isEqualTo("59.9");
    assertThat(first.currency()).isEqualTo("MYR");
    assertThat(first.items()).containsExactly("Vase", "Gift wrap");
    assertThat(first.createdAt()).isEqualTo(now.minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS));
    assertThat(orders.get(1).total()).isEqualTo("25");
    assertThat(fake.rejectedCalls()).as("every order call signed as the platform checks it").isEqualTo(rejectedBefore);
    assertThat(await(adapter.buyerOrders("8123456789"))).as("a buyer without orders").isEmpty();

    fake.rateLimitNextCalls(1, 7);
    assertThat(adapterFailure(adapter.buyerOrders(d.buyerId())).kind()).isEqualTo(ErrorKind.RATE_LIMITED);
  }
}
