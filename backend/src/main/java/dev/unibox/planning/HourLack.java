package dev.unibox.planning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one hour of the plan still lacks in standby: agents in all and speakers per language. A standby agent helps
 * an hour they are not on duty in: one for the count while it lacks any, and one for each lacking language they speak.
 */
final class HourLack {

  private final Coverage hour;
  private int agents;
  private final Map<String, Integer> speakers;

  HourLack(Coverage hour) {
    this.hour = hour;
    this.agents = hour.standbyNeeded();
    this.speakers = new HashMap<>(hour.standbyNeededByLanguage());
  }

  int gain(Agent a) {
    if (hour.onDuty().contains(a.username())) {
      return 0;
    }
    int gain = agents > 0 ? 1 : 0;
    for (Map.Entry<String, Integer> e : speakers.entrySet()) {
      gain += e.getValue() > 0 && a.speaks(e.getKey()) ? 1 : 0;
    }
    return gain;
  }

  void take(Agent a) {
    if (!hour.onDuty().contains(a.username())) {
      agents--;
      speakers.replaceAll((l, n) -> a.speaks(l) ? n - 1 : n);
    }
  }

  /** Agents still lacking (0 when closed). */
  int agents() {
    return Math.max(0, agents);
  }

  /** Speakers still lacking per language (0 or less when closed). */
  Map<String, Integer> speakers() {
    return speakers;
  }

  /**
   * Greedily, the agent of {@code agents} who closes most of what the hours still lack (the first in the given order on
   * a tie), taken from every hour, until nobody closes anything more; the agents taken, in that order.
   */
  static List<Agent> takeGreedily(List<HourLack> open, List<Agent> agents) {
    List<Agent> left = new ArrayList<>(agents);
    List<Agent> taken = new ArrayList<>();
    while (true) {
      Agent best = null;
      int bestGain = 0;
      for (Agent a : left) {
        int gain = 0;
        for (HourLack o : open) {
          gain += o.gain(a);
        }
        if (gain > bestGain) {
          best = a;
          bestGain = gain;
        }
      }
      if (best == null) {
        return taken;
      }
      for (HourLack o : open) {
        o.take(best);
      }
      left.remove(best);
      taken.add(best);
    }
  }
}
