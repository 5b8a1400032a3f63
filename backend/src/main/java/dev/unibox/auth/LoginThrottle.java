package dev.unibox.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@code maxFailures} failed logins for one username, or from one
 * address, within {@code window}, further attempts are refused until the oldest failure ages out.
 * Kept per node in memory; a successful login clears the username's record.
 */
public final class LoginThrottle {

  /** Failed logins allowed per username (and per address) within {@link #STANDARD_WINDOW}. */
  public static final int STANDARD_MAX_FAILURES = 10;
  public static final Duration STANDARD_WINDOW = Duration.ofMinutes(5);

  private final int maxFailures;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

  public LoginThrottle(int maxFailures, Duration window, Clock clock) {
    this.maxFailures = maxFailures;
    this.window = window;
    this.clock = clock;
  }

  /** The server's throttle: {@value #STANDARD_MAX_FAILURES} failures per five minutes. */
  public static LoginThrottle standard(Clock clock) {
    return new LoginThrottle(STANDARD_MAX_FAILURES, STANDARD_WINDOW, clock);
  }

  /** @return how long to wait before trying again, or {@link Duration#ZERO} when allowed now */
  public Duration retryAfter(String username, String address) {
    Instant now = clock.instant();
    return max(wait("user:" + username, now), wait("addr:" + address, now));
  }

  public void failed(String username, String address) {
    Instant now = clock.instant();
    record("user:" + username, now);
    record("addr:" + address, now);
  }

  public void succeeded(String username) {
    failures.remove("user:" + username);
  }

  private void record(String key, Instant now) {
    failures.compute(key, (k, times) -> {
      Deque<Instant> d = times == null ? new ArrayDeque<>() : times;
      prune(d, now);
      d.addLast(now);
      return d;
    });
  }

  private Duration wait(String key, Instant now) {
    Deque<Instant> times = failures.get(key);
    if (times == null) {
      return Duration.ZERO;
    }
    synchronized (times) {
      prune(times, now);
      if (times.size() < maxFailures) {
        return Duration.ZERO;
      }
      return Duration.between(now, times.peekFirst().plus(window));
    }
  }

  private void prune(Deque<Instant> times, Instant now) {
    while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(window))) {
      times.removeFirst();
    }
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
