package dev.unibox.adapters.shopee;

import static dev.unibox.adapters.shopee.ShopeeTestAccounts.await;
import static dev.unibox.adapters.shopee.ShopeeTestAccounts.failure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.adapters.contract.MutableClock;
import dev.unibox.adapters.shopee.fake.FakeShopee;
import dev.unibox.adapters.spi.AccountConfig;
import dev.unibox.adapters.spi.AccountCredentials;
import dev.unibox.adapters.spi.AccountEvents;
import dev.unibox.adapters.spi.AdapterContext;
import dev.unibox.adapters.spi.AdapterException;
import dev.unibox.adapters.spi.ErrorKind;
import dev.unibox.adapters.spi.InMemoryCredentialStore;
import dev.unibox.adapters.spi.InboundMessage;
import dev.unibox.adapters.spi.LostPushes;
import dev.unibox.adapters.spi.OutboundMessage;
import dev.unibox.adapters.spi.SendResult;
import dev.unibox.adapters.spi.TokenSet;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Shopee beyond the contract: rich sends, proactive refresh, dead tokens, lost-push recovery. */
@ExtendWith(VertxExtension.class)
class ShopeeLifecycleTest {

  private static final long PARTNER = 2_007_007L;
  private static final String KEY = "lifecycle-partner-key";
  private static final long SHOP_A = 771_001L;
  private static final long SHOP_B = 771_002L;
  private static final String CALLBACK = "http://127.0.0.1:1/unreachable-webhook";

  private Vertx vertx;
  private MutableClock clock;
  private FakeShopee shopee;
  private final List<String> deadAccounts = new CopyOnWriteArrayList<>();
  private final List<Instant> refreshedExpiries = new CopyOnWriteArrayList<>();
  private final AccountEvents events = new AccountEvents() {
    @Override
    public void tokenDead(String accountId, String reason) {
      deadAccounts.add(accountId);
    }

    @Override
    public void tokenRefreshed(String accountId, Instant accessExpiresAt) {
      refreshedExpiries.add(accessExpiresAt);
    }
  };
  private final List<ShopeeAdapter> adapters = new ArrayList<>();

  @BeforeEach
  void setUp(Vertx vertx) {
    this.vertx = vertx;
    clock = MutableClock.startingNow();
    shopee = await(new FakeShopee(vertx, PARTNER, KEY, clock)
        .addShop(SHOP_A, "a", "acc-a", "ref-a", CALLBACK)
        .addShop(SHOP_B, "b", "acc-b", "ref-b", CALLBACK)
        .start(0));
  }

  @AfterEach
  void tearDown() {
    adapters.forEach(ShopeeAdapter::stop);
    await(shopee.stop());
  }

  private ShopeeAdapter adapter(long shop, String access, String refresh, Map<String, String> options,
                                InMemoryCredentialStore store) {
    AccountConfig account = new AccountConfig("acct-" + shop, "shopee", Long.toString(shop), "s", "MY", "UTC",
        shopee.baseUrl(), CALLBACK, new AccountCredentials(Long.toString(PARTNER), KEY, access, refresh), options);
    ShopeeAdapter a = new ShopeeAdapter(vertx, account, new AdapterContext(clock, store, events));
    await(a.start());
    adapters.add(a);
    return a;
  }

  private ShopeeAdapter adapterA() {
    return adapter(SHOP_A, "acc-a", "ref-a", Map.of(), new InMemoryCredentialStore());
  }

  @Test
  void imageIsUploadedFirstThenSentByItsUrl() {
    ShopeeAdapter a = adapterA();

    await(a.send(new OutboundMessage("k1", null, "9001", "image", null, new byte[] {1, 2, 3, 4}, "p.png")));

    assertThat(shopee.uploads()).hasSize(1);
    assertThat(shopee.acceptedSends()).singleElement().satisfies(s -> {
      assertThat(s.getString("message_type")).isEqualTo("image");
      assertThat(s.getJsonObject("content").getString("image_url")).isEqualTo(shopee.uploads().get(0));
    });
  }

  @Test
  void imageOverTwoMegabytesIsRefusedBeforeUploading() {
    ShopeeAdapter a = adapterA();

    Throwable e = failure(a.send(new OutboundMessage("k1", null, "9001", "image", null,
        new byte[2 * 1024 * 1024 + 1], "big.jpg")));

    assertThat(((AdapterException) e).kind()).isEqualTo(ErrorKind.PERMANENT);
    assertThat(shopee.uploads()).isEmpty();
  }

  @Test
  void productAndOrderCardsAreSentWithTheirIds() {
    ShopeeAdapter a = adapterA();

    await(a.send(new OutboundMessage("k1", null, "9001", "item", "18446744073709551000")));
    await(a.send(new OutboundMessage("k2", null, "9001", "order", "2311230ABCDEF")));

    assertThat(shopee.acceptedSends()).hasSize(2);
    assertThat(shopee.acceptedSends().get(0).getJsonObject("content").getValue("item_id").toString())
        .isEqualTo("18446744073709551000");
    assertThat(shopee.acceptedSends().get(1).getJsonObject("content").getString("order_sn")).isEqualTo("2311230ABCDEF");
    assertThat(failure(a.send(new OutboundMessage("k3", null, "9001", "item", "not-a-number"))))
        .isInstanceOf(AdapterException.class);
  }

