package dev.unibox.routing;

import dev.unibox.store.AdvisoryLock;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SQL of assignment. Routers on every node take one transaction-scoped advisory lock first, so exactly
 * one assigns at a time and always from the true head of the queue (no priority inversion between
 * nodes). Reads take no row locks; a pass's assignments are written by one statement which assigns
 * only conversations still queued and checks capacity in the UPDATE itself: no agent can go above
 * capacity, and the whole pass rolls back if any seat is no longer free.
 */
final class RoutingStore {

  /** Arbitrary constant naming the routing lock in pg_locks. */
  static final long ROUTING_LOCK = 0x756e69626f78L;

  /** Routable: an online agent, on shift (or unrostered, or standby switched on by surge), with room. */
  static final String ROUTABLE = """
      u.role = 'agent' AND u.presence = 'online' AND u.active_count < u.max_concurrent
        AND u.shift_state IN ('unrostered', 'on_shift', 'standby_active')""";

  /** A queued conversation as {@link #candidates} reads it. */
  private static final String CANDIDATE = """
      SELECT c.id, c.account_id, a.platform, c.language, c.team, c.priority, c.last_assignee_id, c.passed_by,
             c.sla_due_at, c.queued_at
      FROM conversations c JOIN accounts a ON a.id = c.account_id""";

  /** An agent's seat as {@link #seat} reads it. */
  private static final String SEAT = """
      SELECT u.id, u.username, u.display_name, u.all_accounts, u.active_count, u.max_concurrent, u.assigned_seq,
             u.languages, u.platforms, u.team,
             ARRAY(SELECT ua.account_id FROM user_accounts ua WHERE ua.user_id = u.id) AS account_ids
      FROM users u""";

  /**
   * A page of the queue in policy order. Read only while some seat is free (a one-time check before the scan):
   * at a peak every seat is often taken, and each commit's pass would otherwise read a page of a long queue
   * for nothing.
   */
  private static final String QUEUE_HEAD = CANDIDATE + """
       CROSS JOIN (SELECT $3::timestamptz AS now) pass
      WHERE c.status = 'queued' AND EXISTS (SELECT 1 FROM users u WHERE\s""" + ROUTABLE + """
      )
      ORDER BY %s
      LIMIT $1 OFFSET $2""";

  /**
   * The seats of this pass, read without row locks: the routing lock keeps other routers out, seats
   * only grow under us (a close frees one), and the assignment statement re-checks capacity.
   */
  private static final String AVAILABLE_AGENTS = SEAT + " WHERE " + ROUTABLE + " ORDER BY u.id";

  /** The buyers waiting now, urgent first, then oldest first (surge sizes its call to them). */
  private static final String WAITING = CANDIDATE + """
       WHERE c.status = 'queued' AND (NOT $2 OR c.sla_state IN ('warned', 'breached'))
      ORDER BY c.priority DESC, c.queued_at, c.id
      LIMIT $1""";

  /** Standby agents of the pool not routable now, online and with room: whom surge can call. */
  private static final String STANDBY_SEATS = SEAT + """
       WHERE u.username = ANY($1) AND u.role = 'agent' AND u.presence = 'online' AND u.shift_state = 'standby'
        AND u.active_count < u.max_concurrent
      ORDER BY u.id""";

