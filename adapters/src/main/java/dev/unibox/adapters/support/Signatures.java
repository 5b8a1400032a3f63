package dev.unibox.adapters.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 in hex and a constant-time comparison, shared by the platform signers. */
public final class Signatures {

  private Signatures() {}

  /** Lower-case hex HMAC-SHA256. */
  public static String hmacSha256Hex(String key, byte[] message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(message));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }

  public static String hmacSha256Hex(String key, String message) {
    return hmacSha256Hex(key, message.getBytes(StandardCharsets.UTF_8));
  }

  public static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** Compares two hex signatures case-insensitively in constant time; false when either is null. */
  public static boolean hexEquals(String expected, String actual) {
    if (expected == null || actual == null) {
      return false;
    }
    return MessageDigest.isEqual(expected.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII),
        actual.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
  }

  /** {@code hex(HMAC-SHA256(secret, appKey + rawBody))}: how Lazada and TikTok Shop sign their pushes. */
  public static String appKeyBodySignature(String appSecret, String appKey, byte[] rawBody) {
    return hmacSha256Hex(appSecret, concat(appKey.getBytes(StandardCharsets.UTF_8), rawBody));
  }

  /** Checks an {@link #appKeyBodySignature}; false when anything is missing. */
  public static boolean verifyAppKeyBody(String appSecret, String appKey, byte[] rawBody, String signature) {
    if (appSecret == null || appKey == null || rawBody == null || signature == null) {
      return false;
    }
    return hexEquals(appKeyBodySignature(appSecret, appKey, rawBody), signature);
  }
}
