package dev.unibox.adapters.spi;

import java.time.Duration;
import java.time.Instant;

/**
 * What an adapter tells the service about its account's health. The backend turns these into account
 * health rows and admin alerts. Implementations must be quick and must not throw.
 */
public interface AccountEvents {

  AccountEvents NONE = new AccountEvents() {};

  /** A new token pair was persisted and is now in use. */
  default void tokenRefreshed(String accountId, Instant accessExpiresAt) {}

  /**
   * The refresh token is dead (expired, revoked, already used): the account cannot call the platform until
   * an admin re-authorizes it. The adapter refuses further calls with {@link ErrorKind#TOKEN_DEAD}.
   */
  default void tokenDead(String accountId, String reason) {}

  /** The platform throttled a call; {@code retryAfter} may be null. */
  default void rateLimited(String accountId, Duration retryAfter) {}

  /** A call failed (classified); counted in the account's error counts. */
  default void callFailed(String accountId, ErrorKind kind, String platformCode) {}
}