  /**
   * Every assignment of a pass in one statement: conversations leave the queue, seats are taken (only
   * within capacity), the fairness order advances, each gets its timeline activity, and the new
   * summaries come back (for the events) with the number of seats taken.
   */
  private static final String ASSIGN_BATCH = """
      WITH a AS (
        SELECT * FROM unnest($1::bigint[], $2::bigint[]) WITH ORDINALITY AS a(conversation_id, agent_id, ord)
      ), conv AS (
        UPDATE conversations c SET status = 'assigned', assignee_id = a.agent_id, last_assignee_id = a.agent_id,
                                   passed_by = NULL, queued_at = NULL, head_of_class = false, updated_at = $3
        FROM a WHERE c.id = a.conversation_id AND c.status = 'queued'
        RETURNING c.*, a.ord
      ), per_agent AS (
        SELECT assignee_id AS agent_id, count(*)::int AS cnt, max(ord) AS last_ord FROM conv GROUP BY assignee_id
      ), base AS (
        SELECT COALESCE(max(assigned_seq), 0) AS seq FROM users
      ), seats AS (
        UPDATE users u SET active_count = u.active_count + p.cnt, last_assigned_at = $3,
                           assigned_seq = base.seq + p.last_ord
        FROM per_agent p, base
        WHERE u.id = p.agent_id AND u.active_count + p.cnt <= u.max_concurrent
        RETURNING p.cnt
      ), acts AS (
        INSERT INTO activities (conversation_id, type, actor_user_id, target_user_id, body, at)
        SELECT conv.id, 'assigned', NULL, conv.assignee_id, 'Assigned to ' || u.display_name, $3
        FROM conv JOIN users u ON u.id = conv.assignee_id
        RETURNING 1
      )
      SELECT c.id, c.account_id, ac.platform, ac.shop_name, b.platform_buyer_id, b.name AS buyer_name,
             c.language, c.priority, c.category, c.status, c.assignee_id, u.display_name AS assignee_name,
             c.last_message_text, c.last_message_at, c.last_message_direction, c.waiting_since,
             c.created_at, c.updated_at, c.sla_due_at, c.sla_state, c.platform_due_at, c.platform_rule, c.team,
             c.priority_manual, c.queued_at, u.team AS assignee_team,
             (SELECT COALESCE(sum(cnt), 0) FROM seats) AS seats_taken
      FROM conv c
      JOIN accounts ac ON ac.id = c.account_id
      JOIN buyers b ON b.id = c.buyer_id
      JOIN users u ON u.id = c.assignee_id""";

  private static final String LOCK_ASSIGNED = """
      SELECT c.id, c.account_id, a.platform, c.language, c.team, c.priority, c.assignee_id, c.status, c.sla_due_at,
             c.queued_at, u.display_name AS assignee_name
      FROM conversations c JOIN accounts a ON a.id = c.account_id LEFT JOIN users u ON u.id = c.assignee_id
      WHERE c.id = $1
      FOR UPDATE OF c""";

  private static final String MOVE = """
      WITH conv AS (
        UPDATE conversations SET assignee_id = $2, last_assignee_id = $2, updated_at = $4
        WHERE id = $1 AND status = 'assigned' AND assignee_id = $3 RETURNING id
      ), old_seat AS (
        UPDATE users SET active_count = GREATEST(0, active_count - 1) WHERE id = $3 AND EXISTS (SELECT 1 FROM conv)
        RETURNING id
      ), new_seat AS (
        UPDATE users SET active_count = active_count + 1, last_assigned_at = $4,
                         assigned_seq = (SELECT COALESCE(max(assigned_seq), 0) + 1 FROM users)
        WHERE id = $2 AND active_count < max_concurrent AND EXISTS (SELECT 1 FROM conv)
        RETURNING id
      )
      SELECT (SELECT count(*) FROM conv) + (SELECT count(*) FROM old_seat) + (SELECT count(*) FROM new_seat) AS n""";

  private RoutingStore() {}

  /** An assigned conversation locked for a move, with its current assignee's name. */
  record Held(Candidate candidate, Long assigneeId, String assigneeName, String status) {}

  static Future<Held> lockConversation(SqlConnection c, long id) {
    return c.preparedQuery(LOCK_ASSIGNED).execute(Tuple.of(id)).map(rows -> {
      if (rows.size() == 0) {
        return null;
      }
      Row r = rows.iterator().next();
      return new Held(new Candidate(r.getLong("id"), r.getString("account_id"), r.getString("platform"),
          r.getString("language"), r.getString("team"), r.getShort("priority"), null, null,
          instant(r.getOffsetDateTime("sla_due_at")), instant(r.getOffsetDateTime("queued_at"))),
          r.getLong("assignee_id"), r.getString("assignee_name"), r.getString("status"));
    });
  }

  /** Moves an assigned conversation from one agent to another with room; fails unless all three rows changed. */
  static Future<Void> move(SqlConnection c, long conversationId, long toAgent, long fromAgent, Instant now) {
    return c.preparedQuery(MOVE).execute(Tuple.of(conversationId, toAgent, fromAgent, utc(now))).compose(rows ->
        rows.iterator().next().getLong("n") == 3 ? Future.<Void>succeededFuture()
            : Future.failedFuture(new IllegalStateException("conversation " + conversationId + " could not move")));
  }

