package dev.unibox.adapters.shopee.fake;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Each shop's token pair as Shopee keeps it: 4 h access tokens, 30 day refresh tokens that work once. */
final class FakeShopeeTokens {

  static final long ACCESS_TOKEN_SECONDS = 4 * 3600;
  static final long REFRESH_TOKEN_SECONDS = 30L * 24 * 3600;

  private static final class Pair {
    String accessToken;
    Instant accessExpiresAt;
    String refreshToken;
    Instant refreshExpiresAt;
  }

  /** What access_token/get answers: the new pair, or the Shopee error code when there is none. */
  record Refreshed(String accessToken, String refreshToken, String error) {}

  private final Clock clock;
  private final Map<Long, Pair> byShop = new HashMap<>();
  private int refreshes;

  FakeShopeeTokens(Clock clock) {
    this.clock = clock;
  }

  synchronized void issue(long shopId, String accessToken, String refreshToken) {
    Pair p = new Pair();
    byShop.put(shopId, p);
    renew(p, accessToken, refreshToken);
  }

  /** True when the token is the shop's current one and has not expired. */
  synchronized boolean accessTokenValid(long shopId, String accessToken) {
    Pair p = byShop.get(shopId);
    return p != null && p.accessToken.equals(accessToken) && clock.instant().isBefore(p.accessExpiresAt);
  }

  synchronized void expireAccessToken(long shopId) {
    byShop.get(shopId).accessExpiresAt = clock.instant();
  }

  synchronized void expireRefreshToken(long shopId) {
    byShop.get(shopId).refreshExpiresAt = clock.instant();
  }

  synchronized String accessToken(long shopId) {
    return byShop.get(shopId).accessToken;
  }

  synchronized String refreshToken(long shopId) {
    return byShop.get(shopId).refreshToken;
  }

  /** A new pair for a current, unexpired refresh token; the old refresh token is spent. */
  synchronized Refreshed refresh(long shopId, String refreshToken) {
    Pair p = byShop.get(shopId);
    if (p == null || refreshToken == null || !refreshToken.equals(p.refreshToken)) {
      return new Refreshed(null, null, "error_param");
    }
    if (!clock.instant().isBefore(p.refreshExpiresAt)) {
      return new Refreshed(null, null, "refresh_token_expired");
    }
    refreshes++;
    String suffix = "-" + shopId + "-" + refreshes + "-" + Long.toHexString(clock.millis());
    renew(p, "acc" + suffix, "ref" + suffix);
    return new Refreshed(p.accessToken, p.refreshToken, null);
  }

  synchronized int refreshes() {
    return refreshes;
  }

  private void renew(Pair p, String accessToken, String refreshToken) {
    p.accessToken = accessToken;
    p.accessExpiresAt = clock.instant().plusSeconds(ACCESS_TOKEN_SECONDS);
    p.refreshToken = refreshToken;
    p.refreshExpiresAt = clock.instant().plusSeconds(REFRESH_TOKEN_SECONDS);
  }
}
