package dev.unibox.adapters.lazada;

import dev.unibox.adapters.support.Signatures;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Lazada Open Platform signatures [verified against Lazada's documentation]. */
public final class LazadaSigner {

  private LazadaSigner() {}

  /**
   * {@code UPPER(hex(HMAC-SHA256(app_secret, api_path + k1 + v1 + k2 + v2 … (+ raw body))))} over all
   * parameters except {@code sign}, sorted by key in ASCII order.
   */
  public static String apiSign(String appSecret, String apiPath, Map<String, String> params, String rawBody) {
    StringBuilder message = new StringBuilder(apiPath);
    new TreeMap<>(params).forEach((k, v) -> {
      if (!"sign".equals(k)) {
        message.append(k).append(v == null ? "" : v);
      }
    });
    if (rawBody != null) {
      message.append(rawBody);
    }
    return Signatures.hmacSha256Hex(appSecret, message.toString()).toUpperCase(Locale.ROOT);
  }

  /** LPM push {@code Authorization}: {@code lower(hex(HMAC-SHA256(app_secret, app_key + raw_body)))}. */
  public static String pushSignature(String appSecret, String appKey, byte[] rawBody) {
    return Signatures.appKeyBodySignature(appSecret, appKey, rawBody);
  }

  public static boolean verifyPush(String appSecret, String appKey, byte[] rawBody, String authorization) {
    return Signatures.verifyAppKeyBody(appSecret, appKey, rawBody, authorization);
  }
}
