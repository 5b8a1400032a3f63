package dev.unibox.demo;

import dev.unibox.adapters.shopee.fake.FakeShopee;
import dev.unibox.adapters.simulator.DemoBuyers;
import dev.unibox.adapters.spi.AccountConfig;
import dev.unibox.auth.UserStore;
import dev.unibox.config.UniboxConfig.DemoConfig;
import dev.unibox.config.UniboxConfig.DemoUser;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.SqlClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Demo mode: a fake Shopee on loopback stands in for the platform (it signs, verifies and records
 * exactly like Shopee), simulated buyers write to two shops, and demo users exist.
 */
public final class DemoMode {

  public static final String FAKE_SHOPEE = "fake:shopee";

  private final Vertx vertx;
  private final DemoConfig config;
  private FakeShopee shopee;
  private DemoBuyers buyers;

  public DemoMode(Vertx vertx, DemoConfig config) {
    this.vertx = vertx;
    this.config = config;
  }

  /** Starts the fake Shopee and points the demo accounts at it. */
  public Future<List<AccountConfig>> startPlatform(List<AccountConfig> accounts) {
    shopee = new FakeShopee(vertx, config.partnerId(), config.partnerKey());
    return shopee.start(0).map(started -> accounts.stream()
        .map(a -> FAKE_SHOPEE.equals(a.apiBaseUrl())
            ? new AccountConfig(a.accountId(), a.platform(), a.shopId(), a.shopName(), a.region(), a.timeZone(),
                shopee.baseUrl(), a.callbackUrl(), a.credentials(), a.options())
            : a)
        .toList());
  }

  public Future<Void> createUsers(SqlClient client) {
    Future<Void> chain = Future.succeededFuture();
    for (DemoUser u : config.users()) {
      chain = chain.compose(v -> UserStore.create(client, u.username(), u.displayName(), u.role(), u.password(),
          true, u.maxConcurrent()).mapEmpty());
    }
    return chain;
  }

  /** Registers the shops with the fake platform (pushes go to their callback URLs) and starts the buyers. */
  public void startBuyers(List<AccountConfig> accounts) {
    List<Long> shopIds = new ArrayList<>();
    for (AccountConfig a : accounts) {
      if (a.apiBaseUrl().equals(shopee.baseUrl())) {
        long shopId = Long.parseLong(a.shopId());
        shopee.addShop(shopId, a.shopName(), a.credentials().accessToken(), a.callbackUrl());
        shopIds.add(shopId);
      }
    }
    buyers = new DemoBuyers(vertx, shopee, shopIds, new Random(), Duration.ofMillis(config.meanIntervalMillis()));
    buyers.start();
  }

  public Future<Void> stop() {
    if (buyers != null) {
      buyers.stop();
    }
    return shopee == null ? Future.succeededFuture() : shopee.stop();
  }
}
