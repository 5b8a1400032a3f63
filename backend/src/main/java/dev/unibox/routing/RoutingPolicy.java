package dev.unibox.routing;

import java.util.List;
import java.util.Optional;

/**
 * How the queue is ordered and which agent gets a conversation. Chosen by name from
 * {@link RoutingPolicies} ({@code routing.policy}). Every policy assigns only to agents whose skills
 * match and who have room; the {@link Assigner} runs it under the routing lock in one transaction.
 */
public interface RoutingPolicy {

  String name();

  /**
   * The ORDER BY of the queue, over {@code conversations c}, ending in a unique key. It may use {@code pass.now}
   * (timestamptz): the pass's clock time, the same clock the SLA sweep uses (never the database's now()).
   */
  String queueOrder();

  /** The agent for one conversation among the seats left in this pass, or empty when none can take it. */
  Optional<AgentSeat> pick(List<AgentSeat> seats, Candidate candidate);
}