  static Future<Void> lockRouting(SqlConnection c) {
    return AdvisoryLock.take(c, ROUTING_LOCK);
  }

  /** A page of the queue in the policy's order as of {@code now} (the pass's clock time, {@code pass.now} in SQL). */
  static Future<List<Candidate>> queueHead(SqlConnection c, RoutingPolicy policy, int limit, int offset, Instant now) {
    Tuple args = Tuple.of(limit, offset, utc(now));
    return c.preparedQuery(QUEUE_HEAD.formatted(policy.queueOrder())).execute(args).map(RoutingStore::candidates);
  }

  /** The queue urgent first, then oldest first; warnedOnly: only buyers past their SLA warning. */
  static Future<List<Candidate>> waiting(SqlConnection c, int limit, boolean warnedOnly) {
    return c.preparedQuery(WAITING).execute(Tuple.of(limit, warnedOnly)).map(RoutingStore::candidates);
  }

  private static List<Candidate> candidates(Iterable<Row> rows) {
    List<Candidate> out = new ArrayList<>();
    for (Row r : rows) {
      out.add(new Candidate(r.getLong("id"), r.getString("account_id"), r.getString("platform"),
          r.getString("language"), r.getString("team"), r.getShort("priority"), r.getLong("last_assignee_id"),
          r.getLong("passed_by"), instant(r.getOffsetDateTime("sla_due_at")), instant(r.getOffsetDateTime("queued_at"))));
    }
    return out;
  }

  static Future<List<AgentSeat>> availableAgents(SqlConnection c) {
    return c.query(AVAILABLE_AGENTS).execute().map(rows -> {
      List<AgentSeat> out = new ArrayList<>();
      rows.forEach(r -> out.add(seat(r)));
      return out;
    });
  }

  /** Callable standby agents by username, in id order. */
  static Future<Map<String, AgentSeat>> standbySeats(SqlConnection c, List<String> pool) {
    return c.preparedQuery(STANDBY_SEATS).execute(Tuple.of(pool.toArray(String[]::new))).map(rows -> {
      Map<String, AgentSeat> out = new LinkedHashMap<>();
      rows.forEach(r -> out.put(r.getString("username"), seat(r)));
      return out;
    });
  }

  private static AgentSeat seat(Row r) {
    return new AgentSeat(r.getLong("id"), r.getString("display_name"), AgentReach.of(r), r.getInteger("active_count"),
        r.getInteger("max_concurrent"), r.getLong("assigned_seq"));
  }

  /**
   * Writes a pass's assignments; fails (rolling the pass back) unless every one took. Returns the new
   * summaries by conversation id.
   */
  static Future<java.util.Map<Long, io.vertx.core.json.JsonObject>> assignAll(SqlConnection c, long[] conversationIds,
                                                                         long[] agentIds, Instant now) {
    Long[] conv = new Long[conversationIds.length];
    Long[] agents = new Long[agentIds.length];
    for (int i = 0; i < conv.length; i++) {
      conv[i] = conversationIds[i];
      agents[i] = agentIds[i];
    }
    return c.preparedQuery(ASSIGN_BATCH)
        .execute(Tuple.tuple().addArrayOfLong(conv).addArrayOfLong(agents).addOffsetDateTime(utc(now)))
        .compose(rows -> {
          java.util.Map<Long, io.vertx.core.json.JsonObject> out = new java.util.HashMap<>();
          long seats = 0;
          for (Row r : rows) {
            out.put(r.getLong("id"), dev.unibox.conversations.ConversationJson.summary(r));
            seats = r.getLong("seats_taken");
          }
          // a conversation that left the queue since the read (closed, taken by hand) is simply not
          // assigned; a seat that is no longer free fails the whole pass (it rolls back, the next retries)
          if (seats != out.size()) {
            return Future.failedFuture(new IllegalStateException("routing pass out of date: " + seats
                + " seats for " + out.size() + " conversations"));
          }
          return Future.succeededFuture(out);
        });
  }

  static OffsetDateTime utc(Instant t) {
    return t == null ? null : t.atOffset(ZoneOffset.UTC);
  }

  static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }
}
