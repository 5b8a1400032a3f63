package dev.unibox.routing;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The product's agent pick, shared by the policies that differ only in their queue order: the agent who last
 * served this buyer when they are eligible and have room (sticky); otherwise anyone before the agent who sent the
 * conversation back to the queue; then an agent whose pick leaves every other language they speak at least
 * {@link #SPARE_SEATS} free seats, before one whose pick would not; then the least loaded, then the one with fewer
 * language skills, then the one whose last assignment is oldest (fairness among equals), then the lowest id.
 */
abstract class StickyLeastLoadedPolicy extends SeatOrderPolicy {

  /**
   * A buyer whom another agent can serve does not take a language's last free seats: a pick that would leave
   * fewer than this many free seats in another language the agent speaks comes after every pick that would not.
   */
  static final int SPARE_SEATS = 2;

  /**
   * Least loaded; among equally loaded agents the one with fewer language skills (a specialist keeps
   * the scarce multilingual agents free for the buyers only they can serve), then the longest since
   * their last assignment, then the lowest id.
   */
  private static final Comparator<AgentSeat> LEAST_LOADED = Comparator
      .comparingDouble(AgentSeat::load)
      .thenComparingInt(s -> s.reach.languages().isEmpty() ? Integer.MAX_VALUE : s.reach.languages().size())
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

  /**
   * Not the agent who passed it back, then spare seats, then least loaded (the free seats are counted only when two
   * or more agents are eligible).
   */
  @Override
  Comparator<AgentSeat> seatOrder(List<AgentSeat> seats, Candidate candidate) {
    Map<String, Integer> free = freeSeatsByLanguage(seats);
    Long passedBy = candidate.passedBy();
    return Comparator.<AgentSeat, Boolean>comparing(s -> passedBy != null && s.id == passedBy)
        .thenComparing(s -> takesScarceSeat(s, candidate.language(), free))
        .thenComparing(super.seatOrder(seats, candidate));
  }

  /** Free seats per language among the seats left in this pass; an agent without languages counts for every one. */
  private static Map<String, Integer> freeSeatsByLanguage(List<AgentSeat> seats) {
    Map<String, Integer> free = new HashMap<>();
    int anyLanguage = 0;
    for (AgentSeat s : seats) {
      int room = Math.max(0, s.maxConcurrent - s.activeCount);
      if (s.reach.languages().isEmpty()) {
        anyLanguage += room;
      }
      for (String l : s.reach.languages()) {
        free.merge(l, room, Integer::sum);
      }
    }
    if (anyLanguage > 0) {
      int extra = anyLanguage;
      free.replaceAll((l, n) -> n + extra);
    }
    return free;
  }

  /** Whether taking one of this agent's seats leaves another language they speak short of spare seats. */
  private static boolean takesScarceSeat(AgentSeat s, String language, Map<String, Integer> free) {
    Iterable<String> spoken = s.reach.languages().isEmpty() ? free.keySet() : s.reach.languages();
    for (String l : spoken) {
      if (!l.equals(language) && free.getOrDefault(l, 0) - 1 < SPARE_SEATS) {
        return true;
      }
    }
    return false;
  }
}
