package dev.unibox.planning;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Who to add to the standby pool: the pool must hold as many agents as the worst hour lacks, and as many speakers of
 * each language as the worst hour lacks of it. The agents already in standby count first; then, greedily, the
 * candidate who closes most of what is still open (the count and each lacking language one each; ties by username).
 *
 * @param needed           the most agents any hour lacks
 * @param neededByLanguage the most speakers any hour lacks, per language
 * @param missing          speakers still lacking with every useful candidate added
 * @param missingAgents    agents still lacking with every useful candidate added
 */
record StandbyChoice(List<String> proposed, int needed, Map<String, Integer> neededByLanguage,
                     Map<String, Integer> missing, int missingAgents) {

  /**
   * @param pool       the agents in standby now (those who serve the planned shops)
   * @param candidates agents in no shift and not in standby
   */
  static StandbyChoice choose(List<Coverage> hours, Collection<Agent> pool, Collection<Agent> candidates) {
    int needed = hours.stream().mapToInt(Coverage::standbyNeeded).max().orElse(0);
    Map<String, Integer> byLanguage = new TreeMap<>();
    hours.forEach(h -> h.standbyNeededByLanguage().forEach((l, n) -> byLanguage.merge(l, n, Math::max)));

    int[] open = {needed};
    Map<String, Integer> lacking = new HashMap<>(byLanguage);
    pool.forEach(a -> take(a, open, lacking));
    List<Agent> left = new ArrayList<>(candidates);
    left.sort(Comparator.comparing(Agent::username));
    List<String> proposed = new ArrayList<>();
    while (!left.isEmpty()) {
      Agent best = null;
      int bestGain = 0;
      for (Agent a : left) {
        int gain = gain(a, open[0], lacking);
        if (gain > bestGain) {
          best = a;
          bestGain = gain;
        }
      }
      if (best == null) {
        break;
      }
      take(best, open, lacking);
      left.remove(best);
      proposed.add(best.username());
    }
    Map<String, Integer> missing = new TreeMap<>();
    lacking.forEach((l, n) -> {
      if (n > 0) {
        missing.put(l, n);
      }
    });
    return new StandbyChoice(proposed, needed, byLanguage, missing, Math.max(0, open[0]));
  }

  private static int gain(Agent a, int open, Map<String, Integer> lacking) {
    int gain = open > 0 ? 1 : 0;
    for (Map.Entry<String, Integer> e : lacking.entrySet()) {
      if (e.getValue() > 0 && a.speaks(e.getKey())) {
        gain++;
      }
    }
    return gain;
  }

  private static void take(Agent a, int[] open, Map<String, Integer> lacking) {
    open[0]--;
    lacking.replaceAll((l, n) -> a.speaks(l) ? n - 1 : n);
  }
}
