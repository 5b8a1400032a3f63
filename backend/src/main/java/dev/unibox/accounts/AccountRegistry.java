package dev.unibox.accounts;

import dev.unibox.adapters.spi.AccountConfig;
import dev.unibox.adapters.spi.PlatformAdapter;
import dev.unibox.adapters.spi.PlatformAdapters;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The running adapter of every configured platform account, by account id and by (platform, shop id). */
public final class AccountRegistry {

  private final Map<String, PlatformAdapter> byId = new ConcurrentHashMap<>();
  private final Map<String, PlatformAdapter> byShop = new ConcurrentHashMap<>();

  public Future<Void> startAll(Vertx vertx, List<AccountConfig> accounts) {
    Future<Void> chain = Future.succeededFuture();
    for (AccountConfig account : accounts) {
      chain = chain.compose(v -> {
        PlatformAdapter adapter = PlatformAdapters.factory(account.platform()).create(vertx, account);
        return adapter.start().onSuccess(x -> {
          byId.put(account.accountId(), adapter);
          byShop.put(shopKey(account.platform(), account.shopId()), adapter);
        });
      });
    }
    return chain;
  }

  public Optional<PlatformAdapter> byAccount(String accountId) {
    return Optional.ofNullable(byId.get(accountId));
  }

  public Optional<PlatformAdapter> byShop(String platform, String shopId) {
    return Optional.ofNullable(byShop.get(shopKey(platform, shopId)));
  }

  public Future<Void> stopAll() {
    return Future.all(byId.values().stream().map(PlatformAdapter::stop).toList()).mapEmpty();
  }

  private static String shopKey(String platform, String shopId) {
    return platform + "/" + shopId;
  }
}
