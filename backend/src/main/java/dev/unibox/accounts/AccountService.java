package dev.unibox.accounts;

import dev.unibox.adapters.spi.AccountConfig;
import dev.unibox.adapters.spi.AdapterContext;
import dev.unibox.adapters.spi.PlatformAdapters;
import dev.unibox.signals.Kicks;
import dev.unibox.web.ApiException;
import dev.unibox.cluster.DeployedWork;
import dev.unibox.cluster.LeasedWork;
import io.vertx.core.Deployable;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accounts at runtime: starts the configured accounts and those added through the admin API, each with its
 * adapter (given the PostgreSQL credential store and the health sink) and its polling backstop deployment;
 * adds, pauses, resumes and removes accounts without a restart.
 */
public final class AccountService {

  private static final Logger LOG = LoggerFactory.getLogger(AccountService.class);

  private final Vertx vertx;
  private final Pool pool;
  private final AccountRegistry registry;
  private final AccountAdminStore store;
  private final AccountHealth health;
  private final Clock clock;
  private final DeployedWork pollers;
  private final Function<AccountConfig, AccountConfig> resolve;
  /** Event-bus address (cluster-wide): an account was added, paused, resumed or removed on some node. */
  private static final String CHANGED = "unibox.accounts.changed";
  private String node = "";

  /**
   * @param pollers creates the polling backstop verticle of an account
   * @param resolve completes an account's config (e.g. "self:" callback URLs)
   */
  public AccountService(Vertx vertx, Pool pool, AccountRegistry registry, AccountAdminStore store,
                        AccountHealth health, Clock clock, Function<String, Deployable> pollers,
                        Function<AccountConfig, AccountConfig> resolve) {
    this.vertx = vertx;
    this.pool = pool;
    this.registry = registry;
    this.store = store;
    this.health = health;
    this.clock = clock;
    this.pollers = new DeployedWork(vertx, pollers);
    this.resolve = resolve;
    health.attach(registry);
    PgCredentialStore credentials = new PgCredentialStore(pool, store, clock);
    registry.useContexts(a -> new AdapterContext(clock, credentials, health));
  }

  public AccountRegistry registry() {
    return registry;
  }

  /**
   * An account's adapter work on this node (its polling backstop, lost-push recovery and token refresh,
   * and sending its replies): started when this node takes the account's lease, stopped when it lets go.
   */
  public LeasedWork ownedWork() {
    return pollers;
  }

  /** Accounts that should run somewhere now: started here (every node verifies their pushes), not removed. */
  public List<String> runningAccounts() {
    return registry.accountIds();
  }

  /** Starts configured accounts (already synced to the accounts table) and API-added ones, minus removed. */
  public Future<Void> boot(List<AccountConfig> configured) {
    return store.statuses(pool).compose(statuses -> store.apiAccounts(pool).compose(added -> {
      List<AccountConfig> all = new ArrayList<>();
      configured.stream().filter(a -> !"removed".equals(statuses.get(a.accountId()))).forEach(all::add);
      added.stream().map(resolve).forEach(all::add);
      Future<Void> chain = Future.succeededFuture();
      for (AccountConfig a : all) {
        chain = chain.compose(v -> store.ensureHealth(pool, a.accountId(), clock.instant()))
            .compose(v -> registry.start(vertx, a))
            .onSuccess(v -> registry.setPaused(a.accountId(), "paused".equals(statuses.get(a.accountId()))));
      }
      return chain;
    }));
  }

  /** Adds an account (credentials encrypted in the database) and starts it. 4xx on bad input, nothing changed. */
  public Future<Void> add(AccountConfig requested) {
    AccountConfig account = resolve.apply(requested);
    try {
      PlatformAdapters.factory(account.platform());
    } catch (IllegalStateException e) {
      return Future.failedFuture(new ApiException(400, "unknown_platform",
          "No adapter for platform '" + account.platform() + "'; known: " + PlatformAdapters.platforms()));
    }
    try {
      PlatformAdapters.factory(account.platform()).create(vertx, account, AdapterContext.standalone()).stop();
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(new ApiException(400, "invalid_account", e.getMessage()));
    }
    Instant now = clock.instant();
    return store.status(pool, account.accountId()).compose(existing -> {
      if (existing.isPresent() && !"removed".equals(existing.get())) {
        return Future.failedFuture(new ApiException(409, "account_exists",
            "An account with id " + account.accountId() + " exists"));
      }
      return store.shopTakenBy(pool, account.platform(), account.shopId());
    }).compose(taken -> {
      if (taken.isPresent()) {
        return Future.failedFuture(new ApiException(409, "shop_taken",
            "Shop " + account.shopId() + " is already connected as account " + taken.get()));
      }
      return pool.withTransaction(conn -> store.insertApiAccount(conn, account, now));
    }).compose(v -> registry.start(vertx, account))
        .onSuccess(v -> {
          LOG.info("Account {} ({}) added at runtime", account.accountId(), account.platform());
          announce(account.accountId(), "added");
        });
  }

