package dev.unibox.shifts;

import dev.unibox.conversations.Activities;
import dev.unibox.conversations.ConversationStore;
import dev.unibox.events.EventLog;
import dev.unibox.events.EventNames;
import dev.unibox.events.PendingEvents;
import dev.unibox.routing.Seats;
import dev.unibox.signals.Kicks;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

  private final Vertx vertx;
  private final Pool pool;
  private final Clock clock;

  BulkHandover(Vertx vertx, Pool pool, Clock clock) {
    this.vertx = vertx;
    this.pool = pool;
    this.clock = clock;
  }

  private static final class Seat {
    long id;
    String name;
    boolean all;
    Set<String> accounts;
    String team;
    int active;
    int max;
    Instant last;

    boolean canTake(String account, String needTeam) {
      return active < max && (all || accounts.contains(account)) && (needTeam == null || needTeam.equals(team));
    }

    double load() {
      return max == 0 ? 1 : (double) active / max;
    }
  }

  private static final Comparator<Seat> FAIREST = Comparator.comparingDouble(Seat::load)
      .thenComparing(s -> s.last, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
      .thenComparingLong(s -> s.id);

  /** reqs: HANDOVER requests in the order seats should be given (most urgent first), each with expectedOwner. */
  Future<List<Moves.Outcome>> run(List<Moves.Request> reqs, String reason) {
    Instant now = clock.instant();
    PendingEvents events = new PendingEvents();
    Long[] ids = reqs.stream().map(Moves.Request::conversationId).toArray(Long[]::new);
    List<Moves.Outcome> out = new ArrayList<>();
    return pool.withTransaction(conn -> Seats.lockRouting(conn)
        .compose(v -> conn.preparedQuery(LOCK).execute(Tuple.tuple().addArrayOfLong(ids)))
        .compose(lockedRows -> {
          Map<Long, Row> locked = new HashMap<>();
          lockedRows.forEach(r -> locked.put(r.getLong("id"), r));
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
          if (moving.isEmpty()) {
            return Future.succeededFuture();
          }
          Long[] movingIds = moving.stream().map(Moves.Request::conversationId).toArray(Long[]::new);
          var drafts = conn.preparedQuery(DRAFTS).execute(Tuple.tuple().addArrayOfLong(movingIds));
          var messages = conn.preparedQuery(MESSAGES).execute(Tuple.tuple().addArrayOfLong(movingIds));
          var seats = conn.query(SEATS).execute();
          return Future.all(drafts, messages, seats).compose(x -> apply(conn, moving, locked, drafts.result(),
              messages.result(), seats.result(), reason, now, events, out));
        }))
        .map(v -> {
          events.publish(vertx);
          if (out.stream().anyMatch(o -> "queued".equals(o.result()))) {
            Kicks.routing(vertx);
          }
          return out;
        });
  }

  private Future<Void> apply(SqlConnection conn, List<Moves.Request> moving, Map<Long, Row> locked,
                             io.vertx.sqlclient.RowSet<Row> draftRows, io.vertx.sqlclient.RowSet<Row> messageRows,
                             io.vertx.sqlclient.RowSet<Row> seatRows, String reason, Instant now, PendingEvents events,
                             List<Moves.Outcome> out) {
    Map<Long, String> notes = new HashMap<>();
    draftRows.forEach(r -> notes.put(r.getLong("conversation_id"), r.getString("body")));
    Map<Long, List<HandoverDraft.Line>> lines = new HashMap<>();
    for (Row r : messageRows) {
      lines.computeIfAbsent(r.getLong("conversation_id"), k -> new ArrayList<>()).add(new HandoverDraft.Line(
          "in".equals(r.getString("direction")), r.getString("body"), r.getOffsetDateTime("at").toInstant()));
    }
    List<Seat> seats = new ArrayList<>();
    for (Row r : seatRows) {
      Seat s = new Seat();
      s.id = r.getLong("id");
      s.name = r.getString("display_name");
      s.all = r.getBoolean("all_accounts");
      s.accounts = Set.of(r.getArrayOfStrings("account_ids"));
      s.team = r.getString("team");
      s.active = r.getInteger("active_count");
      s.max = r.getInteger("max_concurrent");
      var last = r.getOffsetDateTime("last_assigned_at");
      s.last = last == null ? null : last.toInstant();
      seats.add(s);
    }
    int n = moving.size();
    Long[] convIds = new Long[n];
    Long[] agents = new Long[n];
    Map<Long, int[]> deltas = new LinkedHashMap<>();
    Map<Long, Boolean> took = new HashMap<>();
    List<Long> actIds = new ArrayList<>();
    List<String> actTypes = new ArrayList<>();
    List<Long> actActors = new ArrayList<>();
    List<Long> actTargets = new ArrayList<>();
    List<String> actBodies = new ArrayList<>();
    List<JsonObject> eventData = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Moves.Request req = moving.get(i);
      Row row = locked.get(req.conversationId());
      long owner = row.getLong("assignee_id");
      String ownerName = row.getString("assignee_name");
      String account = row.getString("account_id");
      String team = row.getString("team");
      Seat seat = seats.stream().filter(s -> s.id != owner && s.canTake(account, team)).min(FAIREST).orElse(null);
      if (seat != null) {
        seat.active++;
        seat.last = now;
        deltas.computeIfAbsent(seat.id, k -> new int[1])[0]++;
        took.put(seat.id, true);
      }
      deltas.computeIfAbsent(owner, k -> new int[1])[0]--;
      String note = req.note() != null && !req.note().isBlank() ? req.note().strip()
          : notes.containsKey(req.conversationId()) ? notes.get(req.conversationId())
          : HandoverDraft.build(lines.getOrDefault(req.conversationId(), List.of()), now);
      String who = req.actor() == null ? "" : " by " + req.actor().displayName();
      String why = reason == null || reason.isBlank() ? "" : ": " + reason;
      String body = seat != null ? "Handed over from " + ownerName + " to " + seat.name + who + why
          : "Back to the queue (first in its class) from " + ownerName + who + why;
      Long actor = req.actor() == null ? null : req.actor().id();
      convIds[i] = req.conversationId();
      agents[i] = seat == null ? null : seat.id;
      actIds.add(req.conversationId());
      actTypes.add(seat != null ? Activities.HANDED_OVER : Activities.REQUEUED);
      actActors.add(actor);
      actTargets.add(agents[i]);
      actBodies.add(body);
      actIds.add(req.conversationId());
      actTypes.add(Activities.HANDOVER_NOTE);
      actActors.add(owner);
      actTargets.add(null);
      actBodies.add(note);
      eventData.add(new JsonObject().put("kind", Moves.Kind.HANDOVER.wire())
          .put("from", new JsonObject().put("id", owner).put("displayName", ownerName))
          .put("to", seat == null ? null : new JsonObject().put("id", seat.id).put("displayName", seat.name))
          .put("by", req.actor() == null ? null
              : new JsonObject().put("id", req.actor().id()).put("displayName", req.actor().displayName()))
          .put("reason", reason).put("note", note).put("text", body));
      out.add(new Moves.Outcome(req.conversationId(), seat != null ? "assigned" : "queued", owner, agents[i], body));
    }
    Long[] userIds = deltas.keySet().toArray(Long[]::new);
    Integer[] userDeltas = deltas.values().stream().map(d -> d[0]).toArray(Integer[]::new);
    Boolean[] userTook = deltas.keySet().stream().map(id -> took.getOrDefault(id, false)).toArray(Boolean[]::new);
    var utcNow = now.atOffset(ZoneOffset.UTC);

    Future<?> moved = conn.preparedQuery(MOVE).execute(Tuple.tuple().addArrayOfLong(convIds).addArrayOfLong(agents)
        .addOffsetDateTime(utcNow));
    Future<?> loads = conn.preparedQuery(LOADS).execute(Tuple.tuple().addArrayOfLong(userIds)
        .addArrayOfInteger(userDeltas).addArrayOfBoolean(userTook).addOffsetDateTime(utcNow));
    Future<Long> over = conn.preparedQuery(OVER_CAPACITY).execute(Tuple.tuple().addArrayOfLong(userIds))
        .map(r -> r.iterator().next().getLong(0));
    Future<?> recorded = conn.preparedQuery(RECORD).execute(Tuple.tuple()
        .addArrayOfLong(actIds.toArray(Long[]::new)).addArrayOfString(actTypes.toArray(String[]::new))
        .addArrayOfLong(actActors.toArray(Long[]::new)).addArrayOfLong(actTargets.toArray(Long[]::new))
        .addArrayOfString(actBodies.toArray(String[]::new)).addOffsetDateTime(utcNow));
    Future<?> dropped = conn.preparedQuery(DROP_DRAFTS).execute(Tuple.tuple().addArrayOfLong(convIds));
    Future<List<JsonObject>> summaries = ConversationStore.summariesInOrder(conn, List.of(convIds));
    Map<String, Future<List<Long>>> staffByShop = new HashMap<>();
    for (Moves.Request r : moving) {
      String account = locked.get(r.conversationId()).getString("account_id");
      staffByShop.computeIfAbsent(account, a -> EventLog.conversationRecipients(conn, a, null));
    }
    List<Future<?>> all = new ArrayList<>(List.of(moved, loads, over, recorded, dropped, summaries));
    all.addAll(staffByShop.values());
    return Future.all(all).compose(x -> {
      if (over.result() > 0) {
        return Future.failedFuture(new IllegalStateException("a handover batch would overfill an agent"));
      }
      List<List<Long>> recipients = new ArrayList<>();
      List<JsonObject> payloads = new ArrayList<>();
      List<JsonObject> sums = summaries.result();
      for (int i = 0; i < n; i++) {
        Moves.Request req = moving.get(i);
        Row row = locked.get(req.conversationId());
        List<Long> to = new ArrayList<>(staffByShop.get(row.getString("account_id")).result());
        to.add(row.getLong("assignee_id"));
        if (agents[i] != null) {
          to.add(agents[i]);
        }
        recipients.add(to);
        payloads.add(eventData.get(i).put("conversation", sums.get(i)));
      }
      return events.appendEach(conn, recipients, EventNames.CONVERSATION_MOVED, payloads, now);
    });
  }

}
