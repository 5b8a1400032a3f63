package dev.unibox.testing;

import java.time.Instant;

/** The hand-moved clock of the adapter contract tests, under the name the backend's tests use. */
public final class MutableClock extends dev.unibox.adapters.contract.MutableClock {

  public MutableClock(Instant start) {
    super(start);
  }

  /** Now, to the second. */
  public static MutableClock startingNow() {
    return new MutableClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
  }
}
