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
 * The events of one transaction: collected while it runs, stored in one round trip by {@link #flush},
 * and announced to the node's {@link EventTail} only after commit, so a socket never shows something
 * the store does not hold.
 */
public final class PendingEvents {

  private final List<EventLog.Outgoing> queued = new ArrayList<>();
  private boolean stored;

  /** Queues an event; it is written by {@link #flush} (or the next append call's flush) in the same transaction. */
  public void add(Collection<Long> recipients, String type, JsonObject data) {
    queued.add(new EventLog.Outgoing(List.copyOf(recipients), type, data));
  }

  public Future<Void> append(SqlConnection conn, Collection<Long> recipients, String type, JsonObject data,
                             Instant at) {
    add(recipients, type, data);
    return flush(conn, at);
  }

  /** Many events of one type: recipients.get(i) receive data.get(i). */
  public Future<Void> appendEach(SqlConnection conn, List<? extends Collection<Long>> recipients, String type,
                                 List<JsonObject> data, Instant at) {
    for (int i = 0; i < data.size(); i++) {
      add(recipients.get(i), type, data.get(i));
    }
    return flush(conn, at);
  }

  public Future<Void> appendAll(SqlConnection conn, List<EventLog.Outgoing> outgoing, Instant at) {
    queued.addAll(outgoing);
    return flush(conn, at);
  }

  /** Writes the queued events in one statement, in the order queued. */
  public Future<Void> flush(SqlConnection conn, Instant at) {
    if (queued.isEmpty()) {
      return Future.succeededFuture();
    }
    List<EventLog.Outgoing> batch = List.copyOf(queued);
    queued.clear();
    return EventLog.appendAll(conn, batch, at).map(ids -> {
      stored |= !ids.isEmpty();
      return null;
    });
  }

  /** After commit: tells the node's tail there is something new to read. */
  public void publish(Vertx vertx) {
    if (stored) {
      EventTail.kick(vertx);
    }
    stored = false;
  }
}
