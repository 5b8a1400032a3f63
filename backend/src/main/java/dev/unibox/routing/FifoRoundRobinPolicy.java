package dev.unibox.routing;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The baseline: first come, first served (by the time the conversation entered the queue, whatever its
 * urgency), each to the next agent in turn, i.e. the eligible agent with room whose last assignment is
 * oldest. No stickiness, no load balancing. Skills and capacity still hold.
 */
public final class FifoRoundRobinPolicy implements RoutingPolicy {

  public static final String NAME = "fifo-round-robin";

  private static final Comparator<AgentSeat> LONGEST_SINCE_LAST = Comparator
      .comparingLong((AgentSeat s) -> s.assignedSeq)
      .thenComparingLong(s -> s.id);

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String queueOrder() {
    return "c.queued_at, c.id";
  }

  @Override
  public Optional<AgentSeat> pick(List<AgentSeat> seats, Candidate candidate) {
    return seats.stream().filter(s -> s.canTake(candidate)).min(LONGEST_SINCE_LAST);
  }
}
