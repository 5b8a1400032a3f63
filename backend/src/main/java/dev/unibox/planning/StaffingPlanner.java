package dev.unibox.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Recommends agents per hour and language for a forecast. Each language is a pool of chat seats (agents ×
 * chats each) fed by that language's buyers; the wait for a seat follows Erlang C. The smallest pool that
 * answers the urgent share within its target and the rest within theirs (after the time an agent needs
 * to read, which counts toward the buyer's wait) at the required rates, with seats at most
 * {@link Targets#maxOccupancy} busy, is the recommendation; standby = what the roster lacks.
 * A simulation of the scenario at the recommended staffing checks the result (docs/routing.md).
 */
public final class StaffingPlanner {

  /** The goals: e.g. 99 % of urgent buyers answered within 60 s, 95 % of the rest within 120 s. */
  public record Targets(double urgentRate, long urgentSeconds, double regularRate, long regularSeconds,
                        double readSeconds, double maxOccupancy) {
    public static Targets standard() {
      return new Targets(0.99, 60, 0.95, 120, 20, 0.85);
    }
  }

  /** One hour's recommendation for one language: agents needed, agents on the roster who read it, standby to add. */
  public record Need(int agents, int rostered, int standby, double perHour) {}

  /** The plan: for each hour 0–23, a need per language. */
  public record Plan(List<Map<String, Need>> hours) {
    public int standbyAt(int hour) {
      return hours.get(hour).values().stream().mapToInt(Need::standby).sum();
    }
  }

  private StaffingPlanner() {}

  /**
   * @param rostered agents on shift per hour and language (an agent who reads two languages counts for both)
   */
  public static Plan plan(Forecast forecast, Targets targets, int chatsPerAgent, List<Map<String, Integer>> rostered) {
    List<Map<String, Need>> hours = new ArrayList<>();
    for (int h = 0; h < 24; h++) {
      Map<String, Need> needs = new TreeMap<>();
      for (Map.Entry<String, Forecast.Demand> d : forecast.hours().get(h).entrySet()) {
        int seats = seats(d.getValue(), targets);
        int agents = (seats + chatsPerAgent - 1) / chatsPerAgent;
        int onRoster = rostered.get(h).getOrDefault(d.getKey(), 0);
        needs.put(d.getKey(), new Need(agents, onRoster, Math.max(0, agents - onRoster), d.getValue().perHour()));
      }
      hours.add(needs);
    }
    return new Plan(hours);
  }

  /** The smallest number of chat seats meeting both targets for this demand. */
  static int seats(Forecast.Demand d, Targets t) {
    if (d.perHour() <= 0) {
      return 0;
    }
    double load = d.perHour() / 3600 * d.holdSeconds();         // offered load in seats (Erlangs)
    for (int n = Math.max(1, (int) Math.ceil(load / t.maxOccupancy())); ; n++) {
      boolean urgent = d.urgentShare() == 0 || withinP(n, load, d.holdSeconds(), t.urgentSeconds() - t.readSeconds())
          >= t.urgentRate();
      boolean regular = d.urgentShare() == 1 || withinP(n, load, d.holdSeconds(), t.regularSeconds() - t.readSeconds())
          >= t.regularRate();
      if (urgent && regular) {
        return n;
      }
    }
  }

  /** Erlang C: the probability that a buyer gets a seat within {@code seconds} with n seats and this load. */
  static double withinP(int n, double load, double hold, double seconds) {
    if (n <= load) {
      return 0;
    }
    double b = 1;                                                 // Erlang B, by the stable recurrence
    for (int k = 1; k <= n; k++) {
      b = load * b / (k + load * b);
    }
    double c = n * b / (n - load * (1 - b));
    return 1 - c * Math.exp(-(n - load) * Math.max(0, seconds) / hold);
  }
}
