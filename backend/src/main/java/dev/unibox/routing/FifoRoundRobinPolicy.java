package dev.unibox.routing;

import java.util.Comparator;

/**
 * The baseline: first come, first served (by the time the conversation entered the queue, whatever its
 * urgency), each to the next agent in turn, i.e. the eligible agent with room whose last assignment is
 * oldest. No stickiness, no load balancing. Skills and capacity still hold.
 */
public final class FifoRoundRobinPolicy extends SeatOrderPolicy {

  public static final String NAME = "fifo-round-robin";

  public FifoRoundRobinPolicy() {
    super(NAME, "c.queued_at, c.id",
        Comparator.comparingLong((AgentSeat s) -> s.assignedSeq).thenComparingLong(s -> s.id));
  }
}
