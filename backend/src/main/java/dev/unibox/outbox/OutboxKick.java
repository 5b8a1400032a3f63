package dev.unibox.outbox;

import io.vertx.core.Vertx;

/** Wakes the outbox senders when a reply was committed, so delivery does not wait for the next poll. */
public final class OutboxKick {

  public static final String ADDRESS = "unibox.outbox.kick";

  private OutboxKick() {}

  public static void send(Vertx vertx) {
    vertx.eventBus().publish(ADDRESS, null);
  }
}
