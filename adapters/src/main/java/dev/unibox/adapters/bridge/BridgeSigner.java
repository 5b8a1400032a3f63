package dev.unibox.adapters.bridge;

import dev.unibox.adapters.support.Signatures;
import java.nio.charset.StandardCharsets;

/**
 * The bridge channel's signature, both directions: {@code X-Unibox-Signature = lower(hex(HMAC-SHA256(secret,
 * timestamp + "." + raw_body)))} with {@code X-Unibox-Timestamp = unix seconds}. The timestamp is signed so
 * it cannot be replaced; a request outside the window is refused (replay protection).
 */
public final class BridgeSigner {

  public static final String SIGNATURE_HEADER = "X-Unibox-Signature";
  public static final String TIMESTAMP_HEADER = "X-Unibox-Timestamp";
  public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

  private BridgeSigner() {}

  public static String sign(String secret, long timestamp, byte[] rawBody) {
    return Signatures.hmacSha256Hex(secret,
        Signatures.concat((timestamp + ".").getBytes(StandardCharsets.UTF_8), rawBody));
  }

  /** Constant-time check of signature and window; false when anything is missing. */
  public static boolean verify(String secret, String timestampHeader, String signature, byte[] rawBody,
                               long nowSeconds, long windowSeconds) {
    if (secret == null || timestampHeader == null || signature == null || rawBody == null) {
      return false;
    }
    long timestamp;
    try {
      timestamp = Long.parseLong(timestampHeader.trim());
    } catch (NumberFormatException e) {
      return false;
    }
    boolean fresh = Math.abs(nowSeconds - timestamp) <= windowSeconds;
    boolean matches = Signatures.hexEquals(sign(secret, timestamp, rawBody), signature);
    return fresh & matches;
  }
}