  public Future<Void> pause(String accountId) {
    return known(accountId).compose(v -> store.setStatus(pool, accountId, "paused", "paused by an admin"))
        .onSuccess(v -> {
          registry.setPaused(accountId, true);
          announce(accountId, "paused");
        });
  }

  /** Resumes a paused account; one paused for a dead token is restarted so it re-reads its credentials. */
  public Future<Void> resume(String accountId) {
    return known(accountId).compose(v -> store.setStatus(pool, accountId, "active", null))
        .compose(v -> store.resolveAlerts(pool, accountId, clock.instant()))
        .compose(v -> {
          boolean dead = registry.byAccount(accountId).map(a -> a.tokenDead()).orElse(false);
          if (!dead) {
            registry.setPaused(accountId, false);
            return Future.<Void>succeededFuture();
          }
          AccountConfig config = registry.byAccount(accountId).get().account();
          return registry.remove(accountId).compose(x -> registry.start(vertx, config));
        })
        .compose(v -> store.token(pool, accountId, null, false, clock.instant()))
        .compose(v -> store.releaseHeldReplies(pool, accountId, clock.instant()))
        .onSuccess(v -> {
          announce(accountId, "resumed");
          Kicks.poll(vertx, accountId);
          Kicks.outbox(vertx);
        });
  }

  /** Stops the account and its poller; its conversations stay readable. */
  public Future<Void> remove(String accountId) {
    return known(accountId).compose(v -> store.setStatus(pool, accountId, "removed", "removed by an admin"))
        .compose(v -> pollers.stop(accountId))
        .compose(v -> registry.remove(accountId))
        .onSuccess(v -> announce(accountId, "removed"));
  }

  /** Every node verifies pushes for every account, so each applies a change made on another node. */
  public Future<Void> listenToOtherNodes(String node) {
    this.node = node;
    return vertx.eventBus().<JsonObject>consumer(CHANGED, m -> {
      JsonObject change = m.body();
      if (!node.equals(change.getString("node"))) {
        applyFromOtherNode(change.getString("accountId"), change.getString("action"))
            .onFailure(e -> LOG.warn("Could not apply {} of account {} here: {}", change.getString("action"),
                change.getString("accountId"), e.getMessage()));
      }
    }).completion();
  }

  private void announce(String accountId, String action) {
    vertx.eventBus().publish(CHANGED, new JsonObject().put("node", node).put("accountId", accountId)
        .put("action", action));
  }

  private Future<Void> applyFromOtherNode(String accountId, String action) {
    return switch (action) {
      case "added" -> store.apiAccounts(pool).compose(added -> added.stream()
          .filter(a -> a.accountId().equals(accountId)).findFirst().map(resolve)
          .map(a -> registry.byAccount(accountId).isPresent() ? Future.<Void>succeededFuture() : registry.start(vertx, a))
          .orElse(Future.succeededFuture()));
      case "paused" -> {
        registry.setPaused(accountId, true);
        yield Future.succeededFuture();
      }
      case "resumed" -> {
        registry.setPaused(accountId, false);
        yield Future.succeededFuture();
      }
      case "removed" -> pollers.stop(accountId).compose(v -> registry.remove(accountId));
      default -> Future.succeededFuture();
    };
  }

  private Future<Void> known(String accountId) {
    return store.status(pool, accountId).compose(s -> s.isEmpty() || "removed".equals(s.get())
        ? Future.failedFuture(new ApiException(404, "unknown_account", "No account " + accountId))
        : Future.succeededFuture());
  }

}
