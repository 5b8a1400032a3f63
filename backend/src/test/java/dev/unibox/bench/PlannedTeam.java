package dev.unibox.bench;

import dev.unibox.bench.PromotionDayScenario.AgentSpec;
import dev.unibox.bench.PromotionDayScenario.Window;
import dev.unibox.planning.HourPlan;
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
 * A scenario's shifts as they are, with a standby pool sized to a staffing plan and surge held on in the hours that
 * need it. Surge switches the whole pool on, so the pool is sized to the hour that lacks the most: per language, the
 * most speakers any hour lacks on shift, and in all, the most agents. Agents for languages short are the scenario's
 * own agent types whose languages are all short (the type covering most of them first), else an agent with exactly
 * the short languages; the rest of the pool repeats the scenario's standby types (its shift types if it has none).
 * Surge is held on in every run of consecutive hours whose plan the shifts alone do not reach.
 */
record PlannedTeam(PromotionDayTeam team, List<HourPlan> plan, List<List<PromotionDayTeam.Agent>> onShiftByHour,
                   List<AgentSpec> standby, List<Window> surgeOn) {

  static PlannedTeam of(PromotionDayScenario day, List<HourPlan> plan, int capacity) {
    List<List<PromotionDayTeam.Agent>> onShift = onShiftByHour(day, PromotionDayTeam.hire(day, List.of(), List.of()));
    int agentsShort = 0;
    Map<String, Integer> speakersShort = new TreeMap<>();
    boolean[] held = new boolean[24];
    for (HourPlan p : plan) {
      List<PromotionDayTeam.Agent> on = onShift.get(p.hour());
      int lack = p.agents() - on.size();
      held[p.hour()] = lack > 0;
      agentsShort = Math.max(agentsShort, lack);
      for (Map.Entry<String, Integer> e : p.speakers().entrySet()) {
        int speakers = (int) on.stream().filter(a -> Arrays.asList(a.languages()).contains(e.getKey())).count();
        if (e.getValue() > speakers) {
          held[p.hour()] = true;
          speakersShort.merge(e.getKey(), e.getValue() - speakers, Math::max);
        }
      }
    }
    List<AgentSpec> standby = pool(day, agentsShort, speakersShort, capacity);
    List<Window> windows = new ArrayList<>();
    for (int h = 0; h < 24; h++) {
      if (held[h]) {
        int from = h;
        while (h + 1 < 24 && held[h + 1]) {
          h++;
        }
        windows.add(new Window(from * 3600L, (h + 1) * 3600L));
      }
    }
    return new PlannedTeam(PromotionDayTeam.hire(day, standby, windows), plan, onShift, standby, windows);
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

  /** Whether surge is held on during the hour. */
  boolean held(int hour) {
    return surgeOn.stream().anyMatch(w -> w.startSecond() <= hour * 3600L && hour * 3600L < w.endSecond());
  }

  /** Agents on shift in the hour who speak the language. */
  int speakersOnShift(int hour, String language) {
    return (int) onShiftByHour.get(hour).stream().filter(a -> Arrays.asList(a.languages()).contains(language)).count();
  }

  /** Standby agents who speak the language. */
  int speakersOnStandby(String language) {
    return (int) standby.stream().filter(a -> Arrays.asList(a.languages()).contains(language)).count();
  }
}
