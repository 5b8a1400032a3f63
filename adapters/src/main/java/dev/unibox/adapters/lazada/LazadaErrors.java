package dev.unibox.adapters.lazada;

import dev.unibox.adapters.spi.ErrorKind;
import java.util.Map;

/** Lazada error codes and how the inbox handles them. */
public final class LazadaErrors {

  private static final Map<String, ErrorKind> KINDS = Map.of(
      // [verified] against Lazada's documentation
      "IllegalAccessToken", ErrorKind.TOKEN_EXPIRED,
      "IllegalRefreshToken", ErrorKind.TOKEN_DEAD,
      "ApiCallLimit", ErrorKind.RATE_LIMITED,
      // Lazada's public error-code list; not verified independently (see docs/adapters.md)
      "IncompleteSignature", ErrorKind.BAD_SIGNATURE,
      "InvalidSignature", ErrorKind.BAD_SIGNATURE);

  private LazadaErrors() {}

  public static ErrorKind classify(String code, int httpStatus) {
    ErrorKind known = code == null ? null : KINDS.get(code);
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
