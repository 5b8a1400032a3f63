package dev.unibox.shifts;

import dev.unibox.conversations.Activities;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SQL of moving conversations to another owner, one by one ({@link Moves}) or set-based in batches
 * ({@link BulkHandover}): the row locks, the new owner or queue place, the agents' loads, the timeline
 * and the dropped handover drafts. Each call sends its statement at once, so the callers' independent
 * statements on one connection are pipelined.
 */
final class MoveStore {

  private static final String LOCK = """
      SELECT c.id, c.account_id, a.platform, c.language, c.status, c.assignee_id, c.team,
             u.display_name AS assignee_name, COALESCE(u.team, c.team) AS owning_team
      FROM conversations c JOIN accounts a ON a.id = c.account_id LEFT JOIN users u ON u.id = c.assignee_id
      WHERE c.id = ANY($1) ORDER BY c.id FOR UPDATE OF c""";

  private static final String WAS_OWNER =
      "SELECT EXISTS (SELECT 1 FROM activities WHERE conversation_id = $1 AND target_user_id = $2)";

  private static final String TO_AGENT = """
      UPDATE conversations SET status = 'assigned', assignee_id = $2, last_assignee_id = $2, passed_by = NULL,
                               queued_at = NULL, head_of_class = false, team = $3, updated_at = $4
      WHERE id = $1""";

  /**
   * Back to the queue, first in its priority class; no stickiness back to the agent who let it go, who gets it
   * again only when nobody else can take it (passed_by). Like head_of_class, passed_by belongs to this one wait:
   * assignment, closing and reopening clear it.
   */
  private static final String TO_QUEUE = """
      UPDATE conversations SET status = 'queued', assignee_id = NULL, last_assignee_id = NULL, passed_by = $4,
                               queued_at = $3, head_of_class = true, team = $2, updated_at = $3
      WHERE id = $1""";

  private static final String RECORD_MOVE_AND_NOTE = """
      INSERT INTO activities (conversation_id, type, actor_user_id, target_user_id, body, at)
      VALUES ($1, $2, $3, $4, $5, $9), ($1, $6, $7, NULL, $8, $9)""";

  private static final String DROP_DRAFTS = "DELETE FROM handover_drafts WHERE conversation_id = ANY($1)";

  private static final String DRAFTS = "SELECT conversation_id, body FROM handover_drafts WHERE conversation_id = ANY($1)";

  private static final String MESSAGES = """
      SELECT conversation_id, direction, body, at FROM (
        SELECT conversation_id, direction, body, at, id,
               row_number() OVER (PARTITION BY conversation_id ORDER BY at DESC, id DESC) AS rn
        FROM messages WHERE conversation_id = ANY($1)) m
      WHERE rn <= 200 ORDER BY conversation_id, at, id""";

  /** The seats of a batch, locked (same eligibility as Seats.BEST). */
  private static final String SEATS = """
      SELECT u.id, u.display_name, u.all_accounts, u.active_count, u.max_concurrent, u.last_assigned_at, u.team,
             u.languages, u.platforms, ARRAY(SELECT ua.account_id FROM user_accounts ua WHERE ua.user_id = u.id) AS account_ids
      FROM users u
      WHERE u.role = 'agent' AND u.presence = 'online' AND u.active_count < u.max_concurrent
        AND u.shift_state IN ('unrostered', 'on_shift', 'standby_active')
      ORDER BY u.id FOR UPDATE OF u""";

  private static final String MOVE_ALL = """
      UPDATE conversations c SET status = CASE WHEN x.agent IS NULL THEN 'queued' ELSE 'assigned' END,
             assignee_id = x.agent, last_assignee_id = x.agent, passed_by = NULL,
             queued_at = CASE WHEN x.agent IS NULL THEN $3::timestamptz END,
             head_of_class = x.agent IS NULL, updated_at = $3
      FROM unnest($1::bigint[], $2::bigint[]) AS x(id, agent) WHERE c.id = x.id""";

  private static final String LOADS = """
      UPDATE users u SET active_count = u.active_count + x.delta,
             last_assigned_at = CASE WHEN x.took THEN $4::timestamptz ELSE u.last_assigned_at END
      FROM unnest($1::bigint[], $2::int[], $3::bool[]) AS x(id, delta, took) WHERE u.id = x.id""";

  private static final String OVER_CAPACITY =
      "SELECT count(*) FROM users WHERE id = ANY($1) AND (active_count > max_concurrent OR active_count < 0)";

  private static final String RECORD_ALL = """
      INSERT INTO activities (conversation_id, type, actor_user_id, target_user_id, body, at)
      SELECT x.c, x.t, x.a, x.g, x.b, $6 FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::bigint[], $5::text[])
        AS x(c, t, a, g, b)""";

  private MoveStore() {}

  /** The conversations locked for update (in id order), by id, with their owner's name and owning team. */
  static Future<Map<Long, Row>> lock(SqlClient c, Long[] ids) {
    return c.preparedQuery(LOCK).execute(Tuple.tuple().addArrayOfLong(ids)).map(rows -> {
      Map<Long, Row> locked = new HashMap<>();
      rows.forEach(r -> locked.put(r.getLong("id"), r));
      return locked;
    });
  }

