package dev.unibox.planning;

import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * How long the first answer takes once a chat is assigned, as points of (seconds, share of chats), the shares summing
 * to 1. A target such as 99 % within 60 s depends on the slow answers, which a mean hides.
 */
public record AnswerTimes(List<Point> points) {

  /** {@code share} of the chats take {@code seconds} to their first answer. */
  public record Point(double seconds, double share) {

    public Point {
      if (!(seconds >= 0) || Double.isInfinite(seconds)) {
        throw new IllegalArgumentException("answer seconds must be ≥ 0, got " + seconds);
      }
      if (!(share >= 0 && share <= 1)) {
        throw new IllegalArgumentException("an answer time's share must be 0..1, got " + share);
      }
    }
  }

  /** Shares are sums of fractions such as tenths: this close to 1 is 1. */
  private static final double ROUNDING = 1e-6;

  public AnswerTimes {
    points = List.copyOf(points);
    if (points.isEmpty()) {
      throw new IllegalArgumentException("answer times need at least one point");
    }
    double total = points.stream().mapToDouble(Point::share).sum();
    if (Math.abs(total - 1) > ROUNDING) {
      throw new IllegalArgumentException("answer time shares must sum to 1, got " + total);
    }
  }

  /** Every chat answered after the same time. */
  public static AnswerTimes single(double seconds) {
    return new AnswerTimes(List.of(new Point(seconds, 1)));
  }

  /** Each of these times for an equal share of the chats (quantiles of a distribution). */
  public static AnswerTimes equalShares(List<Double> seconds) {
    return new AnswerTimes(seconds.stream().map(s -> new Point(s, 1.0 / seconds.size())).toList());
  }

  public double mean() {
    return points.stream().mapToDouble(p -> p.seconds() * p.share()).sum();
  }

  /**
   * The share of chats answered within {@code window} seconds of the buyer's message: over the points, the share times
   * the chance that the wait for a seat is at most what the answer leaves of the window; a point whose answer alone
   * takes longer than the window contributes nothing.
   *
   * @param waitWithin the chance that a buyer waits at most that many seconds (≥ 0) for a seat
   */
  public double within(double window, DoubleUnaryOperator waitWithin) {
    return points.stream().filter(p -> p.seconds() <= window)
        .mapToDouble(p -> p.share() * waitWithin.applyAsDouble(window - p.seconds())).sum();
  }

  /** The most {@link #within} can reach, with no wait at all: the share of answers that fit in the window. */
  public double ceiling(double window) {
    return within(window, wait -> 1);
  }
}
