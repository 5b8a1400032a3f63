package dev.unibox.bench;

import dev.unibox.bench.PromotionDayWorkload.Arrival;

/** A conversation the simulation follows: when the buyer started waiting, and when an agent first answered. */
final class TrackedChat {
  final Arrival arrival;
  long conversationId;
  Long agent;
  long answeredAt = -1;
  long closedAt = -1;

  TrackedChat(Arrival arrival) {
    this.arrival = arrival;
  }
}
