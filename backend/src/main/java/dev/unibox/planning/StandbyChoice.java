package dev.unibox.planning;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Who to add to the standby pool. Each hour lacks some agents in all and some speakers per language; a standby agent
 * helps every hour they are not already on duty in. The agents already in standby count first; then, greedily, the
 * candidate who closes most of what is still open over the day (each hour's count and each of its lacking languages
 * one each; ties by username), until nobody closes anything more.
 *
 * @param ranked           the standby pool after the proposal, in the order the planned windows call them on a tie:
 *                         the agents already in standby as the same greedy ranks them (those who close nothing last,
 *                         by username), then the proposed in the order chosen; so applying a plan again calls the
 *                         same people
 * @param needed           the most agents any hour lacks
 * @param neededByLanguage the most speakers any hour lacks, per language
 * @param missing          speakers still lacking in the worst hour with every useful candidate added
 * @param missingAgents    agents still lacking in the worst hour with every useful candidate added
 */
record StandbyChoice(List<String> proposed, List<Agent> ranked, int needed, Map<String, Integer> neededByLanguage,
                     Map<String, Integer> missing, int missingAgents) {

  /**
   * @param pool       the agents in standby now (those who serve the planned shops)
   * @param candidates agents who may be asked to stand by (in a shift, not in standby)
   */
  static StandbyChoice choose(List<Coverage> hours, Collection<Agent> pool, Collection<Agent> candidates) {
    int needed = hours.stream().mapToInt(Coverage::standbyNeeded).max().orElse(0);
    Map<String, Integer> byLanguage = new TreeMap<>();
    hours.forEach(h -> h.standbyNeededByLanguage().forEach((l, n) -> byLanguage.merge(l, n, Math::max)));
    List<HourLack> open = hours.stream().map(HourLack::new).toList();
    List<Agent> ranked = take(open, pool);
    // the rest of the pool closes nothing still open (taking them changes no lack): last, by username
    List<Agent> rest = pool.stream().filter(a -> !ranked.contains(a)).sorted(Comparator.comparing(Agent::username))
        .toList();
    ranked.addAll(rest);
    List<Agent> proposed = take(open, candidates);
    ranked.addAll(proposed);
    Map<String, Integer> missing = new TreeMap<>();
    open.forEach(o -> o.speakers().forEach((l, n) -> {
      if (n > 0) {
        missing.merge(l, n, Math::max);
      }
    }));
    int missingAgents = open.stream().mapToInt(HourLack::agents).max().orElse(0);
    return new StandbyChoice(proposed.stream().map(Agent::username).toList(), List.copyOf(ranked), needed, byLanguage,
        missing, missingAgents);
  }

  /** {@link HourLack#takeGreedily}, ties by username. */
  private static List<Agent> take(List<HourLack> open, Collection<Agent> agents) {
    return HourLack.takeGreedily(open, agents.stream().sorted(Comparator.comparing(Agent::username)).toList());
  }
}