  /** Whether the user ever owned the conversation (an assignment named them as its target). */
  static Future<Boolean> wasOwner(SqlClient c, long conversationId, long userId) {
    return c.preparedQuery(WAS_OWNER).execute(Tuple.of(conversationId, userId))
        .map(rows -> rows.iterator().next().getBoolean(0));
  }

  static Future<Void> toAgent(SqlClient c, long conversationId, long agentId, String team, Instant now) {
    return c.preparedQuery(TO_AGENT).execute(Tuple.of(conversationId, agentId, team, utc(now))).mapEmpty();
  }

  /** @param passedBy the agent it leaves (null: it had none) */
  static Future<Void> toQueue(SqlClient c, long conversationId, String team, Instant now, Long passedBy) {
    return c.preparedQuery(TO_QUEUE).execute(Tuple.of(conversationId, team, utc(now), passedBy)).mapEmpty();
  }

  /** The move's activity (type, by actor, to target) and the handover note beside it on the timeline. */
  static Future<Void> recordMoveAndNote(SqlClient c, long conversationId, String type, Long actorId, Long targetId,
                                        String body, Long noteAuthorId, String note, Instant now) {
    return c.preparedQuery(RECORD_MOVE_AND_NOTE).execute(Tuple.from(new Object[] {conversationId, type, actorId,
        targetId, body, Activities.HANDOVER_NOTE, noteAuthorId, note, utc(now)})).mapEmpty();
  }

  static Future<Void> dropDrafts(SqlClient c, Long[] conversationIds) {
    return c.preparedQuery(DROP_DRAFTS).execute(Tuple.tuple().addArrayOfLong(conversationIds)).mapEmpty();
  }

  /** The outgoing agents' saved handover notes, by conversation. */
  static Future<Map<Long, String>> savedNotes(SqlClient c, Long[] conversationIds) {
    return c.preparedQuery(DRAFTS).execute(Tuple.tuple().addArrayOfLong(conversationIds)).map(rows -> {
      Map<Long, String> notes = new HashMap<>();
      rows.forEach(r -> notes.put(r.getLong("conversation_id"), r.getString("body")));
      return notes;
    });
  }

  /** Each conversation's newest 200 messages, oldest first, by conversation. */
  static Future<Map<Long, List<HandoverDraft.Line>>> recentLines(SqlClient c, Long[] conversationIds) {
    return c.preparedQuery(MESSAGES).execute(Tuple.tuple().addArrayOfLong(conversationIds)).map(rows -> {
      Map<Long, List<HandoverDraft.Line>> lines = new HashMap<>();
      for (Row r : rows) {
        lines.computeIfAbsent(r.getLong("conversation_id"), k -> new ArrayList<>()).add(new HandoverDraft.Line(
            "in".equals(r.getString("direction")), r.getString("body"), r.getOffsetDateTime("at").toInstant()));
      }
      return lines;
    });
  }

  /** The agents who could take a conversation now, locked. */
  static Future<List<HandoverBatch.Seat>> seats(SqlClient c) {
    return c.query(SEATS).execute().map(HandoverBatch::seats);
  }

  /**
   * A planned batch written in a handful of statements: the conversations, the agents' loads, the timeline
   * and the dropped drafts; fails (so the transaction rolls back) if it would overfill an agent.
   */
  static Future<Void> write(SqlClient c, HandoverBatch b, Instant now) {
    OffsetDateTime at = utc(now);
    Future<?> moved = c.preparedQuery(MOVE_ALL).execute(Tuple.tuple().addArrayOfLong(b.conversationIds())
        .addArrayOfLong(b.agents()).addOffsetDateTime(at));
    Future<?> loads = c.preparedQuery(LOADS).execute(Tuple.tuple().addArrayOfLong(b.userIds())
        .addArrayOfInteger(b.userDeltas()).addArrayOfBoolean(b.userTook()).addOffsetDateTime(at));
    Future<Long> over = c.preparedQuery(OVER_CAPACITY).execute(Tuple.tuple().addArrayOfLong(b.userIds()))
        .map(r -> r.iterator().next().getLong(0));
    HandoverBatch.TimelineRows acts = b.timeline();
    Future<?> recorded = c.preparedQuery(RECORD_ALL).execute(Tuple.tuple()
        .addArrayOfLong(acts.conversations()).addArrayOfString(acts.types()).addArrayOfLong(acts.actors())
        .addArrayOfLong(acts.targets()).addArrayOfString(acts.bodies()).addOffsetDateTime(at));
    Future<?> dropped = dropDrafts(c, b.conversationIds());
    return Future.all(moved, loads, over, recorded, dropped).compose(x -> over.result() > 0
        ? Future.failedFuture(new IllegalStateException("a handover batch would overfill an agent"))
        : Future.succeededFuture());
  }

  private static OffsetDateTime utc(Instant t) {
    return t.atOffset(ZoneOffset.UTC);
  }
}
