package dev.unibox.adapters.shopee;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Shopee Open Platform v2 signatures: API call signs and push (webhook) signatures. */
public final class ShopeeSigner {

  private static final String HMAC_SHA256 = "HmacSHA256";

  private ShopeeSigner() {}

  /**
   * {@code hex(HMAC-SHA256(partner_key, partner_id + api_path + timestamp + access_token + shop_id))}, lower case.
   * Calls without a shop (auth endpoints) pass null access token and shop id.
   */
  public static String apiSign(
      String partnerKey, String partnerId, String apiPath, long timestamp, String accessToken, String shopId) {
    String message = partnerId + apiPath + timestamp + nullToEmpty(accessToken) + nullToEmpty(shopId);
    return hmacHex(partnerKey, message.getBytes(StandardCharsets.UTF_8));
  }

  /** The push {@code Authorization} header: {@code hex(HMAC-SHA256(partner_key, callback_url + "|" + raw_body))}. */
  public static String pushSignature(String partnerKey, String callbackUrl, byte[] rawBody) {
    byte[] prefix = (callbackUrl + "|").getBytes(StandardCharsets.UTF_8);
    byte[] message = new byte[prefix.length + rawBody.length];
    System.arraycopy(prefix, 0, message, 0, prefix.length);
    System.arraycopy(rawBody, 0, message, prefix.length, rawBody.length);
    return hmacHex(partnerKey, message);
  }

  /** Constant-time check of a push {@code Authorization} header; false when anything is missing. */
  public static boolean verifyPush(String partnerKey, String callbackUrl, byte[] rawBody, String authorization) {
    if (partnerKey == null || callbackUrl == null || rawBody == null || authorization == null) {
      return false;
    }
    String expected = pushSignature(partnerKey, callbackUrl, rawBody);
    return constantTimeEquals(expected, authorization.trim().toLowerCase(Locale.ROOT));
  }

  /** Compares two hex signatures without leaking, through timing, how many leading characters match. */
  public static boolean constantTimeEquals(String expected, String actual) {
    if (expected == null || actual == null) {
      return false;
    }
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII), actual.getBytes(StandardCharsets.US_ASCII));
  }

  private static String hmacHex(String key, byte[] message) {
    try {
      Mac mac = Mac.getInstance(HMAC_SHA256);
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), HMAC_SHA256));
      return HexFormat.of().formatHex(mac.doFinal(message));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
