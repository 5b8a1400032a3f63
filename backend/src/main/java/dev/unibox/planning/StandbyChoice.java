package dev.unibox.planning;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Who to add to the standby pool. Each hour lacks some agents in all and some speakers per language; a standby agent
 * helps every hour they are not already on duty in. The agents already in standby count first; then, greedily, the
 * candidate who closes most of what is still open over the day (each hour's count and each of its lacking languages
 * one each; ties by username), until nobody closes anything more.
 *
 * @param needed           the most agents any hour lacks
 * @param neededByLanguage the most speakers any hour lacks, per language
 * @param missing          speakers still lacking in the worst hour with every useful candidate added
 * @param missingAgents    agents still lacking in the worst hour with every useful candidate added
 */
record StandbyChoice(List<String> proposed, int needed, Map<String, Integer> neededByLanguage,
                     Map<String, Integer> missing, int missingAgents) {

  /** What one hour still lacks. */
  private record Open(Coverage hour, int[] agents, Map<String, Integer> speakers) {

    int gain(Agent a) {
      if (hour.onDuty().contains(a.username())) {
        return 0;
      }
      int gain = agents[0] > 0 ? 1 : 0;
      for (Map.Entry<String, Integer> e : speakers.entrySet()) {
        gain += e.getValue() > 0 && a.speaks(e.getKey()) ? 1 : 0;
      }
      return gain;
    }

    void take(Agent a) {
      if (!hour.onDuty().contains(a.username())) {
        agents[0]--;
        speakers.replaceAll((l, n) -> a.speaks(l) ? n - 1 : n);
      }
    }
  }

  /**
   * @param pool       the agents in standby now (those who serve the planned shops)
   * @param candidates agents who may be asked to stand by (in a shift, not in standby)
   */
  static StandbyChoice choose(List<Coverage> hours, Collection<Agent> pool, Collection<Agent> candidates) {
    int needed = hours.stream().mapToInt(Coverage::standbyNeeded).max().orElse(0);
    Map<String, Integer> byLanguage = new TreeMap<>();
    hours.forEach(h -> h.standbyNeededByLanguage().forEach((l, n) -> byLanguage.merge(l, n, Math::max)));
    List<Open> open = hours.stream()
        .map(h -> new Open(h, new int[] {h.standbyNeeded()}, new HashMap<>(h.standbyNeededByLanguage()))).toList();
    pool.forEach(a -> open.forEach(o -> o.take(a)));
    List<Agent> left = new ArrayList<>(candidates);
    left.sort(Comparator.comparing(Agent::username));
    List<String> proposed = new ArrayList<>();
    while (true) {
      Agent best = null;
      int bestGain = 0;
      for (Agent a : left) {
        int gain = open.stream().mapToInt(o -> o.gain(a)).sum();
        if (gain > bestGain) {
          best = a;
          bestGain = gain;
        }
      }
      if (best == null) {
        break;
      }
      Agent chosen = best;
      open.forEach(o -> o.take(chosen));
      left.remove(chosen);
      proposed.add(chosen.username());
    }
    Map<String, Integer> missing = new TreeMap<>();
    open.forEach(o -> o.speakers().forEach((l, n) -> {
      if (n > 0) {
        missing.merge(l, n, Math::max);
      }
    }));
    int missingAgents = open.stream().mapToInt(o -> Math.max(0, o.agents()[0])).max().orElse(0);
    return new StandbyChoice(proposed, needed, byLanguage, missing, missingAgents);
  }
}
