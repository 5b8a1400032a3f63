package dev.unibox.routing;

import dev.unibox.conversations.Activities;
import dev.unibox.conversations.ConversationStore;
import dev.unibox.events.EventLog;
import dev.unibox.events.EventNames;
import dev.unibox.events.PendingEvents;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Assigns queued conversations, highest priority first. A pass walks the queue head in order, so a
 * lower-priority conversation is only assigned when no eligible agent had a seat for the higher ones.
 */
public final class Router {

  private static final int HEAD_SIZE = 200;

  private final Vertx vertx;
  private final Pool pool;
  private final Clock clock;

  public Router(Vertx vertx, Pool pool, Clock clock) {
    this.vertx = vertx;
    this.pool = pool;
    this.clock = clock;
  }

  /** Assigns until nothing more can be assigned; returns how many were assigned. */
  public Future<Integer> drain() {
    return drain(0);
  }

  private Future<Integer> drain(int soFar) {
    return assignBatch().compose(n -> n > 0 ? drain(soFar + n) : Future.succeededFuture(soFar));
  }

  /**
   * One transaction: locks the free seats once, then walks the queue head in priority order and gives
   * each conversation the best seat left. Seats are a snapshot: an agent coming online mid-pass waits
   * for the next pass, so no lower conversation can take a seat a higher one was refused.
   */
  public Future<Integer> assignBatch() {
    PendingEvents events = new PendingEvents();
    return pool.withTransaction(conn -> RoutingStore.lockRouting(conn)
            .compose(v -> RoutingStore.availableAgents(conn))
            .compose(seats -> seats.isEmpty() ? Future.succeededFuture(0)
                : RoutingStore.queueHead(conn, HEAD_SIZE)
                    .compose(candidates -> assignInOrder(conn, candidates, 0, seats, 0, events))))
        .map(assigned -> {
          events.publish(vertx);
          return assigned;
        });
  }

  private Future<Integer> assignInOrder(SqlConnection conn, List<RoutingStore.Candidate> candidates, int index,
                                        List<AgentSeat> seats, int assigned, PendingEvents events) {
    if (index >= candidates.size()) {
      return Future.succeededFuture(assigned);
    }
    RoutingStore.Candidate candidate = candidates.get(index);
    AgentSeat seat = SeatPicker.pick(seats, candidate.accountId(), candidate.lastAssigneeId(), candidate.team())
        .orElse(null);
    if (seat == null) {
      return assignInOrder(conn, candidates, index + 1, seats, assigned, events);
    }
    Instant now = clock.instant();
    seat.activeCount++;
    seat.lastAssignedAt = now;
    return assign(conn, candidate, seat, now, events)
        .compose(v -> assignInOrder(conn, candidates, index + 1, seats, assigned + 1, events));
  }

  private Future<Void> assign(SqlConnection conn, RoutingStore.Candidate candidate, AgentSeat agent, Instant now,
                              PendingEvents events) {
    return RoutingStore.assign(conn, candidate.id(), agent.id, now)
        .compose(v -> Activities.record(conn, candidate.id(), Activities.ASSIGNED, null, agent.id,
            "Assigned to " + agent.displayName, now))
        .compose(v -> ConversationStore.summary(conn, candidate.id()))
        .compose(summary -> EventLog.conversationRecipients(conn, candidate.accountId(), agent.id)
            .compose(recipients -> events.append(conn, recipients, EventNames.CONVERSATION_ASSIGNED,
                new JsonObject().put("conversation", summary), now)));
  }
}
