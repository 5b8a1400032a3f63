package dev.unibox.events;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What one {@link UnitOfWork} has written so far: its connection and time, the events it will store
 * when it ends, the recipients it already looked up (once per shop and assignee), and what must happen
 * after its commit.
 */
public final class Change {

  private final SqlConnection conn;
  private final Instant now;
  private final List<EventLog.Outgoing> events = new ArrayList<>();
  private final Map<String, Future<List<Long>>> audiences = new HashMap<>();
  private final Set<Consumer<Vertx>> afterCommit = new LinkedHashSet<>();
  private boolean stored;

  Change(SqlConnection conn, Instant now) {
    this.conn = conn;
    this.now = now;
  }

  public SqlConnection conn() {
    return conn;
  }

  public Instant now() {
    return now;
  }

  /** Queues an event for these users (none: nothing is stored); it is stored when the work ends. */
  public void tell(Collection<Long> recipients, String type, JsonObject data) {
    events.add(new EventLog.Outgoing(List.copyOf(recipients), type, data));
  }

  /** Who hears about a conversation of this shop with this assignee: looked up once per change. */
  public Future<List<Long>> audience(String accountId, Long assigneeId) {
    return audiences.computeIfAbsent(accountId + "/" + assigneeId,
        k -> EventLog.conversationRecipients(conn, accountId, assigneeId));
  }

  /** Queues an event for everyone who hears about a conversation of this shop with this assignee. */
  public Future<Void> tellAbout(String accountId, Long assigneeId, String type, JsonObject data) {
    return audience(accountId, assigneeId).map(to -> {
      tell(to, type, data);
      return null;
    });
  }

  /** Runs after the commit (e.g. {@code Kicks::routing}); nothing runs if the work fails. */
  public void afterCommit(Consumer<Vertx> action) {
    afterCommit.add(action);
  }

  Future<Void> flush() {
    if (events.isEmpty()) {
      return Future.succeededFuture();
    }
    List<EventLog.Outgoing> batch = List.copyOf(events);
    events.clear();
    return EventLog.appendAll(conn, batch, now).map(ids -> {
      stored |= !ids.isEmpty();
      return null;
    });
  }

  void committed(Vertx vertx) {
    if (stored) {
      EventTail.kick(vertx);
    }
    afterCommit.forEach(action -> action.accept(vertx));
  }
}
