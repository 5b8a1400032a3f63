package dev.unibox.planning;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Between a team and the planner: who is on shift per hour and language, and a team staffed as a plan says. */
public final class Rosters {

  private Rosters() {}

  /** Agents on shift per hour (0–23) and language; an agent who reads two languages counts for both. */
  public static List<Map<String, Integer>> onShift(Scenario.Team team) {
    List<Map<String, Integer>> hours = new ArrayList<>();
    for (int h = 0; h < 24; h++) {
      Map<String, Integer> count = new HashMap<>();
      for (Scenario.Shift shift : team.shifts()) {
        if (shift.covers(h)) {
          shift.agents().forEach(a -> a.forEach(l -> count.merge(l, 1, Integer::sum)));
        }
      }
      hours.add(count);
    }
    return hours;
  }

  /** A team with one shift per hour holding exactly the plan's agents, each reading one language; no standby. */
  public static Scenario.Team staffedAsPlanned(StaffingPlanner.Plan plan, int chatsPerAgent) {
    List<Scenario.Shift> shifts = new ArrayList<>();
    for (int h = 0; h < 24; h++) {
      List<List<String>> agents = new ArrayList<>();
      plan.hours().get(h).forEach((language, need) -> {
        for (int i = 0; i < need.agents(); i++) {
          agents.add(List.of(language));
        }
      });
      shifts.add(new Scenario.Shift("h%02d".formatted(h), LocalTime.of(h, 0), LocalTime.of((h + 1) % 24, 0), agents));
    }
    return new Scenario.Team(chatsPerAgent, shifts, List.of());
  }
}
