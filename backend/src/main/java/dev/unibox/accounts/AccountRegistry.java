package dev.unibox.accounts;

import dev.unibox.adapters.spi.AccountConfig;
import dev.unibox.adapters.spi.AdapterContext;
import dev.unibox.adapters.spi.PlatformAdapter;
import dev.unibox.adapters.spi.PlatformAdapters;
import dev.unibox.adapters.spi.PlatformProfile;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The running adapter of every platform account, by account id and by (platform, shop id). Accounts can be
 * added, paused, resumed and removed at runtime. A paused account keeps its adapter (pushes are still
 * verified and stored, so nothing the platform delivers is lost) but is neither polled nor sent through.
 */
public final class AccountRegistry {

  private final Map<String, PlatformAdapter> byId = new ConcurrentHashMap<>();
  private final Map<String, PlatformAdapter> byShop = new ConcurrentHashMap<>();
  private final Set<String> paused = ConcurrentHashMap.newKeySet();
  private volatile Function<AccountConfig, AdapterContext> contexts = a -> AdapterContext.standalone();

  /** How adapters get their clock, credential store and event sink (the backend's, once wired). */
  public void useContexts(Function<AccountConfig, AdapterContext> contexts) {
    this.contexts = contexts;
  }

  public Future<Void> startAll(Vertx vertx, List<AccountConfig> accounts) {
    Future<Void> chain = Future.succeededFuture();
    for (AccountConfig account : accounts) {
      chain = chain.compose(v -> start(vertx, account));
    }
    return chain;
  }

  /** Creates and starts one account's adapter and registers it. */
  public Future<Void> start(Vertx vertx, AccountConfig account) {
    PlatformAdapter adapter;
    try {
      adapter = PlatformAdapters.factory(account.platform()).create(vertx, account, contexts.apply(account));
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return adapter.start().onSuccess(x -> {
      byId.put(account.accountId(), adapter);
      byShop.put(shopKey(account.platform(), account.shopId()), adapter);
    });
  }

  /** Stops and forgets an account's adapter. */
  public Future<Void> remove(String accountId) {
    PlatformAdapter adapter = byId.remove(accountId);
    paused.remove(accountId);
    if (adapter == null) {
      return Future.succeededFuture();
    }
    byShop.remove(shopKey(adapter.account().platform(), adapter.account().shopId()));
    return adapter.stop();
  }

  public void setPaused(String accountId, boolean isPaused) {
    if (isPaused) {
      paused.add(accountId);
    } else {
      paused.remove(accountId);
    }
  }

  public boolean isPaused(String accountId) {
    return paused.contains(accountId);
  }

  public Optional<PlatformAdapter> byAccount(String accountId) {
    return Optional.ofNullable(byId.get(accountId));
  }

  public Optional<PlatformAdapter> byShop(String platform, String shopId) {
    return Optional.ofNullable(byShop.get(shopKey(platform, shopId)));
  }

  public List<String> accountIds() {
    return byId.keySet().stream().sorted().toList();
  }

  public List<PlatformAdapter> all() {
    return byId.values().stream().sorted(Comparator.comparing(a -> a.account().accountId())).toList();
  }

  /** The platform profile (service rules as data) of an account, when it is running. */
  public Optional<PlatformProfile> platformProfile(String accountId) {
    return byAccount(accountId).map(a -> PlatformAdapters.factory(a.account().platform()).profile());
  }

  /** True for the one account (lowest id, not paused) that fetches its scope's lost pushes. */
  public boolean isLostPushLeader(String accountId) {
    PlatformAdapter me = byId.get(accountId);
    if (me == null || me.lostPushScope() == null) {
      return false;
    }
    return byId.values().stream()
        .filter(a -> me.lostPushScope().equals(a.lostPushScope()) && !paused.contains(a.account().accountId()))
        .map(a -> a.account().accountId()).min(String::compareTo).map(accountId::equals).orElse(false);
  }

  public Future<Void> stopAll() {
    return Future.all(byId.values().stream().map(PlatformAdapter::stop).toList()).mapEmpty();
  }

  private static String shopKey(String platform, String shopId) {
    return platform + "/" + shopId;
  }
}
