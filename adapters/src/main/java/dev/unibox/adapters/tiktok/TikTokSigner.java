package dev.unibox.adapters.tiktok;

import dev.unibox.adapters.support.Signatures;
import java.util.Map;
import java.util.TreeMap;

/** TikTok Shop Partner API signatures [verified in SDK code]. */
public final class TikTokSigner {

  private TikTokSigner() {}

  /**
   * {@code lower(hex(HMAC-SHA256(app_secret, app_secret + path + sorted k+v (without sign, access_token)
   * + body + app_secret)))}; {@code body} is null for GET and multipart calls.
   */
  public static String apiSign(String appSecret, String path, Map<String, String> query, String body) {
    StringBuilder message = new StringBuilder(appSecret).append(path);
    new TreeMap<>(query).forEach((k, v) -> {
      if (!"sign".equals(k) && !"access_token".equals(k)) {
        message.append(k).append(v == null ? "" : v);
      }
    });
    if (body != null) {
      message.append(body);
    }
    message.append(appSecret);
    return Signatures.hmacSha256Hex(appSecret, message.toString());
  }

  /** Webhook {@code Authorization = hex(HMAC-SHA256(app_secret, app_key + raw_body))} [SDKs only]. */
  public static String pushSignature(String appSecret, String appKey, byte[] rawBody) {
    return Signatures.appKeyBodySignature(appSecret, appKey, rawBody);
  }

  public static boolean verifyPush(String appSecret, String appKey, byte[] rawBody, String authorization) {
    return Signatures.verifyAppKeyBody(appSecret, appKey, rawBody, authorization);
  }
}
