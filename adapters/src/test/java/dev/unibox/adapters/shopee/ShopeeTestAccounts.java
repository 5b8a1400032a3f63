package dev.unibox.adapters.shopee;

import dev.unibox.adapters.spi.AccountConfig;
import dev.unibox.adapters.spi.AccountCredentials;
import dev.unibox.adapters.contract.TestFutures;
import dev.unibox.adapters.shopee.fake.FakeShopee;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** Shared test data for Shopee tests, and the fake Shopee and adapter most of them start. */
public final class ShopeeTestAccounts {

  public static final long PARTNER_ID = 2_001_234L;
  public static final String PARTNER_KEY = "shpk-test-partner-key-0123456789abcdef";
  public static final long SHOP_ID = 88_001L;
  public static final String ACCESS_TOKEN = "token-shop-88001-abcdef";
  public static final String CALLBACK_URL = "https://inbox.example.com/webhooks/shopee";

  private ShopeeTestAccounts() {}

  public static AccountConfig account(String apiBaseUrl, String callbackUrl) {
    return account(apiBaseUrl, callbackUrl, PARTNER_KEY, Map.of());
  }

  public static AccountConfig account(String apiBaseUrl, String callbackUrl, String partnerKey,
      Map<String, String> options) {
    return new AccountConfig("shopee-my-1", "shopee", Long.toString(SHOP_ID), "Demo Shop MY", "MY",
        "Asia/Kuala_Lumpur", apiBaseUrl, callbackUrl,
        new AccountCredentials(Long.toString(PARTNER_ID), partnerKey, ACCESS_TOKEN, "refresh-" + ACCESS_TOKEN), options);
  }

  /** A started fake Shopee holding the test shop, whose pushes go to {@code callbackUrl}. */
  public static FakeShopee startFakeShopee(Vertx vertx, String callbackUrl) {
    return await(new FakeShopee(vertx, PARTNER_ID, PARTNER_KEY)
        .addShop(SHOP_ID, "demoshop.my", ACCESS_TOKEN, callbackUrl).start(0));
  }

  /** The test shop's adapter on that fake, with these options and the system clock. */
  public static ShopeeAdapter adapter(Vertx vertx, FakeShopee shopee, String callbackUrl,
      Map<String, String> options) {
    return new ShopeeAdapterFactory().create(vertx, account(shopee.baseUrl(), callbackUrl, PARTNER_KEY, options),
        Clock.systemUTC());
  }

  /** Waits for a future from the test thread (never an event loop). */
  public static <T> T await(Future<T> future) {
    return TestFutures.await(future, Duration.ofSeconds(5));
  }

  public static <T> T await(Future<T> future, Duration timeout) {
    return TestFutures.await(future, timeout);
  }

  /** The failure of a future that must fail. */
  public static Throwable failure(Future<?> future) {
    return TestFutures.failure(future, Duration.ofSeconds(5));
  }
}
