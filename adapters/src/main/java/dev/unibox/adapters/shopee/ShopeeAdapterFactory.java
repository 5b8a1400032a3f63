package dev.unibox.adapters.shopee;

import dev.unibox.adapters.spi.AccountConfig;
import dev.unibox.adapters.spi.AdapterContext;
import dev.unibox.adapters.spi.PlatformAdapter;
import dev.unibox.adapters.spi.PlatformAdapterFactory;
import dev.unibox.adapters.spi.PushRequest;
import dev.unibox.adapters.support.HttpSupport;
import dev.unibox.adapters.support.PushBodies;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

public final class ShopeeAdapterFactory implements PlatformAdapterFactory {

  /** What a push of this platform is called in errors. */
  private static final String PUSH = "Shopee push";

  public static final String PLATFORM = "shopee";

  @Override
  public String platform() {
    return PLATFORM;
  }

  @Override
  public String claimedShopId(PushRequest push) {
    return PushBodies.claimedId(push, PUSH, "shop_id", ShopeeIds::fromJson);
  }

  @Override
  public PlatformAdapter create(Vertx vertx, AccountConfig account, AdapterContext context) {
    return new ShopeeAdapter(vertx, account, context);
  }

  /** Same as {@link #create(Vertx, AccountConfig)} with the given clock (tests move time). */
  public ShopeeAdapter create(Vertx vertx, AccountConfig account, Clock clock) {
    return new ShopeeAdapter(vertx, account, clock);
  }

  /** Refuses unusable Shopee settings, listing every problem at once. */
  static AccountConfig validated(AccountConfig account) {
    List<String> problems = new ArrayList<>();
    if (!HttpSupport.isHttpUrl(account.apiBaseUrl())) {
      problems.add("apiBaseUrl must be an http(s) URL, e.g. https://partner.shopeemobile.com");
    }
    if (!ShopeeIds.isValid(account.shopId())) {
      problems.add("shopId must be a Shopee shop id (a number)");
    }
    if (account.credentials() == null) {
      problems.add("credentials are missing");
    } else {
      if (!ShopeeIds.isValid(account.credentials().appKey())) {
        problems.add("appKey must be the Shopee partner_id (a number)");
      }
      if (account.credentials().appSecret() == null || account.credentials().appSecret().isEmpty()) {
        problems.add("appSecret (the Shopee partner_key) is missing");
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("Shopee account " + account.accountId() + ": " + String.join("; ", problems));
    }
    return account;
  }

  static JsonObject parseObject(PushRequest push) {
    return PushBodies.jsonObject(push, PUSH);
  }
}
