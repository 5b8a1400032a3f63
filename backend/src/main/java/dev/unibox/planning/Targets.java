package dev.unibox.planning;

import java.time.Duration;

/**
 * What a plan must reach, measured from the buyer's message to the agent's first answer: urgent chats answered
 * within {@code urgentWithin} at least {@code urgentRate} of the time, the rest within {@code regularWithin} at
 * least {@code regularRate}.
 */
public record Targets(Duration urgentWithin, double urgentRate, Duration regularWithin, double regularRate) {

  /** Urgent ≥ 99 % within 60 s, regular ≥ 95 % within 120 s. */
  public static final Targets PROMOTION_DAY = new Targets(Duration.ofSeconds(60), 0.99, Duration.ofSeconds(120), 0.95);

  public Targets {
    if (urgentWithin.isNegative() || urgentWithin.isZero() || regularWithin.isNegative() || regularWithin.isZero()) {
      throw new IllegalArgumentException("target windows must be positive");
    }
    if (!(urgentRate > 0 && urgentRate < 1) || !(regularRate > 0 && regularRate < 1)) {
      throw new IllegalArgumentException("target rates must be between 0 and 1 (exclusive)");
    }
  }
}
