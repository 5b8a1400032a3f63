package dev.unibox.adapters.shopee;

import java.math.BigInteger;

/**
 * Shopee ids are unsigned 64-bit integers. They travel as decimal strings inside the inbox and are
 * written as raw JSON number tokens (never through a double) when Shopee expects a number.
 */
public final class ShopeeIds {

  private static final BigInteger MAX_UNSIGNED_64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private ShopeeIds() {}

  /** The id as a JSON-number value (Long or BigInteger), or null when it is not an unsigned 64-bit decimal. */
  public static Number toJsonNumber(String id) {
    if (id == null || id.isEmpty() || id.length() > 20 || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return null;
    }
    BigInteger value = new BigInteger(id);
    if (value.compareTo(MAX_UNSIGNED_64) > 0) {
      return null;
    }
    return value.bitLength() < 64 ? (Number) value.longValueExact() : value;
  }

  public static boolean isValid(String id) {
    return toJsonNumber(id) != null;
  }

  /**
   * An id read from a JSON value that may be a number or a string; null when absent, blank or not an
   * integer (a floating-point id has already lost precision, so it is refused rather than guessed).
   */
  public static String fromJson(Object value) {
    if (value instanceof CharSequence s) {
      String trimmed = s.toString().trim();
      return trimmed.isEmpty() ? null : trimmed;
    }
    if (value instanceof Integer || value instanceof Long || value instanceof BigInteger
        || value instanceof Short || value instanceof Byte) {
      return value.toString();
    }
    return null;
  }
}
