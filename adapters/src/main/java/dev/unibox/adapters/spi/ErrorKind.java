package dev.unibox.adapters.spi;

/** How a platform error is handled. Only the retryable kinds may be retried by the outbox sender. */
public enum ErrorKind {
  TOKEN_EXPIRED(true),
  TOKEN_DEAD(false),
  RATE_LIMITED(true),
  NOT_AUTHORIZED(false),
  BAD_SIGNATURE(false),
  MALFORMED(false),
  /** The platform said it did not process the call (system busy, 5xx, connection refused). */
  TRANSIENT(true),
  PERMANENT(false);

  private final boolean retryable;

  ErrorKind(boolean retryable) {
    this.retryable = retryable;
  }

  public boolean retryable() {
    return retryable;
  }
}
