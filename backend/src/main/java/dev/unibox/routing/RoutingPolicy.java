package dev.unibox.routing;

import java.util.List;
import java.util.Optional;

/**
 * How the queue is ordered and which agent gets a conversation. Chosen by name from
 * {@link RoutingPolicies} ({@code routing.policy}). Every policy assigns only to agents whose skills
 * match and who have room; the {@link Router} runs it under the routing lock in one transaction.
 */
public interface RoutingPolicy {

  String name();

  /** The ORDER BY of the queue, over {@link #queueSource()}, ending in a unique key. */
  String queueOrder();

  /**
   * The queued conversations as a row source named {@code c} with every column of {@code conversations};
   * it may use $1 (page size), $2 (offset) and $3 (the pass's time, timestamptz). Default: the table.
   */
  default String queueSource() {
    return "conversations c";
  }

  /** The agent for one conversation among the seats left in this pass, or empty when none can take it. */
  Optional<AgentSeat> pick(List<AgentSeat> seats, Candidate candidate);
}
