package dev.unibox.shifts;

import dev.unibox.auth.CurrentUser;
import dev.unibox.events.EventNames;
import dev.unibox.events.PendingEvents;
import dev.unibox.signals.Addresses;
import dev.unibox.signals.Kicks;
import dev.unibox.web.ApiException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Agent presence: online / away / offline. The socket decides online-or-offline (the gateway publishes
 * on {@link #CHANGED}); the agent's explicit switch chooses between online and away. Every change is an
 * {@code agent.presence} event (of agents) for the supervisors who oversee them.
 */
public final class Presence {

  private static final String CHOOSE = """
      UPDATE users SET presence_choice = $2,
                       presence = CASE WHEN presence = 'offline' THEN 'offline' ELSE $2 END,
                       presence_at = $3
      WHERE id = $1""";

  private static final String AGENT = """
      SELECT id, username, display_name, role, presence, presence_choice, shift_state, team, active_count,
             max_concurrent
      FROM users WHERE id = $1""";

  private final Vertx vertx;
  private final Pool pool;
  private final Clock clock;

  public Presence(Vertx vertx, Pool pool, Clock clock) {
    this.vertx = vertx;
    this.pool = pool;
    this.clock = clock;
  }

  /** Listens for the gateway's socket-driven changes. */
  public Future<Void> listen() {
    // local: with several nodes, each change is announced once, by the node where it happened
    return vertx.eventBus().<Long>localConsumer(Addresses.PRESENCE_CHANGED, msg -> announce(msg.body())).completion();
  }

  /** The explicit switch (online or away); offline stays offline until a socket connects. */
  public Future<JsonObject> choose(CurrentUser user, String status) {
    if (!"online".equals(status) && !"away".equals(status)) {
      return Future.failedFuture(ApiException.badRequest("bad_status", "status must be online or away"));
    }
    Instant now = clock.instant();
    PendingEvents events = new PendingEvents();
    return pool.withTransaction(c -> c.preparedQuery(CHOOSE).execute(Tuple.of(user.id(), status, now.atOffset(ZoneOffset.UTC)))
            .compose(v -> appendEvent(c, user.id(), now, events)))
        .onSuccess(a -> {
          events.publish(vertx);
          if ("online".equals(a.getString("presence"))) {
            Kicks.routing(vertx);
          }
        });
  }

  private void announce(long userId) {
    Instant now = clock.instant();
    PendingEvents events = new PendingEvents();
    pool.withTransaction(c -> appendEvent(c, userId, now, events))
        .onSuccess(v -> events.publish(vertx));
  }

  private Future<JsonObject> appendEvent(SqlConnection c, long userId, Instant now, PendingEvents events) {
    return c.preparedQuery(AGENT).execute(Tuple.of(userId)).compose(rows -> {
      Row row = rows.iterator().next();
      JsonObject agent = agentJson(row);
      if (!"agent".equals(row.getString("role"))) {
        return Future.succeededFuture(agent); // supervisors' presence is nobody's event
      }
      // the agent's own tabs know their presence; the event is for the supervisors who oversee them
      return Staff.overseersOf(c, userId).compose(ids -> {
        List<Long> to = new ArrayList<>(ids);
        to.remove(Long.valueOf(userId));
        return events.append(c, to, EventNames.AGENT_PRESENCE, new JsonObject().put("agent", agent), now);
      }).map(agent);
    });
  }

  static JsonObject agentJson(Row r) {
    return new JsonObject().put("id", r.getLong("id")).put("username", r.getString("username"))
        .put("displayName", r.getString("display_name")).put("presence", r.getString("presence"))
        .put("presenceChoice", r.getString("presence_choice")).put("shiftState", r.getString("shift_state"))
        .put("team", r.getString("team")).put("activeCount", r.getInteger("active_count"))
        .put("maxConcurrent", r.getInteger("max_concurrent"));
  }
}
