package dev.unibox.routing;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the agent for one conversation among the seats of this pass: the agent who last served the
 * buyer when they have room, otherwise the least loaded, then the one waiting longest since an
 * assignment (fairness among equals), then the lowest id.
 */
final class SeatPicker {

  private static final Comparator<AgentSeat> FAIREST = Comparator
      .comparingDouble(AgentSeat::load)
      .thenComparing(s -> s.lastAssignedAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
      .thenComparingLong(s -> s.id);

  private SeatPicker() {}

  static Optional<AgentSeat> pick(List<AgentSeat> seats, String accountId, Long lastAssigneeId) {
    return pick(seats, accountId, lastAssigneeId, null);
  }

  static Optional<AgentSeat> pick(List<AgentSeat> seats, String accountId, Long lastAssigneeId, String team) {
    if (lastAssigneeId != null) {
      for (AgentSeat s : seats) {
        if (s.id == lastAssigneeId && s.canTake(accountId, team)) {
          return Optional.of(s);
        }
      }
    }
    return seats.stream().filter(s -> s.canTake(accountId, team)).min(FAIREST);
  }
}
