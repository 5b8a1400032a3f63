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
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shift-end handover of a batch of conversations in one transaction, set-based: the same rules and
 * records as {@link Moves} (seat choice as {@link Seats}: online, on shift, serves the shop, of the
 * conversation's team, under capacity, least loaded, longest since an assignment, never the outgoing
 * agent; otherwise the head of the queue), but a handful of statements per batch instead of a dozen per
 * conversation. Each conversation still moves completely or not at all (the batch commits as one).
 */
final class BulkHandover {

  private static final String LOCK = """
      SELECT c.id, c.account_id, c.status, c.assignee_id, c.team, u.display_name AS assignee_name,
             COALESCE(u.team, c.team) AS owning_team
      FROM conversations c LEFT JOIN users u ON u.id = c.assignee_id
      WHERE c.id = ANY($1) ORDER BY c.id FOR UPDATE OF c""";

  private static final String DRAFTS = "SELECT conversation_id, body FROM handover_drafts WHERE conversation_id = ANY($1)";

  private static final String MESSAGES = """
      SELECT conversation_id, direction, body, at FROM (
        SELECT conversation_id, direction, body, at, id,
               row_number() OVER (PARTITION BY conversation_id ORDER BY at DESC, id DESC) AS rn
        FROM messages WHERE conversation_id = ANY($1)) m
      WHERE rn <= 200 ORDER BY conversation_id, at, id""";

  /** The seats of this batch, locked (same eligibility as Seats.BEST). */
  private static final String SEATS = """
      SELECT u.id, u.display_name, u.all_accounts, u.active_count, u.max_concurrent, u.last_assigned_at, u.team,
             ARRAY(SELECT ua.account_id FROM user_accounts ua WHERE ua.user_id = u.id) AS account_ids
      FROM users u
      WHERE u.role = 'agent' AND u.presence = 'online' AND u.active_count < u.max_concurrent
        AND u.shift_state IN ('unrostered', 'on_shift', 'standby_active')
      ORDER BY u.id FOR UPDATE OF u""";

  private static final String MOVE = """
      UPDATE conversations c SET status = CASE WHEN x.agent IS NULL THEN 'queued' ELSE 'assigned' END,
             assignee_id = x.agent, last_assignee_id = x.agent,
             queued_at = CASE WHEN x.agent IS NULL THEN $3::timestamptz END,
             head_of_class = x.agent IS NULL, updated_at = $3
      FROM unnest($1::bigint[], $2::bigint[]) AS x(id, agent) WHERE c.id = x.id""";

  private static final String LOADS = """
      UPDATE users u SET active_count = u.active_count + x.delta,
             last_assigned_at = CASE WHEN x.took THEN $4::timestamptz ELSE u.last_assigned_at END
      FROM unnest($1::bigint[], $2::int[], $3::bool[]) AS x(id, delta, took) WHERE u.id = x.id""";

  private static final String OVER_CAPACITY =
      "SELECT count(*) FROM users WHERE id = ANY($1) AND (active_count > max_concurrent OR active_count < 0)";

  private static final String RECORD = """
      INSERT INTO activities (conversation_id, type, actor_user_id, target_user_id, body, at)
      SELECT x.c, x.t, x.a, x.g, x.b, $6 FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::bigint[], $5::text[])
        AS x(c, t, a, g, b)""";

  private static final String DROP_DRAFTS = "DELETE FROM handover_drafts WHERE conversation_id = ANY($1)";

  private final UnitOfWork work;

  BulkHandover(Vertx vertx, Pool pool, Clock clock) {
    this.work = new UnitOfWork(vertx, pool, clock);
  }

  /** reqs: HANDOVER requests in the order seats should be given (most urgent first), each with expectedOwner. */
  Future<List<Moves.Outcome>> run(List<Moves.Request> reqs, String reason) {
    Long[] ids = reqs.stream().map(Moves.Request::conversationId).toArray(Long[]::new);
    List<Moves.Outcome> out = new ArrayList<>();
    return work.run(change -> Seats.lockRouting(change.conn())
        .compose(v -> change.conn().preparedQuery(LOCK).execute(Tuple.tuple().addArrayOfLong(ids)))
        .compose(lockedRows -> {
          Map<Long, Row> locked = new HashMap<>();
          lockedRows.forEach(r -> locked.put(r.getLong("id"), r));
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
    var drafts = conn.preparedQuery(DRAFTS).execute(Tuple.tuple().addArrayOfLong(movingIds));
    var messages = conn.preparedQuery(MESSAGES).execute(Tuple.tuple().addArrayOfLong(movingIds));
    var seats = conn.query(SEATS).execute();
    return Future.all(drafts, messages, seats).compose(x -> {
      HandoverBatch batch = HandoverBatch.plan(moving, locked, savedNotes(drafts.result()),
          recentLines(messages.result()), HandoverBatch.seats(seats.result()), reason, now);
      out.addAll(batch.outcomes());
      return write(conn, batch, now).compose(v -> announce(change, batch, locked));
    });
  }

  private static Map<Long, String> savedNotes(RowSet<Row> rows) {
    Map<Long, String> notes = new HashMap<>();
    rows.forEach(r -> notes.put(r.getLong("conversation_id"), r.getString("body")));
    return notes;
  }

  private static Map<Long, List<HandoverDraft.Line>> recentLines(RowSet<Row> rows) {
    Map<Long, List<HandoverDraft.Line>> lines = new HashMap<>();
    for (Row r : rows) {
      lines.computeIfAbsent(r.getLong("conversation_id"), k -> new ArrayList<>()).add(new HandoverDraft.Line(
          "in".equals(r.getString("direction")), r.getString("body"), r.getOffsetDateTime("at").toInstant()));
    }
    return lines;
  }

  /** Moves the conversations, the agents' loads and the timeline in a handful of statements. */
  private static Future<Void> write(SqlConnection conn, HandoverBatch b, Instant now) {
    var utcNow = now.atOffset(ZoneOffset.UTC);
    Future<?> moved = conn.preparedQuery(MOVE).execute(Tuple.tuple().addArrayOfLong(b.conversationIds())
        .addArrayOfLong(b.agents()).addOffsetDateTime(utcNow));
    Future<?> loads = conn.preparedQuery(LOADS).execute(Tuple.tuple().addArrayOfLong(b.userIds())
        .addArrayOfInteger(b.userDeltas()).addArrayOfBoolean(b.userTook()).addOffsetDateTime(utcNow));
    Future<Long> over = conn.preparedQuery(OVER_CAPACITY).execute(Tuple.tuple().addArrayOfLong(b.userIds()))
        .map(r -> r.iterator().next().getLong(0));
    HandoverBatch.TimelineRows acts = b.timeline();
    Future<?> recorded = conn.preparedQuery(RECORD).execute(Tuple.tuple()
        .addArrayOfLong(acts.conversations()).addArrayOfString(acts.types()).addArrayOfLong(acts.actors())
        .addArrayOfLong(acts.targets()).addArrayOfString(acts.bodies()).addOffsetDateTime(utcNow));
    Future<?> dropped = conn.preparedQuery(DROP_DRAFTS).execute(Tuple.tuple().addArrayOfLong(b.conversationIds()));
    return Future.all(moved, loads, over, recorded, dropped).compose(x -> over.result() > 0
        ? Future.failedFuture(new IllegalStateException("a handover batch would overfill an agent"))
        : Future.succeededFuture());
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
