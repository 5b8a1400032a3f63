package dev.unibox.routing;

import io.vertx.core.Vertx;

/** Tells the routers that the queue or the agents changed (new conversation, agent online, capacity freed). */
public final class RoutingKick {

  public static final String ADDRESS = "unibox.routing.kick";

  private RoutingKick() {}

  public static void send(Vertx vertx) {
    vertx.eventBus().publish(ADDRESS, null);
  }
}
