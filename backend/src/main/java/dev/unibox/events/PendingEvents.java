package dev.unibox.events;

import dev.unibox.signals.Addresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Collects the events a transaction appends and publishes them only after it committed, so a socket
 * never shows something the store does not hold.
 */
public final class PendingEvents {

  private final List<EventLog.Delivery> deliveries = new ArrayList<>();

  public Future<Void> append(SqlConnection conn, Collection<Long> recipients, String type, JsonObject data,
                             Instant at) {
    return EventLog.append(conn, recipients, type, data, at).map(d -> {
      deliveries.addAll(d);
      return null;
    });
  }

  /** Many events of one type in one statement: recipients.get(i) receive data.get(i). */
  public Future<Void> appendEach(SqlConnection conn, List<? extends Collection<Long>> recipients, String type,
                                 List<JsonObject> data, Instant at) {
    return EventLog.appendEach(conn, recipients, type, data, at).map(d -> {
      deliveries.addAll(d);
      return null;
    });
  }

  /** Many events in one round trip (see {@link EventLog#appendAll}). */
  public Future<Void> appendAll(SqlConnection conn, List<EventLog.Outgoing> outgoing, Instant at) {
    return EventLog.appendAll(conn, outgoing, at).map(d -> {
      deliveries.addAll(d);
      return null;
    });
  }

  public void publish(Vertx vertx) {
    for (EventLog.Delivery d : deliveries) {
      vertx.eventBus().publish(Addresses.user(d.userId()), d.frame());
    }
    deliveries.clear();
  }
}
