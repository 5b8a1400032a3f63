package dev.unibox.adapters.support;

import dev.unibox.adapters.spi.ErrorKind;
import java.util.Map;

/** How a platform's refusal becomes an {@link ErrorKind}: the platform's known codes first, then the HTTP status. */
public final class ErrorKinds {

  private ErrorKinds() {}

  /** A known code wins; otherwise 429 is rate limiting, 5xx transient, anything else permanent. */
  public static <C> ErrorKind classify(Map<C, ErrorKind> knownCodes, C code, int httpStatus) {
    ErrorKind known = code == null ? null : knownCodes.get(code);
    if (known != null) {
      return known;
    }
    if (httpStatus == 429) {
      return ErrorKind.RATE_LIMITED;
    }
    if (httpStatus >= 500) {
      return ErrorKind.TRANSIENT;
    }
    return ErrorKind.PERMANENT;
  }
}
