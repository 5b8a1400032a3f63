package dev.unibox.shifts;

import dev.unibox.auth.CurrentUser;
import dev.unibox.conversations.Activities;
import dev.unibox.conversations.ConversationStore;
import dev.unibox.events.Change;
import dev.unibox.events.EventNames;
import dev.unibox.events.UnitOfWork;
import dev.unibox.routing.Seats;
import dev.unibox.signals.Kicks;
import dev.unibox.web.ApiException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Moves one conversation to another owner: the shift-end handover, an agent's transfer, a supervisor's
 * reassignment. Each move is one transaction under the routing lock: the conversation row is locked,
 * the new seat is taken through {@link Seats} (skills and capacity as the router applies them) or the
 * conversation goes back to the queue at the head of its class, the old seat is freed, and the timeline
 * gets the activity and the handover note — all or nothing. So a conversation is never without both an
 * owner and a queue place, never lost and never owned twice.
 */
public final class Moves {

  public enum Kind {
    HANDOVER(Activities.HANDED_OVER), TRANSFER(Activities.TRANSFERRED), REASSIGN(Activities.REASSIGNED);

    final String activity;

    Kind(String activity) {
      this.activity = activity;
    }

    public String wire() {
      return name().toLowerCase();
    }
  }

  /**
   * @param actor         who asks (null: the shift clock)
   * @param expectedOwner move only if this agent still owns it (null: whoever owns it)
   * @param toAgent       a named agent (null: the router chooses)
   * @param toQueue       back to the queue instead of to an agent
   * @param team          the team the conversation needs from now on (null: unchanged)
   * @param note          the handover note (blank: the outgoing agent's saved draft, else the prefilled one)
   * @param overCapacity  a supervisor's override: the named agent takes it even when full
   */
  public record Request(long conversationId, Kind kind, CurrentUser actor, Long expectedOwner, Long toAgent,
                        boolean toQueue, String team, String reason, String note, boolean overCapacity) {
    public Request(long conversationId, Kind kind, CurrentUser actor, Long expectedOwner, Long toAgent,
                   boolean toQueue, String team, String reason, String note) {
      this(conversationId, kind, actor, expectedOwner, toAgent, toQueue, team, reason, note, false);
    }
  }

  /** result: assigned, queued or skipped (closed, or no longer the expected owner's). */
  public record Outcome(long conversationId, String result, Long fromAgentId, Long toAgentId, String detail) {
    public JsonObject json() {
      return new JsonObject().put("conversationId", conversationId).put("result", result)
          .put("fromAgentId", fromAgentId).put("toAgentId", toAgentId).put("detail", detail);
    }
  }

  private final UnitOfWork work;

  public Moves(Vertx vertx, Pool pool, Clock clock) {
    this.work = new UnitOfWork(vertx, pool, clock);
  }

  public Future<Outcome> move(Request req) {
    return moveAll(List.of(req)).map(list -> list.get(0));
  }

  /**
   * Several moves in one transaction (one commit for a batch of a shift-end handover): each conversation
   * still moves completely or not at all, and if any fails none does — the caller can retry one by one.
   */
  public Future<List<Outcome>> moveAll(List<Request> reqs) {
    List<Outcome> out = new ArrayList<>();
    return work.run(change -> {
          SqlConnection conn = change.conn();
          Long[] ids = reqs.stream().map(Request::conversationId).toArray(Long[]::new);
          Map<Long, Row> locked = new HashMap<>();
          Future<Void> chain = Seats.lockRouting(conn)
              .compose(v -> MoveStore.lock(conn, ids))
              .map(rows -> {
                locked.putAll(rows);
                return null;
              });
          for (Request req : reqs) {
            chain = chain.compose(v -> locked.containsKey(req.conversationId())
                    ? moveLocked(change, req, locked.get(req.conversationId()))
                    : Future.failedFuture(ApiException.notFound("Conversation")))
                .map(o -> {
                  out.add(o);
                  return null;
                });
          }
          return chain.map(v -> {
            if (out.stream().anyMatch(o -> "queued".equals(o.result()))) {
              change.afterCommit(Kicks::routing);
            }
            return out;
          });
        });
  }

