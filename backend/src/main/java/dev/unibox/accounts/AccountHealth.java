package dev.unibox.accounts;

import dev.unibox.adapters.spi.AccountEvents;
import dev.unibox.adapters.spi.ErrorKind;
import dev.unibox.events.UnitOfWork;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records what adapters report about their accounts (health row) and raises admin alerts: an alert is a
 * stored row plus an {@code account.alert} event on every admin's socket, appended in the same transaction.
 * A dead refresh token pauses that account only.
 */
public final class AccountHealth implements AccountEvents {

  public static final String ALERT_EVENT = dev.unibox.events.EventNames.ACCOUNT_ALERT;
  private static final Logger LOG = LoggerFactory.getLogger(AccountHealth.class);

  private final UnitOfWork work;
  private final AccountAdminStore store;
  private AccountRegistry registry;

  public AccountHealth(Vertx vertx, Pool pool, AccountAdminStore store, Clock clock) {
    this.work = new UnitOfWork(vertx, pool, clock);
    this.store = store;
  }

  void attach(AccountRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void tokenRefreshed(String accountId, Instant accessExpiresAt) {
    logged(store.token(work.pool(), accountId, accessExpiresAt, false, work.clock().instant()), "token refresh");
  }

  @Override
  public void tokenDead(String accountId, String reason) {
    if (registry != null) {
      registry.setPaused(accountId, true);
    }
    String message = "Account " + accountId + " must be re-authorized on the platform: its refresh token was "
        + "refused (" + reason + "). The account is paused; other accounts are not affected.";
    logged(store.token(work.pool(), accountId, null, true, work.clock().instant())
        .compose(v -> alert(accountId, "token_dead", message, "paused")), "dead token alert");
  }

  @Override
  public void rateLimited(String accountId, Duration retryAfter) {
    // counted in callFailed
  }

  @Override
  public void callFailed(String accountId, ErrorKind kind, String platformCode) {
    logged(store.failedCall(work.pool(), accountId, kind == ErrorKind.RATE_LIMITED,
        kind + (platformCode == null ? "" : " " + platformCode), work.clock().instant()), "error count");
  }

  public Future<Void> pushed(String accountId) {
    return store.pushed(work.pool(), accountId, work.clock().instant());
  }

  /**
   * Stores an alert, optionally changes the account's status, and appends {@code account.alert} to every
   * admin's event log in one transaction; publishes after commit.
   */
  public Future<Void> alert(String accountId, String kind, String message, String newStatus) {
    return work.run(change -> (newStatus == null ? Future.<Void>succeededFuture()
            : store.setStatus(change.conn(), accountId, newStatus, kind))
        .compose(v -> store.insertAlert(change.conn(), accountId, kind, message, change.now()))
        .compose(id -> store.admins(change.conn()).map(admins -> {
          change.tell(admins, ALERT_EVENT, new JsonObject().put("alertId", id).put("accountId", accountId)
              .put("kind", kind).put("message", message).put("status", newStatus).put("at", change.now().toString()));
          return null;
        })));
  }

  private static void logged(Future<?> f, String what) {
    f.onFailure(e -> LOG.warn("Could not record {}: {}", what, e.getMessage()));
  }
}
