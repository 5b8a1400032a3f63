package dev.unibox.shifts;

import dev.unibox.conversations.ConversationStore;
import dev.unibox.events.Change;
import dev.unibox.events.EventNames;
import dev.unibox.events.UnitOfWork;
import dev.unibox.routing.Seats;
import dev.unibox.signals.Kicks;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The shift-end handover of a batch of conversations in one transaction, set-based: the same rules and
 * records as {@link Moves} (seat choice as {@link Seats}: online, on shift, serves the shop, reads the
 * conversation's language and works its platform, of its team, under capacity, least loaded, longest since
 * an assignment, never the outgoing agent; otherwise the head of the queue), but a handful of statements
 * per batch instead of a dozen per conversation. Each conversation still moves completely or not at all
 * (the batch commits as one).
 */
final class BulkHandover {

  private final UnitOfWork work;

  BulkHandover(Vertx vertx, Pool pool, Clock clock) {
    this.work = new UnitOfWork(vertx, pool, clock);
  }

  /** reqs: HANDOVER requests in the order seats should be given (most urgent first), each with expectedOwner. */
  Future<List<Moves.Outcome>> run(List<Moves.Request> reqs, String reason) {
    Long[] ids = reqs.stream().map(Moves.Request::conversationId).toArray(Long[]::new);
    List<Moves.Outcome> out = new ArrayList<>();
    return work.run(change -> Seats.lockRouting(change.conn())
        .compose(v -> MoveStore.lock(change.conn(), ids))
        .compose(locked -> {
          List<Moves.Request> moving = stillMovable(reqs, locked, out);
          return moving.isEmpty() ? Future.succeededFuture() : handOver(change, moving, locked, reason, out);
        })
        .map(v -> {
          if (out.stream().anyMatch(o -> "queued".equals(o.result()))) {
            change.afterCommit(Kicks::routing);
          }
          return out;
        }));
  }

  /** The requests whose conversation is still the expected agent's and in the actor's shops; the rest skipped. */
  private static List<Moves.Request> stillMovable(List<Moves.Request> reqs, Map<Long, Row> locked,
                                                  List<Moves.Outcome> out) {
    List<Moves.Request> moving = new ArrayList<>();
    for (Moves.Request r : reqs) {
      Row row = locked.get(r.conversationId());
      if (row == null || !"assigned".equals(row.getString("status"))
          || !r.expectedOwner().equals(row.getLong("assignee_id"))) {
        out.add(new Moves.Outcome(r.conversationId(), "skipped", row == null ? null : row.getLong("assignee_id"),
            null, "no longer owned by agent " + r.expectedOwner()));
      } else if (r.actor() != null && r.actor().oversees()
          && !r.actor().oversees(row.getString("account_id"), row.getString("owning_team"))) {
        out.add(new Moves.Outcome(r.conversationId(), "skipped", row.getLong("assignee_id"), null,
            "outside the shops of " + r.actor().displayName()));
      } else {
        moving.add(r);
      }
    }
    return moving;
  }

  private Future<Void> handOver(Change change, List<Moves.Request> moving, Map<Long, Row> locked, String reason,
                                List<Moves.Outcome> out) {
    SqlConnection conn = change.conn();
    Instant now = change.now();
    Long[] movingIds = moving.stream().map(Moves.Request::conversationId).toArray(Long[]::new);
    var notes = MoveStore.savedNotes(conn, movingIds);
    var lines = MoveStore.recentLines(conn, movingIds);
    var seats = MoveStore.seats(conn);
    return Future.all(notes, lines, seats).compose(x -> {
      HandoverBatch batch = HandoverBatch.plan(moving, locked, notes.result(), lines.result(), seats.result(),
          reason, now);
      out.addAll(batch.outcomes());
      return MoveStore.write(conn, batch, now).compose(v -> announce(change, batch, locked));
    });
  }

  /** One conversation.moved event per conversation: to its shop's staff, the outgoing and the incoming agent. */
  private static Future<Void> announce(Change change, HandoverBatch b, Map<Long, Row> locked) {
    List<Moves.Request> moving = b.requests();
    Future<List<JsonObject>> summaries = ConversationStore.summariesInOrder(change.conn(), List.of(b.conversationIds()));
    List<Future<?>> all = new ArrayList<>();
    all.add(summaries);
    for (Moves.Request r : moving) {
      all.add(change.audience(locked.get(r.conversationId()).getString("account_id"), null));
    }
    return Future.all(all).compose(x -> {
      for (int i = 0; i < moving.size(); i++) {
        Row row = locked.get(moving.get(i).conversationId());
        List<Long> to = new ArrayList<>(change.audience(row.getString("account_id"), null).result());
        to.add(row.getLong("assignee_id"));
        if (b.agents()[i] != null) {
          to.add(b.agents()[i]);
        }
        change.tell(to, EventNames.CONVERSATION_MOVED, b.eventData().get(i).put("conversation", summaries.result().get(i)));
      }
      return Future.succeededFuture();
    });
  }
}