  private Future<Outcome> moveLocked(Change change, Request req, Row c) {
    SqlConnection conn = change.conn();
    Instant now = change.now();
    long id = c.getLong("id");
    String accountId = c.getString("account_id");
    String status = c.getString("status");
    Long owner = c.getLong("assignee_id");
    String ownerName = c.getString("assignee_name");
    Future<Void> allowed = authorize(conn, req.actor(), id, accountId, c.getString("owning_team"), owner);
    return allowed.compose(v -> {
      if ("closed".equals(status)) {
        return req.expectedOwner() != null ? skipped(id, owner, "solved meanwhile")
            : Future.failedFuture(new ApiException(409, "conversation_closed", "This conversation is solved"));
      }
      if (req.expectedOwner() != null && !req.expectedOwner().equals(owner)) {
        return skipped(id, owner, "no longer owned by agent " + req.expectedOwner());
      }
      if (req.toQueue() && owner == null) {
        return Future.failedFuture(new ApiException(409, "already_queued", "This conversation is already in the queue"));
      }
      if (req.toAgent() != null && req.toAgent().equals(owner)) {
        return Future.failedFuture(new ApiException(409, "already_owner", ownerName + " already has this conversation"));
      }
      String team = req.team() != null ? req.team() : c.getString("team");
      Future<Optional<Seats.Seat>> seat;
      if (req.toQueue()) {
        seat = Future.succeededFuture(Optional.empty());
      } else if (req.toAgent() != null) {
        seat = Seats.takeOn(conn, req.toAgent(), accountId, team, now, req.overCapacity())
            .compose(r -> r instanceof Seats.Refusal no
            ? Future.failedFuture(new ApiException(no.status(), no.code(), no.message()))
            : Future.succeededFuture(Optional.of((Seats.Seat) r)));
      } else {
        seat = Seats.takeBest(conn, accountId, c.getString("platform"), c.getString("language"), team,
            owner == null ? -1 : owner, now);
      }
      // Statements on one connection run in the order sent: independent ones are sent together (pipelined).
      Future<String> noteF = noteText(conn, id, req.note(), now);
      return Future.all(seat, noteF).compose(ready -> {
        Optional<Seats.Seat> s = seat.result();
        String note = noteF.result();
        Long to = s.map(Seats.Seat::agentId).orElse(null);
        String toName = s.map(Seats.Seat::displayName).orElse(null);
        boolean over = s.map(Seats.Seat::overCapacity).orElse(false);
        String body = describe(req, ownerName, toName, team, over);
        Long noteAuthor = owner != null && (req.actor() == null || req.actor().id() == owner) ? owner
            : req.actor() == null ? null : req.actor().id();
        Future<Void> freed = owner == null ? Future.succeededFuture() : Seats.free(conn, owner);
        Future<Void> moved = to != null ? MoveStore.toAgent(conn, id, to, team, now)
            : MoveStore.toQueue(conn, id, team, now, owner);
        Future<Void> recorded = MoveStore.recordMoveAndNote(conn, id,
            to != null ? req.kind().activity : Activities.REQUEUED, req.actor() == null ? null : req.actor().id(),
            to, body, noteAuthor, note, now);
        Future<Void> dropped = MoveStore.dropDrafts(conn, new Long[] {id});
        Future<JsonObject> summary = ConversationStore.summary(conn, id);
        Future<List<Long>> recipients = change.audience(accountId, to);
        return Future.all(List.of(freed, moved, recorded, dropped, summary, recipients)).compose(all -> {
          List<Long> to2 = new ArrayList<>(recipients.result());
          if (owner != null) {
            to2.add(owner);
          }
          JsonObject data = new JsonObject().put("conversation", summary.result()).put("kind", req.kind().wire())
              .put("from", owner == null ? null : new JsonObject().put("id", owner).put("displayName", ownerName))
              .put("to", to == null ? null : new JsonObject().put("id", to).put("displayName", toName))
              .put("by", req.actor() == null ? null
                  : new JsonObject().put("id", req.actor().id()).put("displayName", req.actor().displayName()))
              .put("reason", req.reason()).put("note", note).put("text", body).put("overCapacity", over);
          change.tell(to2, EventNames.CONVERSATION_MOVED, data);
          return Future.succeededFuture();
        }).map(x -> new Outcome(id, to != null ? "assigned" : "queued", owner, to, body));
      });
    });
  }

  /**
   * Agents move only what they own (a former owner is told it moved: 409); supervisors only in their
   * shops, and a team lead only their teams' conversations.
   */
  private Future<Void> authorize(SqlConnection conn, CurrentUser actor, long id, String accountId, String team,
                                 Long owner) {
    if (actor == null) {
      return Future.succeededFuture();
    }
    if (actor.oversees()) {
      return actor.oversees(accountId, team) ? Future.succeededFuture()
          : Future.failedFuture(ApiException.forbidden("This conversation is outside your shops or teams"));
    }
    if (owner != null && owner == actor.id()) {
      return Future.succeededFuture();
    }
    return MoveStore.wasOwner(conn, id, actor.id()).compose(was -> was
        ? Future.failedFuture(new ApiException(409, "not_owner", "This conversation is no longer assigned to you"))
        : Future.failedFuture(ApiException.forbidden("This conversation is not assigned to you")));
  }

  private Future<String> noteText(SqlConnection conn, long id, String given, Instant now) {
    if (given != null && !given.isBlank()) {
      return Future.succeededFuture(given.strip());
    }
    return HandoverNotes.savedOrPrefilled(conn, id, now);
  }

  private static String describe(Request req, String from, String to, String team, boolean overCapacity) {
    String reason = (overCapacity ? ", over capacity" : "")
        + (req.reason() == null || req.reason().isBlank() ? "" : ": " + req.reason().strip());
    String who = req.actor() == null ? "" : " by " + req.actor().displayName();
    String fromPart = from == null ? "" : " from " + from;
    if (to == null) {
      return "Back to the queue (first in its class)" + fromPart + who
          + (team != null && req.team() != null ? " for team " + team : "") + reason;
    }
    return switch (req.kind()) {
      case HANDOVER -> "Handed over" + fromPart + " to " + to + who + reason;
      case TRANSFER -> "Transferred" + fromPart + " to " + to + (req.team() != null ? " (team " + team + ")" : "")
          + who + reason;
      case REASSIGN -> "Reassigned" + fromPart + " to " + to + who + reason;
    };
  }

  private static Future<Outcome> skipped(long id, Long owner, String why) {
    return Future.succeededFuture(new Outcome(id, "skipped", owner, null, why));
  }
}
