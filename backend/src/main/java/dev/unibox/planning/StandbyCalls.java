package dev.unibox.planning;

import java.util.List;
import java.util.Set;

/**
 * The standby agents each hour of the plan calls: from the pool after the proposal, greedily the one who closes most
 * of what the hour still lacks (its count and each lacking language one each), until it lacks nothing or nobody
 * helps. Ties go to the earlier in the pool's order ({@link StandbyChoice#ranked()}), so the same people are called
 * from hour to hour. An agent on duty in the hour is never called.
 */
final class StandbyCalls {

  private StandbyCalls() {}

  /** Per hour, the usernames called, in the pool's order. */
  static List<List<String>> perHour(List<Coverage> hours, List<Agent> pool) {
    return hours.stream().map(h -> {
      Set<Agent> called = Set.copyOf(HourLack.takeGreedily(List.of(new HourLack(h)), pool));
      return pool.stream().filter(called::contains).map(Agent::username).toList();
    }).toList();
  }
}
