package dev.unibox.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The retry delay: exponential from the initial delay, capped, with ±20 % jitter so senders that failed
 * together do not retry together; a platform's Retry-After wins when it asks for longer.
 */
class BackoffTest {

  private static final RandomGenerator LOWEST = () -> 0L;          // nextDouble() = 0.0
  private static final RandomGenerator HIGHEST = () -> -1L;        // nextDouble() just below 1.0
  private static final RandomGenerator MIDDLE = () -> 1L << 63;    // nextDouble() = 0.5

  @Test
  void doublesPerAttemptUpToTheCap() {
    Backoff b = new Backoff(1_000, 10_000, MIDDLE);
    assertThat(b.after(1, null)).isEqualTo(Duration.ofMillis(1_000));
    assertThat(b.after(2, null)).isEqualTo(Duration.ofMillis(2_000));
    assertThat(b.after(3, null)).isEqualTo(Duration.ofMillis(4_000));
    assertThat(b.after(4, null)).isEqualTo(Duration.ofMillis(8_000));
    assertThat(b.after(5, null)).isEqualTo(Duration.ofMillis(10_000));
    assertThat(b.after(60, null)).isEqualTo(Duration.ofMillis(10_000));
  }

  @Test
  void jitterStaysWithinTwentyPercentEitherWayAndReallySpreads() {
    assertThat(new Backoff(1_000, 10_000, LOWEST).after(1, null)).isEqualTo(Duration.ofMillis(800));
    assertThat(new Backoff(1_000, 10_000, HIGHEST).after(1, null).toMillis()).isBetween(1_199L, 1_200L);
    assertThat(new Backoff(1_000, 10_000, LOWEST).after(9, null)).isEqualTo(Duration.ofMillis(8_000));

    Backoff b = new Backoff(1_000, 10_000, new Random(42));
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < 2_000; i++) {
      long ms = b.after(3, null).toMillis();
      min = Math.min(min, ms);
      max = Math.max(max, ms);
    }
    assertThat(min).isBetween(3_200L, 3_300L);
    assertThat(max).isBetween(4_700L, 4_800L);
  }

  @Test
  void aLongerRetryAfterWinsAShorterOneDoesNot() {
    Backoff b = new Backoff(1_000, 10_000, HIGHEST);
    assertThat(b.after(1, Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
    assertThat(b.after(1, Duration.ofMillis(100)).toMillis()).isBetween(1_199L, 1_200L);
    assertThat(b.after(1, null).toMillis()).isBetween(1_199L, 1_200L);
  }
}
