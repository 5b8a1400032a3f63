package dev.unibox.adapters.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The access and refresh tokens a fake platform has issued, one pair per shop: which shop a valid access token
 * belongs to, refresh with rotation (the old pair stops working), and expiry moved by hand. Thread-safe.
 */
public final class FakeTokens {

  public static final Duration ACCESS_LIFETIME = Duration.ofDays(7);
  public static final Duration REFRESH_LIFETIME = Duration.ofDays(30);

  /** The pair a shop holds now. */
  public record Pair(String shopId, String access, Instant accessExpires, String refresh, Instant refreshExpires) {}

  private final Clock clock;
  private final String prefix;
  private final Map<String, Pair> byShop = new LinkedHashMap<>();
  private int refreshes;

  /** {@code prefix} starts the tokens issued on refresh, e.g. "lzd" gives "lzd-acc-1-…". */
  public FakeTokens(Clock clock, String prefix) {
    this.clock = clock;
    this.prefix = prefix;
  }

  public synchronized void issue(String shopId, String access, String refresh) {
    Instant now = clock.instant();
    byShop.put(shopId, new Pair(shopId, access, now.plus(ACCESS_LIFETIME), refresh, now.plus(REFRESH_LIFETIME)));
  }

  /** The shop of an access token that is current and not expired; null otherwise. */
  public synchronized String shopOf(String access) {
    if (access == null) {
      return null;
    }
    Instant now = clock.instant();
    return byShop.values().stream().filter(p -> p.access().equals(access) && now.isBefore(p.accessExpires()))
        .map(Pair::shopId).findFirst().orElse(null);
  }

  /** A new pair for the shop holding this current, unexpired refresh token; null when there is none. */
  public synchronized Pair refresh(String refresh) {
    Instant now = clock.instant();
    Pair old = byShop.values().stream().filter(p -> p.refresh().equals(refresh) && now.isBefore(p.refreshExpires()))
        .findFirst().orElse(null);
    if (old == null) {
      return null;
    }
    int n = ++refreshes;
    Pair fresh = new Pair(old.shopId(), prefix + "-acc-" + n + "-" + UUID.randomUUID(), now.plus(ACCESS_LIFETIME),
        prefix + "-ref-" + n + "-" + UUID.randomUUID(), now.plus(REFRESH_LIFETIME));
    byShop.put(old.shopId(), fresh);
    return fresh;
  }

  public synchronized int refreshes() {
    return refreshes;
  }

  public synchronized void expireAccess(String shopId) {
    Pair p = byShop.get(shopId);
    byShop.put(shopId, new Pair(shopId, p.access(), clock.instant(), p.refresh(), p.refreshExpires()));
  }

  public synchronized void expireRefresh(String shopId) {
    Pair p = byShop.get(shopId);
    byShop.put(shopId, new Pair(shopId, p.access(), p.accessExpires(), p.refresh(), clock.instant()));
  }
}
