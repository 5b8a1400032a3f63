package dev.unibox.shifts;

import dev.unibox.auth.CurrentUser;
import dev.unibox.events.EventNames;
import dev.unibox.events.Change;
import dev.unibox.events.UnitOfWork;
import dev.unibox.signals.Addresses;
import dev.unibox.signals.Kicks;
import dev.unibox.web.ApiException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Agent presence: online / away / offline. The socket decides online-or-offline (the gateway publishes
 * on {@link #CHANGED}); the agent's explicit switch chooses between online and away. Every change is an
 * {@code agent.presence} event (of agents) for the supervisors who oversee them.
 */
public final class Presence {

  private final UnitOfWork work;

  public Presence(Vertx vertx, Pool pool, Clock clock) {
    this.work = new UnitOfWork(vertx, pool, clock);
  }

  /** Listens for the gateway's socket-driven changes. */
  public Future<Void> listen() {
    // local: with several nodes, each change is announced once, by the node where it happened
    return work.vertx().eventBus().<Long>localConsumer(Addresses.PRESENCE_CHANGED, msg -> announce(msg.body()))
        .completion();
  }

  /** The explicit switch (online or away); offline stays offline until a socket connects. */
  public Future<JsonObject> choose(CurrentUser user, String status) {
    if (!"online".equals(status) && !"away".equals(status)) {
      return Future.failedFuture(ApiException.badRequest("bad_status", "status must be online or away"));
    }
    return work.run(change -> PresenceStore.choose(change.conn(), user.id(), status, change.now())
        .compose(v -> tellOverseers(change, user.id()))
        .onSuccess(a -> {
          if ("online".equals(a.getString("presence"))) {
            change.afterCommit(Kicks::routing);
          }
        }));
  }

  private void announce(long userId) {
    work.run(change -> tellOverseers(change, userId));
  }

  private static Future<JsonObject> tellOverseers(Change change, long userId) {
    return PresenceStore.person(change.conn(), userId).compose(person -> {
      if (!person.agent()) {
        return Future.succeededFuture(person.json()); // supervisors' presence is nobody's event
      }
      // the agent's own tabs know their presence; the event is for the supervisors who oversee them
      return Staff.overseersOf(change.conn(), userId).map(ids -> {
        List<Long> to = new ArrayList<>(ids);
        to.remove(Long.valueOf(userId));
        change.tell(to, EventNames.AGENT_PRESENCE, new JsonObject().put("agent", person.json()));
        return person.json();
      });
    });
  }
}
