package dev.unibox.adapters.lazada;

import dev.unibox.adapters.spi.ErrorKind;
import dev.unibox.adapters.support.ErrorKinds;
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
    return ErrorKinds.classify(KINDS, code, httpStatus);
  }
}
