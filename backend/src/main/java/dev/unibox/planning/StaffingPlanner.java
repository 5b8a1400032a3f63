package dev.unibox.planning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Agents per hour and per language for a forecast: the fewest agents whose seats meet both targets on the hour's
 * whole load (urgent served first), and for each language the fewest speakers who would meet them on that language's
 * buyers alone. A language's own count is the safe side: shared multilingual agents only help it. Each hour's count
 * can be raised by a margin (agents added where the simulation found the model too kind).
 */
public final class StaffingPlanner {

  /** No hour is planned above this many agents: a forecast that needs more is a typo, not a plan. */
  public static final int MAX_AGENTS = 2_000;

  private final int chatsPerAgent;
  private final Targets targets;

  public StaffingPlanner(int chatsPerAgent, Targets targets) {
    if (chatsPerAgent < 1) {
      throw new IllegalArgumentException("chats per agent must be ≥ 1");
    }
    this.chatsPerAgent = chatsPerAgent;
    this.targets = targets;
  }

  public List<HourPlan> plan(List<Demand> hours) {
    return plan(hours, Map.of());
  }

  /** @param extra agents to add on top of the model's count, by hour */
  public List<HourPlan> plan(List<Demand> hours, Map<Integer, Integer> extra) {
    List<HourPlan> out = new ArrayList<>();
    for (Demand d : hours) {
      int add = extra.getOrDefault(d.hour(), 0);
      int agents = d.total() <= 0 ? 0 : Math.min(MAX_AGENTS, agentsFor(d) + add);
      Map<String, Integer> speakers = new LinkedHashMap<>();
      d.arrivals().forEach((language, count) -> {
        if (count > 0) {
          speakers.put(language, Math.min(agents, agentsFor(d.only(language))));
        }
      });
      int seats = agents * chatsPerAgent;
      double perSecond = d.total() / 3600;
      out.add(new HourPlan(d.hour(), agents, speakers,
          PriorityQueueModel.urgentWithin(seats, perSecond, d.urgentShare(), d.seatSeconds(), urgentBudget(d)),
          PriorityQueueModel.regularWithin(seats, perSecond, d.urgentShare(), d.seatSeconds(), regularBudget(d)),
          seats == 0 ? 0 : Math.min(1, perSecond * d.seatSeconds() / seats)));
    }
    return out;
  }

  private int agentsFor(Demand d) {
    double perSecond = d.total() / 3600;
    if (perSecond <= 0) {
      return 0;
    }
    int agents = Math.max(1, (int) Math.floor(perSecond * d.seatSeconds() / chatsPerAgent));
    while (agents < MAX_AGENTS) {
      int seats = agents * chatsPerAgent;
      if (PriorityQueueModel.urgentWithin(seats, perSecond, d.urgentShare(), d.seatSeconds(), urgentBudget(d))
              >= targets.urgentRate()
          && PriorityQueueModel.regularWithin(seats, perSecond, d.urgentShare(), d.seatSeconds(), regularBudget(d))
              >= targets.regularRate()) {
        return agents;
      }
      agents++;
    }
    return MAX_AGENTS;
  }

  /** The wait a buyer may have before an agent takes the chat: the target less the time to the first answer. */
  private double urgentBudget(Demand d) {
    return targets.urgentWithin().toSeconds() - d.answerSeconds();
  }

  private double regularBudget(Demand d) {
    return targets.regularWithin().toSeconds() - d.answerSeconds();
  }
}
