package dev.unibox.auth;

import dev.unibox.signals.Addresses;
import io.vertx.core.Vertx;

/**
 * Tells every node that a user's sessions were revoked, after the new token version is committed: HTTP
 * calls are refused by the version check at once; the nodes close that user's open sockets on this
 * message (gateway.SocketSessions).
 */
public final class Revocations {

  private Revocations() {
  }

  public static void announce(Vertx vertx, long userId) {
    vertx.eventBus().publish(Addresses.SESSIONS_REVOKED, userId);
  }
}
