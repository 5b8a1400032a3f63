package dev.unibox.adapters.spi;

import java.time.Duration;

/** A classified platform failure. Messages never contain secrets. */
public class AdapterException extends RuntimeException {

  private final ErrorKind kind;
  private final String platformCode;
  private final Duration retryAfter;

  public AdapterException(ErrorKind kind, String platformCode, String message, Duration retryAfter) {
    super(message);
    this.kind = kind;
    this.platformCode = platformCode;
    this.retryAfter = retryAfter;
  }

  public AdapterException(ErrorKind kind, String platformCode, String message) {
    this(kind, platformCode, message, null);
  }

  public ErrorKind kind() {
    return kind;
  }

  /** The platform's own error code, e.g. {@code error_sign}; may be null. */
  public String platformCode() {
    return platformCode;
  }

  /** Wait the platform asked for (rate limits), or null. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
