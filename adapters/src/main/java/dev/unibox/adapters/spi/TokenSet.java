package dev.unibox.adapters.spi;

import java.time.Instant;

/**
 * The current token pair of one account. Expiry instants may be null when unknown (e.g. tokens given
 * in config without a lifetime). {@code toString} never prints the tokens.
 */
public record TokenSet(String accessToken, String refreshToken, Instant accessExpiresAt, Instant refreshExpiresAt) {

  @Override
  public String toString() {
    return "TokenSet[accessToken=***, refreshToken=***, accessExpiresAt=" + accessExpiresAt
        + ", refreshExpiresAt=" + refreshExpiresAt + "]";
  }
}
