package dev.unibox.planning;

import dev.unibox.shifts.Roster;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One hour of the planned day against the roster: the agents the router may give chats to in the whole hour without
 * surge, among those who serve the planned shops — on a shift at the hour's first and last minute, or listed in no
 * shift and not in standby (routed whenever online, so the plan counts them every hour) — how many of them speak
 * each forecast language, and the standby agents the hour lacks in all ({@code agents − onShift}) and per language.
 */
record Coverage(int hour, Set<String> onDuty, Map<String, Integer> onShiftSpeakers, int standbyNeeded,
                Map<String, Integer> standbyNeededByLanguage) {

  /** How many agents are on duty in the whole hour. */
  int onShift() {
    return onDuty.size();
  }

  private static final Duration LAST_MINUTE = Duration.ofMinutes(59);

  /** @param languages every language of the day's forecast */
  static List<Coverage> of(Roster roster, LocalDate date, ZoneId zone, Collection<Agent> agents, List<HourPlan> plans,
                           Collection<String> languages) {
    List<Coverage> out = new ArrayList<>();
    Set<String> rostered = roster.rostered();
    for (HourPlan plan : plans) {
      Instant start = ZonedDateTime.of(date, LocalTime.of(plan.hour(), 0), zone).toInstant();
      List<Agent> onShift = agents.stream()
          .filter(a -> !rostered.contains(a.username())
              || roster.onShift(a.username(), start) && roster.onShift(a.username(), start.plus(LAST_MINUTE)))
          .toList();
      Map<String, Integer> speakers = new TreeMap<>();
      languages.forEach(l -> speakers.put(l, (int) onShift.stream().filter(a -> a.speaks(l)).count()));
      Map<String, Integer> lacking = new TreeMap<>();
      plan.speakers().forEach((l, needed) -> {
        int missing = needed - speakers.getOrDefault(l, 0);
        if (missing > 0) {
          lacking.put(l, missing);
        }
      });
      out.add(new Coverage(plan.hour(), onShift.stream().map(Agent::username).collect(Collectors.toSet()), speakers,
          Math.max(0, plan.agents() - onShift.size()), lacking));
    }
    return out;
  }
}
