package dev.unibox.adapters.spi;

import java.util.Map;

/**
 * One platform account (a shop) as configured. Secrets live in {@link AccountCredentials}, whose
 * {@code toString} never prints them.
 *
 * @param apiBaseUrl  e.g. {@code https://partner.shopeemobile.com}, or the fake platform's loopback URL
 * @param callbackUrl the push URL exactly as registered with the platform (Shopee signs it)
 * @param options     platform-specific extras (region, page sizes...)
 */
public record AccountConfig(
    String accountId,
    String platform,
    String shopId,
    String shopName,
    String region,
    String timeZone,
    String apiBaseUrl,
    String callbackUrl,
    AccountCredentials credentials,
    Map<String, String> options) {

  public AccountConfig {
    options = options == null ? Map.of() : Map.copyOf(options);
  }
}
