package dev.unibox.signals;

import io.vertx.core.Vertx;

/** Wakes the loops of every node without waiting for their next timer. */
public final class Kicks {

  private Kicks() {}

  /** The queue or the agents changed (new conversation, agent online, capacity freed). */
  public static void routing(Vertx vertx) {
    vertx.eventBus().publish(Addresses.ROUTING_KICK, null);
  }

  /** A reply was committed: deliver it now rather than at the next poll. */
  public static void outbox(Vertx vertx) {
    vertx.eventBus().publish(Addresses.OUTBOX_KICK, null);
  }

  /** Poll one account's backstop now. */
  public static void poll(Vertx vertx, String accountId) {
    vertx.eventBus().publish(Addresses.POLL_KICK, accountId);
  }
}
