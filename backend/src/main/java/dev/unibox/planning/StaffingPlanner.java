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
 *
 * <p>A target is measured from the buyer's message to the first answer, so each answer time's share of the chats
 * counts when the wait for a seat fits in what that answer leaves of the window. Answers slower than the window miss
 * it however many agents wait: when they alone leave the target out of reach (the hour's ceiling at or below it),
 * the planner aims for the target's share of that ceiling instead of staffing without end.
 */
public final class StaffingPlanner {

  /** No hour is planned above this many agents: a forecast that needs more is a typo, not a plan. */
  public static final int MAX_AGENTS = 2_000;

  /** A ceiling this close above a target leaves it reachable only with endless agents. */
  private static final double TIE = 1e-9;

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
      PriorityQueueModel queue = PriorityQueueModel.of(seats, perSecond, d.urgentShare(), d.seatSeconds());
      out.add(new HourPlan(d.hour(), agents, speakers, urgentWithin(d, queue), regularWithin(d, queue),
          seats == 0 ? 0 : Math.min(1, perSecond * d.seatSeconds() / seats), urgentCeiling(d), regularCeiling(d)));
    }
    return out;
  }

  private int agentsFor(Demand d) {
    double perSecond = d.total() / 3600;
    if (perSecond <= 0) {
      return 0;
    }
    double urgentAim = aim(targets.urgentRate(), urgentCeiling(d));
    double regularAim = aim(targets.regularRate(), regularCeiling(d));
    int agents = Math.max(1, (int) Math.floor(perSecond * d.seatSeconds() / chatsPerAgent));
    while (agents < MAX_AGENTS) {
      PriorityQueueModel queue = PriorityQueueModel.of(agents * chatsPerAgent, perSecond, d.urgentShare(),
          d.seatSeconds());
      if (urgentWithin(d, queue) >= urgentAim && regularWithin(d, queue) >= regularAim) {
        return agents;
      }
      agents++;
    }
    return MAX_AGENTS;
  }

  /** The target, or its share of the ceiling when the answer times alone leave it out of reach. */
  private static double aim(double target, double ceiling) {
    return ceiling < target + TIE ? target * ceiling : target;
  }

  private double urgentWithin(Demand d, PriorityQueueModel queue) {
    return d.answers().within(targets.urgentWithin().toSeconds(), queue::urgentWithin);
  }

  private double regularWithin(Demand d, PriorityQueueModel queue) {
    return d.answers().within(targets.regularWithin().toSeconds(), queue::regularWithin);
  }

  private double urgentCeiling(Demand d) {
    return d.answers().ceiling(targets.urgentWithin().toSeconds());
  }

  private double regularCeiling(Demand d) {
    return d.answers().ceiling(targets.regularWithin().toSeconds());
  }
}
