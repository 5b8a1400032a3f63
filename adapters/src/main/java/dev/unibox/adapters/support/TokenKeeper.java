package dev.unibox.adapters.support;

import dev.unibox.adapters.spi.AccountConfig;
import dev.unibox.adapters.spi.AccountEvents;
import dev.unibox.adapters.spi.AdapterContext;
import dev.unibox.adapters.spi.AdapterException;
import dev.unibox.adapters.spi.CredentialStore;
import dev.unibox.adapters.spi.ErrorKind;
import dev.unibox.adapters.spi.TokenSet;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access-token lifecycle of one account, shared by the platform adapters:
 * <ul>
 *   <li>refresh before expiry (within {@code margin}) and after a {@link ErrorKind#TOKEN_EXPIRED} answer,
 *       then retry the call once;</li>
 *   <li>one refresh at a time (concurrent callers share it: a single-use refresh token is spent once);</li>
 *   <li>a refreshed pair is saved to the {@link CredentialStore} <b>before</b> it is used; if saving fails
 *       the pair is kept in memory, unused, and saving is retried before the next call;</li>
 *   <li>a dead refresh token ({@link ErrorKind#TOKEN_DEAD}) stops this account only: every later call fails
 *       fast with TOKEN_DEAD and {@link AccountEvents#tokenDead} is raised once.</li>
 * </ul>
 */
public final class TokenKeeper {

  private static final Logger LOG = LoggerFactory.getLogger(TokenKeeper.class);

  /** Calls the platform's refresh endpoint with the given refresh token. */
  @FunctionalInterface
  public interface Refresher {
    Future<TokenSet> refresh(String refreshToken);
  }

  private final String accountId;
  private final Clock clock;
  private final CredentialStore store;
  private final AccountEvents events;
  private final Duration margin;
  private final Refresher refresher;
  private TokenSet current;
  private TokenSet unsaved;
  private Future<TokenSet> inFlight;
  private String deadReason;

  public TokenKeeper(String accountId, TokenSet initial, Clock clock, CredentialStore store, AccountEvents events,
                     Duration margin, Refresher refresher) {
    this.accountId = accountId;
    this.current = initial;
    this.clock = clock;
    this.store = store;
    this.events = events;
    this.margin = margin;
    this.refresher = refresher;
  }

  /**
   * The keeper of an account's configured pair, with the options every platform shares:
   * {@code accessTokenExpiresAt} (an ISO-8601 instant, optional) and {@code tokenRefreshMarginSeconds}
   * (default 300).
   */
  public static TokenKeeper forAccount(AccountConfig account, AdapterContext context, Refresher refresher) {
    Instant expiresAt = null;
    String configured = account.options().get("accessTokenExpiresAt");
    if (configured != null && !configured.isBlank()) {
      try {
        expiresAt = Instant.parse(configured.trim());
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("Account " + account.accountId()
            + ": option accessTokenExpiresAt must be an ISO-8601 instant");
      }
    }
    return new TokenKeeper(account.accountId(),
        new TokenSet(account.credentials().accessToken(), account.credentials().refreshToken(), expiresAt, null),
        context.clock(), context.credentials(), context.events(),
        Duration.ofSeconds(HttpSupport.positiveLong(account, "tokenRefreshMarginSeconds", 300)), refresher);
  }

  /** Takes the newest saved pair, if the store has one (it is newer than the configured one). */
  public Future<Void> load() {
    return store.load(accountId).map(saved -> {
      saved.ifPresent(s -> {
        synchronized (this) {
          current = s;
        }
      });
      return null;
    });
  }

  public synchronized TokenSet current() {
    return current;
  }

  public synchronized boolean dead() {
    return deadReason != null;
  }

  /** Runs {@code call} with a valid access token; on TOKEN_EXPIRED refreshes and retries exactly once. */
  public <T> Future<T> call(Function<String, Future<T>> call) {
    return accessToken().compose(token -> call.apply(token).recover(failure -> {
      if (failure instanceof AdapterException ae && ae.kind() == ErrorKind.TOKEN_EXPIRED) {
        LOG.info("Account {}: access token refused, refreshing and retrying once", accountId);
        return refreshAfterRejection(token).compose(call);
      }
      return Future.failedFuture(failure);
    }));
  }

  /** A usable access token, refreshing first when it expires within the margin. */
  public Future<String> accessToken() {
    TokenSet toSave;
    boolean expiring;
    synchronized (this) {
      if (deadReason != null) {
        return Future.failedFuture(deadError());
      }
      toSave = unsaved;
      expiring = current.accessExpiresAt() != null
          && !clock.instant().plus(margin).isBefore(current.accessExpiresAt());
    }
    if (toSave != null) {
      return persistThenUse(toSave).map(TokenSet::accessToken);
    }
    if (expiring || current.accessToken() == null || current.accessToken().isBlank()) {
      return refresh().map(TokenSet::accessToken);
    }
    return Future.succeededFuture(current.accessToken());
  }

  /** Refreshes now (sharing a refresh already running). */
  public Future<TokenSet> refresh() {
    Future<TokenSet> running;
    synchronized (this) {
      if (deadReason != null) {
        return Future.failedFuture(deadError());
      }
      if (inFlight != null) {
        return inFlight;
      }
      String refreshToken = current.refreshToken();
      if (refreshToken == null || refreshToken.isBlank()) {
        markDead("no refresh token is configured");
        return Future.failedFuture(deadError());
      }
      running = refresher.refresh(refreshToken).transform(ar -> {
        if (ar.failed()) {
          if (ar.cause() instanceof AdapterException ae && ae.kind() == ErrorKind.TOKEN_DEAD) {
            synchronized (this) {
              markDead(ae.platformCode() == null ? ae.getMessage() : ae.platformCode());
            }
            return Future.failedFuture(deadError());
          }
          return Future.failedFuture(ar.cause());
        }
        synchronized (this) {
          unsaved = ar.result();
        }
        return persistThenUse(ar.result());
      });
      inFlight = running;
    }
    return running.onComplete(ar -> {
      synchronized (this) {
        inFlight = null;
      }
    });
  }

  /** After the platform refused {@code rejected}: refresh unless someone already replaced it. */
  private Future<String> refreshAfterRejection(String rejected) {
    synchronized (this) {
      if (deadReason == null && unsaved == null && !rejected.equals(current.accessToken())) {
        return Future.succeededFuture(current.accessToken());
      }
    }
    return accessTokenOrRefresh();
  }

  private Future<String> accessTokenOrRefresh() {
    TokenSet toSave;
    synchronized (this) {
      toSave = unsaved;
    }
    return toSave != null ? persistThenUse(toSave).map(TokenSet::accessToken) : refresh().map(TokenSet::accessToken);
  }

  private Future<TokenSet> persistThenUse(TokenSet fresh) {
    return store.save(accountId, fresh).transform(ar -> {
      if (ar.failed()) {
        LOG.error("Account {}: could not persist the refreshed token pair; it is kept in memory, unused, and "
            + "saving is retried before the next call ({})", accountId, ar.cause().getClass().getSimpleName());
        return Future.failedFuture(new AdapterException(ErrorKind.TRANSIENT, "token_not_persisted",
            "The refreshed token pair could not be saved yet; not used until it is"));
      }
      synchronized (this) {
        current = fresh;
        if (unsaved == fresh) {
          unsaved = null;
        }
      }
      events.tokenRefreshed(accountId, fresh.accessExpiresAt());
      return Future.succeededFuture(fresh);
    });
  }

  private void markDead(String reason) {
    if (deadReason == null) {
      deadReason = reason;
      LOG.warn("Account {}: refresh token is dead ({}); the account is paused until re-authorized", accountId,
          reason);
      events.tokenDead(accountId, reason);
    }
  }

  private AdapterException deadError() {
    return new AdapterException(ErrorKind.TOKEN_DEAD, "token_dead",
        "Account " + accountId + " must be re-authorized: its refresh token is no longer valid (" + deadReason + ")");
  }

  /** Expiry instant from a lifetime in seconds (null stays null). */
  public static Instant expiresIn(Clock clock, Number seconds) {
    return seconds == null ? null : clock.instant().plusSeconds(seconds.longValue());
  }
}
