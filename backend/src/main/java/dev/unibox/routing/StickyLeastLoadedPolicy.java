package dev.unibox.routing;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The product's agent pick, shared by the policies that differ only in their queue order: the agent who last
 * served this buyer when they are eligible and have room (sticky); otherwise the least loaded, then the one
 * with fewer language skills, then the one whose last assignment is oldest (fairness among equals), then the
 * lowest id.
 */
abstract class StickyLeastLoadedPolicy extends SeatOrderPolicy {

  /**
   * Least loaded; among equally loaded agents the one with fewer language skills (a specialist keeps
   * the scarce multilingual agents free for the buyers only they can serve), then the longest since
   * their last assignment, then the lowest id.
   */
  private static final Comparator<AgentSeat> LEAST_LOADED = Comparator
      .comparingDouble(AgentSeat::load)
      .thenComparingInt(s -> s.languages.isEmpty() ? Integer.MAX_VALUE : s.languages.size())
      .thenComparingLong(s -> s.assignedSeq)
      .thenComparingLong(s -> s.id);

  StickyLeastLoadedPolicy(String name, String queueOrder) {
    super(name, queueOrder, LEAST_LOADED);
  }

  @Override
  public Optional<AgentSeat> pick(List<AgentSeat> seats, Candidate candidate) {
    if (candidate.lastAssigneeId() != null) {
      for (AgentSeat s : seats) {
        if (s.id == candidate.lastAssigneeId() && s.canTake(candidate)) {
          return Optional.of(s);
        }
      }
    }
    return super.pick(seats, candidate);
  }
}
