package dev.unibox.adapters.shopee;

import dev.unibox.adapters.spi.ErrorKind;
import dev.unibox.adapters.support.ErrorKinds;
import java.util.Map;

/** Maps Shopee's error codes to how the inbox handles them. */
public final class ShopeeErrors {

  /** platformCode of a call whose answer never came: Shopee may or may not have processed it. */
  public static final String TIMEOUT = "timeout";
  /** platformCode of a call whose connection broke after the request went out: also ambiguous. */
  public static final String CONNECTION_LOST = "connection_lost";
  /** platformCode of a call that never reached Shopee (refused, unknown host): safe to retry. */
  public static final String CONNECTION_REFUSED = "connection_refused";

  private static final Map<String, ErrorKind> KINDS = Map.ofEntries(
      Map.entry("error_auth", ErrorKind.TOKEN_EXPIRED),
      Map.entry("invalid_acceess_token", ErrorKind.TOKEN_EXPIRED),
      Map.entry("invalid_access_token", ErrorKind.TOKEN_EXPIRED),
      Map.entry("refresh_token_expired", ErrorKind.TOKEN_DEAD),
      Map.entry("shop_access_expired", ErrorKind.TOKEN_DEAD),
      Map.entry("error_shop_refresh_token", ErrorKind.TOKEN_DEAD),
      Map.entry("error_sign", ErrorKind.BAD_SIGNATURE),
      Map.entry("error_param", ErrorKind.PERMANENT),
      Map.entry("error_rate_limit", ErrorKind.RATE_LIMITED),
      Map.entry("error_limit", ErrorKind.RATE_LIMITED),
      Map.entry("shop_no_linked", ErrorKind.NOT_AUTHORIZED),
      Map.entry("partner_shop_no_link", ErrorKind.NOT_AUTHORIZED),
      Map.entry("shop_banned", ErrorKind.NOT_AUTHORIZED),
      Map.entry("source_ip_undeclared", ErrorKind.NOT_AUTHORIZED),
      Map.entry("error_permission", ErrorKind.NOT_AUTHORIZED),
      Map.entry("system_busy", ErrorKind.TRANSIENT));

  private ShopeeErrors() {}

  /**
   * Kind of a failed call from Shopee's {@code error} field and the HTTP status. A known error code
   * wins; an unknown one falls back to the status (5xx transient, 429 rate limited), else permanent.
   */
  public static ErrorKind classify(String error, int httpStatus) {
    return ErrorKinds.classify(KINDS, error, httpStatus);
  }
}
