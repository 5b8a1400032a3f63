package dev.unibox.bench;

import dev.unibox.planning.SurgeWindow;
import dev.unibox.shifts.Roster;
import java.util.ArrayList;
import java.util.List;

/**
 * A simulated day's team, hired from a {@link PromotionDayScenario}: its shifts in the scenario's time zone (each
 * led by {@code <shift>-lead}), agents named {@code <shift>-<i>} and {@code standby-<i>} with their language skills
 * and chat capacity. {@code windows}: planned surge windows, hours of the day (stored as a staffing plan stores them:
 * each calls the standby agents it names); the scenario's own team has none.
 */
record PromotionDayTeam(Roster plan, List<PromotionDayTeam.Agent> agents, List<SurgeWindow> windows) {

  record Agent(String username, String[] languages, int capacity) {}

  static PromotionDayTeam hire(PromotionDayScenario day) {
    return hire(day, day.standby(), List.of());
  }

  /** The scenario's shifts as they are, with another standby pool and planned surge windows. */
  static PromotionDayTeam hire(PromotionDayScenario day, List<PromotionDayScenario.AgentSpec> standbyPool,
                               List<SurgeWindow> windows) {
    List<Agent> agents = new ArrayList<>();
    List<Roster.Shift> shifts = new ArrayList<>();
    for (PromotionDayScenario.Shift s : day.shifts()) {
      List<String> names = new ArrayList<>();
      for (int i = 0; i < s.agents().size(); i++) {
        String name = s.name() + "-" + i;
        agents.add(new Agent(name, s.agents().get(i).languages(), s.agents().get(i).capacity()));
        names.add(name);
      }
      shifts.add(new Roster.Shift(s.name(), s.start(), s.end(), day.zone(), s.name() + "-lead", names));
    }
    List<String> standby = new ArrayList<>();
    for (int i = 0; i < standbyPool.size(); i++) {
      String name = "standby-" + i;
      agents.add(new Agent(name, standbyPool.get(i).languages(), standbyPool.get(i).capacity()));
      standby.add(name);
    }
    return new PromotionDayTeam(new Roster(day.zone(), shifts, standby), agents, List.copyOf(windows));
  }

  int onShift() {
    return agents.size() - plan.standby().size();
  }
}
