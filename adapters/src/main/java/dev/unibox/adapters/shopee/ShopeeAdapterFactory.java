package dev.unibox.adapters.shopee;

import dev.unibox.adapters.spi.AccountConfig;
import dev.unibox.adapters.spi.PushRequest;
import dev.unibox.adapters.support.HttpSupport;
import dev.unibox.adapters.support.PushBodies;
import dev.unibox.adapters.support.StandardAdapterFactory;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

public final class ShopeeAdapterFactory extends StandardAdapterFactory {

  public static final String PLATFORM = "shopee";
  private static final String PUSH = "Shopee push";

  /** Pushes name the shop as {@code shop_id}, a number. */
  public ShopeeAdapterFactory() {
    super(PLATFORM, PUSH, "shop_id", ShopeeIds::fromJson, ShopeeAdapter::new);
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
