package dev.unibox.planning;

import java.util.Map;
import java.util.TreeMap;

/**
 * One hour's work: new conversations in the hour by buyer language, the share of them that is urgent, how long a
 * chat holds an agent's seat (assignment to close, at the load agents work at) and how long the first answer
 * takes once assigned (reading the chat and its history), as a distribution. The planner's only input besides the
 * targets.
 */
public record Demand(int hour, Map<String, Double> arrivals, double urgentShare, double seatSeconds,
                     AnswerTimes answers) {

  public Demand {
    if (hour < 0 || hour > 23) {
      throw new IllegalArgumentException("hour must be 0..23, got " + hour);
    }
    arrivals = new TreeMap<>(arrivals);
    if (arrivals.values().stream().anyMatch(v -> v == null || v < 0 || v.isNaN())) {
      throw new IllegalArgumentException("arrivals must be counts ≥ 0");
    }
    if (!(urgentShare >= 0 && urgentShare <= 1)) {
      throw new IllegalArgumentException("urgentShare must be 0..1");
    }
    if (!(seatSeconds > 0)) {
      throw new IllegalArgumentException("seatSeconds must be > 0");
    }
    if (answers == null) {
      throw new IllegalArgumentException("answers must be given");
    }
  }

  public double total() {
    return arrivals.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  /** The same hour with only one language's buyers. */
  Demand only(String language) {
    return new Demand(hour, Map.of(language, arrivals.getOrDefault(language, 0.0)), urgentShare, seatSeconds,
        answers);
  }
}