  @Test
  void tokenIsRefreshedBeforeItExpiresWithoutAnyRefusedCall() {
    InMemoryCredentialStore store = new InMemoryCredentialStore();
    ShopeeAdapter a = adapter(SHOP_A, "acc-a", "ref-a",
        Map.of("accessTokenExpiresAt", clock.instant().plusSeconds(120).toString()), store);

    await(a.send(new OutboundMessage("k1", null, "9001", "text", "hi")));

    assertThat(shopee.refreshes()).isEqualTo(1);
    assertThat(shopee.rejectedCalls()).isZero();
    TokenSet saved = store.current("acct-" + SHOP_A).orElseThrow();
    assertThat(saved.accessToken()).isEqualTo(shopee.accessToken(SHOP_A));
    assertThat(saved.refreshToken()).isEqualTo(shopee.refreshToken(SHOP_A));
    assertThat(a.accessTokenExpiresAt()).contains(clock.instant().plusSeconds(4 * 3600));
    assertThat(refreshedExpiries).hasSize(1);
  }

  @Test
  void concurrentCallsAfterExpirySpendTheSingleUseRefreshTokenOnce() {
    ShopeeAdapter a = adapterA();
    shopee.expireAccessToken(SHOP_A);

    List<Future<SendResult>> sends = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      sends.add(a.send(new OutboundMessage("k" + i, null, "9001", "text", "n" + i)));
    }
    await(Future.all(sends));

    assertThat(shopee.refreshes()).isEqualTo(1);
    assertThat(shopee.acceptedSends()).hasSize(5);
  }

  @Test
  void savedPairWinsOverTheConfiguredOneAfterARestart() {
    InMemoryCredentialStore store = new InMemoryCredentialStore();
    ShopeeAdapter first = adapter(SHOP_A, "acc-a", "ref-a", Map.of(), store);
    shopee.expireAccessToken(SHOP_A);
    await(first.send(new OutboundMessage("k1", null, "9001", "text", "one")));

    ShopeeAdapter restarted = adapter(SHOP_A, "acc-a", "ref-a", Map.of(), store);
    await(restarted.send(new OutboundMessage("k2", null, "9001", "text", "two")));

    assertThat(shopee.refreshes()).as("the spent config refresh token is never used again").isEqualTo(1);
    assertThat(shopee.acceptedSends()).hasSize(2);
  }

  @Test
  void deadRefreshTokenPausesOnlyThatAccountAndRaisesOneAlert() {
    ShopeeAdapter a = adapterA();
    ShopeeAdapter b = adapter(SHOP_B, "acc-b", "ref-b", Map.of(), new InMemoryCredentialStore());
    shopee.expireAccessToken(SHOP_A);
    shopee.expireRefreshToken(SHOP_A);

    AdapterException e = (AdapterException) failure(a.send(new OutboundMessage("k1", null, "9001", "text", "x")));
    AdapterException again = (AdapterException) failure(a.poll(null));

    assertThat(e.kind()).isEqualTo(ErrorKind.TOKEN_DEAD);
    assertThat(again.kind()).isEqualTo(ErrorKind.TOKEN_DEAD);
    assertThat(a.tokenDead()).isTrue();
    assertThat(deadAccounts).containsExactly("acct-" + SHOP_A);
    await(b.send(new OutboundMessage("k2", null, "9001", "text", "b still works")));
    assertThat(shopee.acceptedSends()).singleElement()
        .satisfies(s -> assertThat(s.getLong("shop_id")).isEqualTo(SHOP_B));
  }

  @Test
  void lostPushesAreFetchedMappedPerShopAndConfirmed() {
    ShopeeAdapter a = adapterA();
    ShopeeAdapter b = adapter(SHOP_B, "acc-b", "ref-b", Map.of(), new InMemoryCredentialStore());
    shopee.pushFaults().dropNext(3);
    await(shopee.pushBuyerText(SHOP_A, "5001", "Ann", "lost one"));
    await(shopee.pushBuyerText(SHOP_B, "5002", "Ben", "lost two"));
    await(shopee.pushBuyerText(SHOP_A, "5001", "Ann", "lost three"));
    assertThat(shopee.unconsumedLostPushes()).isEqualTo(3);

    LostPushes page = await(a.fetchLostPushes());
    List<InboundMessage> forA = page.pushes().stream().flatMap(p -> a.mapLostPush(p).stream()).toList();
    List<InboundMessage> forB = page.pushes().stream().flatMap(p -> b.mapLostPush(p).stream()).toList();
    await(a.confirmLostPushes(page.confirmId()));

    assertThat(a.lostPushScope()).isEqualTo(b.lostPushScope());
    assertThat(forA).extracting(InboundMessage::text).containsExactly("lost one", "lost three");
    assertThat(forB).extracting(InboundMessage::text).containsExactly("lost two");
    assertThat(forA).allSatisfy(m -> assertThat(m.accountId()).isEqualTo("acct-" + SHOP_A));
    assertThat(shopee.unconsumedLostPushes()).isZero();
    assertThat(await(a.fetchLostPushes()).pushes()).isEmpty();
  }

  @Test
  void pushThatGotNoAnswerAlsoLandsInTheLostQueue() {
    adapterA();
    await(shopee.pushBuyerText(SHOP_A, "5001", "Ann", "nobody listens at the callback URL"));

    assertThat(shopee.unconsumedLostPushes()).isEqualTo(1);
  }

  @Test
  void retryAfterAsAnHttpDateIsHonoured() {
    assertThat(dev.unibox.adapters.support.HttpSupport.retryAfter("Wed, 21 Oct 2099 07:28:00 GMT", clock))
        .isGreaterThan(Duration.ofDays(1000));
    assertThat(dev.unibox.adapters.support.HttpSupport.retryAfter("12", clock)).isEqualTo(Duration.ofSeconds(12));
    assertThat(dev.unibox.adapters.support.HttpSupport.retryAfter("soon", clock)).isNull();
  }
}
