package dev.unibox.planning;

import dev.unibox.shifts.Roster;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * For the simulation ({@code dev.unibox.bench}): the surge windows a plan stores for a team whose standby pool is
 * already in place (nobody to propose), by the product's own coverage, ranking and per-hour choice ({@link Coverage},
 * {@link StandbyChoice}, {@link StandbyCalls}, {@link SurgeWindow#of}). Chats at once play no part in the choice.
 */
public final class PlannedCalls {

  private PlannedCalls() {}

  /**
   * @param languages every agent of the roster (shifts and standby) and the languages they take
   * @param pool      the standby agents
   */
  public static List<SurgeWindow> windows(Roster roster, LocalDate date, List<HourPlan> plans,
                                          Map<String, Set<String>> languages, List<String> pool) {
    List<Agent> agents = languages.entrySet().stream().map(e -> new Agent(e.getKey(), e.getValue(), 1)).toList();
    Set<String> forecast = new TreeSet<>();
    plans.forEach(p -> forecast.addAll(p.speakers().keySet()));
    List<Coverage> hours = Coverage.of(roster, date, roster.zone(), agents, plans, forecast);
    List<Agent> standby = pool.stream().map(u -> new Agent(u, languages.get(u), 1)).toList();
    return SurgeWindow.of(StandbyCalls.perHour(hours, StandbyChoice.choose(hours, standby, List.of()).ranked()));
  }
}
