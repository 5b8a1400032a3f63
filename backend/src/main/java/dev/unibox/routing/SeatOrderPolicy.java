package dev.unibox.routing;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A policy that orders the queue by SQL and gives each conversation the eligible seat first in its seat order. */
abstract class SeatOrderPolicy implements RoutingPolicy {

  private final String name;
  private final String queueOrder;
  private final Comparator<AgentSeat> seatOrder;

  /** seatOrder must end in a unique key (the seat id), so the pick never depends on the list's order. */
  SeatOrderPolicy(String name, String queueOrder, Comparator<AgentSeat> seatOrder) {
    this.name = name;
    this.queueOrder = queueOrder;
    this.seatOrder = seatOrder;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String queueOrder() {
    return queueOrder;
  }

  @Override
  public Optional<AgentSeat> pick(List<AgentSeat> seats, Candidate candidate) {
    List<AgentSeat> eligible = seats.stream().filter(s -> s.canTake(candidate)).toList();
    return eligible.size() < 2 ? eligible.stream().findFirst() : eligible.stream().min(seatOrder(seats, candidate));
  }

  /** The order among two or more eligible seats; a policy may make it depend on the pass's seats and the buyer. */
  Comparator<AgentSeat> seatOrder(List<AgentSeat> seats, Candidate candidate) {
    return seatOrder;
  }
}
