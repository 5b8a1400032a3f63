package dev.unibox.reports;

import java.util.List;

/**
 * The response-time histogram kept in the rollups: medians and p90 over any range of days are read from
 * merged bucket counts, never from raw messages. A percentile is reported as the upper bound of the bucket
 * holding it (5 s steps up to 2 minutes, then coarser), so it is exact to the bucket width.
 */
public final class ResponseBuckets {

  /** Inclusive upper bounds in seconds; the last bucket is everything slower. */
  static final int[] BOUNDS = {
      5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90, 95, 100, 105, 110, 115, 120,
      150, 180, 240, 300, 420, 600, 900, 1200, 1800, 2700, 3600, 7200, 14400, 28800, 43200, 86400};

  public static final int SIZE = BOUNDS.length + 1;

  /** The answer times the rollups count as "within N seconds" (columns *_within_N, rates withinNRate). */
  static final int[] WITHIN_SECONDS = {60, 120, 300};

  private ResponseBuckets() {}

  static int bucket(long seconds) {
    for (int i = 0; i < BOUNDS.length; i++) {
      if (seconds <= BOUNDS[i]) {
        return i;
      }
    }
    return BOUNDS.length;
  }

  /**
   * The upper bound (seconds) of the bucket holding the value of rank ceil(p * n), or null without values;
   * -1 when that rank is in the open last bucket (slower than a day).
   */
  static Long percentile(List<Long> counts, double p) {
    long n = counts.stream().mapToLong(Long::longValue).sum();
    if (n == 0) {
      return null;
    }
    long rank = Math.max(1, (long) Math.ceil(p * n));
    long seen = 0;
    for (int i = 0; i < counts.size(); i++) {
      seen += counts.get(i);
      if (seen >= rank) {
        return i < BOUNDS.length ? (long) BOUNDS[i] : -1L;
      }
    }
    return -1L;
  }
}
