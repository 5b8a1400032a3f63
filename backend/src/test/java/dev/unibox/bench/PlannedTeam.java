package dev.unibox.bench;

import dev.unibox.bench.PromotionDayScenario.AgentSpec;
import dev.unibox.planning.HourPlan;
import dev.unibox.planning.PlannedCalls;
import dev.unibox.planning.SurgeWindow;
import dev.unibox.shifts.Roster;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A scenario's shifts as they are, with a standby pool sized to a staffing plan and the planned surge windows that
 * call from it what each hour needs. The pool is sized to the hour that lacks the most: per language, the most
 * speakers any hour lacks on shift, and in all, the most agents. Agents for languages short are the scenario's own
 * agent types whose languages are all short (the type covering most of them first), else an agent with exactly the
 * short languages; the rest of the pool repeats the scenario's standby types (its shift types if it has none). The
 * windows are the product's ({@link PlannedCalls}): per hour, greedily the fewest of the pool that close what the
 * shifts lack, consecutive hours calling the same agents merged.
 */
record PlannedTeam(PromotionDayTeam team, List<HourPlan> plan, List<List<PromotionDayTeam.Agent>> onShiftByHour,
                   List<AgentSpec> standby) {

  static PlannedTeam of(PromotionDayScenario day, List<HourPlan> plan, int capacity) {
    List<List<PromotionDayTeam.Agent>> onShift = onShiftByHour(day, PromotionDayTeam.hire(day, List.of(), List.of()));
    int agentsShort = 0;
    Map<String, Integer> speakersShort = new TreeMap<>();
    for (HourPlan p : plan) {
      List<PromotionDayTeam.Agent> on = onShift.get(p.hour());
      agentsShort = Math.max(agentsShort, p.agents() - on.size());
      for (Map.Entry<String, Integer> e : p.speakers().entrySet()) {
        int speakers = (int) on.stream().filter(a -> Arrays.asList(a.languages()).contains(e.getKey())).count();
        speakersShort.merge(e.getKey(), e.getValue() - speakers, Math::max);
      }
    }
    List<AgentSpec> standby = pool(day, agentsShort, speakersShort, capacity);
    PromotionDayTeam hired = PromotionDayTeam.hire(day, standby, List.of());
    Map<String, Set<String>> languages = new LinkedHashMap<>();
    hired.agents().forEach(a -> languages.put(a.username(), Set.of(a.languages())));
    List<SurgeWindow> windows = PlannedCalls.windows(hired.plan(), day.date(), plan, languages, hired.plan().standby());
    return new PlannedTeam(new PromotionDayTeam(hired.plan(), hired.agents(), windows), plan, onShift, standby);
  }

  /** The agents on shift for the whole of each hour of the day. */
  private static List<List<PromotionDayTeam.Agent>> onShiftByHour(PromotionDayScenario day, PromotionDayTeam team) {
    List<List<PromotionDayTeam.Agent>> out = new ArrayList<>();
    Roster roster = team.plan();
    for (int h = 0; h < 24; h++) {
      Instant hour = day.start().plusSeconds(h * 3600L);
      out.add(team.agents().stream().filter(a -> {
        for (int m = 0; m < 60; m++) {
          if (!roster.onShift(a.username(), hour.plusSeconds(m * 60L))) {
            return false;
          }
        }
        return true;
      }).toList());
    }
    return out;
  }

  private static List<AgentSpec> pool(PromotionDayScenario day, int agents, Map<String, Integer> speakersShort,
                                      int capacity) {
    Map<Set<String>, AgentSpec> types = new LinkedHashMap<>();
    day.shifts().forEach(s -> s.agents().forEach(a -> types.putIfAbsent(new TreeSet<>(Arrays.asList(a.languages())), a)));
    day.standby().forEach(a -> types.putIfAbsent(new TreeSet<>(Arrays.asList(a.languages())), a));
    Map<String, Integer> left = new TreeMap<>(speakersShort);
    left.values().removeIf(n -> n <= 0);
    List<AgentSpec> out = new ArrayList<>();
    while (!left.isEmpty()) {
      Set<String> shortNow = left.keySet();
      AgentSpec pick = types.entrySet().stream().filter(e -> shortNow.containsAll(e.getKey()))
          .max((a, b) -> Integer.compare(a.getKey().size(), b.getKey().size())).map(Map.Entry::getValue)
          .orElse(new AgentSpec(shortNow.toArray(String[]::new), capacity));
      out.add(pick);
      for (String l : pick.languages()) {
        left.computeIfPresent(l, (k, n) -> n > 1 ? n - 1 : null);
      }
    }
    List<AgentSpec> filler = day.standby().isEmpty() ? List.copyOf(types.values()) : day.standby();
    for (int i = 0; out.size() < agents; i++) {
      out.add(filler.get(i % filler.size()));
    }
    return out;
  }

  /** The standby agents the windows call in the hour. */
  List<PromotionDayTeam.Agent> called(int hour) {
    List<String> names = team.windows().stream().filter(w -> w.startHour() <= hour && hour < w.endHour())
        .flatMap(w -> w.agents().stream()).toList();
    return team.agents().stream().filter(a -> names.contains(a.username())).toList();
  }

  /** Agents on shift in the hour who speak the language. */
  int speakersOnShift(int hour, String language) {
    return (int) onShiftByHour.get(hour).stream().filter(a -> Arrays.asList(a.languages()).contains(language)).count();
  }

  /** Standby agents called in the hour who speak the language. */
  int speakersCalled(int hour, String language) {
    return (int) called(hour).stream().filter(a -> Arrays.asList(a.languages()).contains(language)).count();
  }
}
