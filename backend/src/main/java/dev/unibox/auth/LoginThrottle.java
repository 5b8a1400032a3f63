package dev.unibox.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Slows password guessing with a progressive delay, never a lock-out. An attempt is counted when it
 * starts (before bcrypt), so a parallel burst gets no more guesses than a serial one. Three keys: the
 * username from one client (strict), the client across usernames, and the username across clients — the
 * last with a short cap, so someone hammering {@code admin} from elsewhere delays the real admin by at
 * most {@link #USER_CAP}, and cannot lock them out. Records live in a bounded cache and expire after
 * {@code quiet} without attempts. Kept per node in memory.
 */
public final class LoginThrottle {

  static final Duration USER_CAP = Duration.ofSeconds(30);
  private static final Duration BASE = Duration.ofSeconds(1);
  private static final Duration CAP = Duration.ofMinutes(15);

  private record Limit(String prefix, int free, Duration cap) {}

  private static final Limit USER_FROM_CLIENT = new Limit("uc:", 5, CAP);
  private static final Limit CLIENT = new Limit("c:", 20, CAP);
  private static final Limit USER = new Limit("u:", 10, USER_CAP);

  private record Attempts(int count, Instant last) {}

  private final Clock clock;
  private final Cache<String, Attempts> attempts;

  public LoginThrottle(Duration quiet, long maxKeys, Clock clock) {
    this.clock = clock;
    this.attempts = Caffeine.newBuilder().maximumSize(maxKeys).expireAfterWrite(quiet).build();
  }

  /**
   * Starts an attempt: when allowed it is counted at once and ZERO is returned; otherwise nothing is
   * counted and the wait before the next attempt is returned.
   */
  public synchronized Duration begin(String username, String client) {
    Instant now = clock.instant();
    String user = username.toLowerCase(java.util.Locale.ROOT);
    Duration wait = max(wait(USER_FROM_CLIENT, user + "|" + client, now),
        max(wait(CLIENT, client, now), wait(USER, user, now)));
    if (!wait.isZero()) {
      return wait;
    }
    count(USER_FROM_CLIENT.prefix + user + "|" + client, now);
    count(CLIENT.prefix + client, now);
    count(USER.prefix + user, now);
    return Duration.ZERO;
  }

  /** The right password: the user's own records start again (the client's stays). */
  public synchronized void succeeded(String username, String client) {
    String user = username.toLowerCase(java.util.Locale.ROOT);
    attempts.invalidate(USER_FROM_CLIENT.prefix + user + "|" + client);
    attempts.invalidate(USER.prefix + user);
  }

  long keys() {
    attempts.cleanUp();
    return attempts.estimatedSize();
  }

  private Duration wait(Limit limit, String key, Instant now) {
    Attempts a = attempts.getIfPresent(limit.prefix + key);
    if (a == null || a.count() < limit.free()) {
      return Duration.ZERO;
    }
    int over = Math.min(30, a.count() - limit.free());
    Duration delay = BASE.multipliedBy(1L << over);
    if (delay.compareTo(limit.cap()) > 0) {
      delay = limit.cap();
    }
    Duration left = Duration.between(now, a.last().plus(delay));
    return left.isNegative() ? Duration.ZERO : left;
  }

  private void count(String key, Instant now) {
    attempts.asMap().merge(key, new Attempts(1, now), (old, one) -> new Attempts(old.count() + 1, now));
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
