package dev.unibox.outbox;

import java.time.Duration;
import java.util.random.RandomGenerator;

/** Exponential backoff with ±20 % jitter, capped; a platform's own retry-after wins when longer. */
record Backoff(long initialMillis, long maxMillis, RandomGenerator random) {

  Duration after(int attempts, Duration retryAfter) {
    long base = initialMillis << Math.min(Math.max(attempts - 1, 0), 20);
    long capped = Math.min(base, maxMillis);
    long jittered = (long) (capped * (0.8 + 0.4 * random.nextDouble()));
    Duration wait = Duration.ofMillis(Math.max(1, jittered));
    return retryAfter != null && retryAfter.compareTo(wait) > 0 ? retryAfter : wait;
  }
}
