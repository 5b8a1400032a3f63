package dev.unibox.sla;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL of the SLA clock. Every transition is a conditional UPDATE … RETURNING on stored state, so a
 * sweep (on any node, any number of times) makes each transition exactly once.
 */
final class SlaStore {

  /**
   * Running clocks whose warning time passed are warned and raised (unless a supervisor set the
   * priority): an urgent one becomes critical; a normal one goes to the head of the normal class. A
   * normal one does not jump into the urgent class: at a peak every regular chat would reach its
   * warning and crowd out the urgent ones (the simulation showed it).
   */
  private static final String WARN = """
      UPDATE conversations SET sla_state = 'warned', updated_at = $1,
             priority = CASE WHEN priority_manual OR priority = 0 THEN priority ELSE LEAST(priority + 1, 2) END,
             head_of_class = head_of_class OR (priority = 0 AND NOT priority_manual)
      WHERE sla_state = 'running' AND sla_warn_at <= $1
      RETURNING id, account_id, assignee_id, priority, sla_due_at""";

  private static final String BREACH = """
      UPDATE conversations SET sla_state = 'breached', updated_at = $1
      WHERE sla_state IN ('running', 'warned') AND sla_due_at <= $1
      RETURNING id, account_id, assignee_id, status, sla_due_at""";

  private static final String ACTIVITIES = """
      INSERT INTO activities (conversation_id, type, actor_user_id, target_user_id, body, at)
      SELECT x.conversation_id, x.type, x.actor, x.target, x.body, $6
      FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::bigint[], $5::text[])
           AS x(conversation_id, type, actor, target, body)""";

  private static final String MARK_OFFLINE = """
      UPDATE users SET offline_since = $1
      WHERE presence <> 'online' AND offline_since IS NULL AND active_count > 0 RETURNING id""";

  private static final String CLEAR_OFFLINE = """
      UPDATE users SET offline_since = NULL WHERE offline_since IS NOT NULL AND (presence = 'online' OR active_count = 0)""";

  /**
   * Agents offline past the grace period: their open conversations go back to the queue, first in
   * their class, and their seats are freed, in one statement.
   */
  private static final String REQUEUE_DEPARTED = """
      WITH gone AS (
        SELECT id, display_name FROM users
        WHERE presence <> 'online' AND offline_since <= $1 AND active_count > 0
        ORDER BY id FOR UPDATE
      ), moved AS (
        UPDATE conversations c SET status = 'queued', assignee_id = NULL, queued_at = $2, head_of_class = true,
                                   updated_at = $2
        FROM gone WHERE c.assignee_id = gone.id AND c.status = 'assigned'
        RETURNING c.id, c.account_id, gone.id AS agent_id, gone.display_name
      ), freed AS (
        UPDATE users u SET active_count = GREATEST(0, u.active_count - m.n), offline_since = NULL
        FROM (SELECT agent_id, count(*)::int AS n FROM moved GROUP BY agent_id) m
        WHERE u.id = m.agent_id
        RETURNING u.id
      )
      SELECT moved.*, (SELECT count(*) FROM freed) AS freed FROM moved""";

  private static final String QUEUE_STATS = """
      SELECT count(*) AS depth,
             count(*) FILTER (WHERE priority >= 1) AS urgent,
             count(*) FILTER (WHERE sla_state IN ('warned', 'breached')) AS warned
      FROM conversations WHERE status = 'queued'""";

  private static final String ASSIGNED_SINCE = """
      SELECT count(*) FROM activities WHERE type = 'assigned' AND at > $1""";

  private static final String SURGE_READ = "SELECT mode, active, since, reason, calm_since, called FROM surge_state WHERE id = 1";

  private static final String SURGE_LOCK = SURGE_READ + " FOR UPDATE";

  private static final String SURGE_WRITE = """
      UPDATE surge_state SET mode = $1, active = $2, since = $3, reason = $4, calm_since = $5, called = $6, updated_at = $7
      WHERE id = 1""";

  private static final String SURGE_LOG = """
      INSERT INTO surge_log (action, mode, reason, by_user_id, queue_depth, expected_wait_seconds, agents, at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8)""";

  private static final String SURGE_HISTORY = """
      SELECT s.id, s.action, s.mode, s.reason, s.by_user_id, u.display_name, s.queue_depth, s.expected_wait_seconds,
             s.agents, s.at
      FROM surge_log s LEFT JOIN users u ON u.id = s.by_user_id ORDER BY s.id DESC LIMIT $1""";

  private SlaStore() {}

  record Transition(long id, String accountId, Long assigneeId, int priority, String status, Instant dueAt) {}

  record Requeued(long id, String accountId, long agentId, String agentName) {}

  /** warned: buyers waiting past their SLA warning (or their deadline). */
  record QueueStats(long depth, long urgent, long warned) {}

  /** called: the standby agents automatic surge called (null: the whole pool, or nobody while off). */
  record Surge(String mode, boolean active, Instant since, String reason, Instant calmSince, List<String> called) {
    Surge calm(Instant at) {
      return new Surge(mode, active, since, reason, at, called);
    }
  }

  static Future<List<Transition>> warn(SqlConnection c, Instant now) {
    return c.preparedQuery(WARN).execute(Tuple.of(utc(now))).map(rows -> {
      List<Transition> out = new ArrayList<>();
      rows.forEach(r -> out.add(new Transition(r.getLong("id"), r.getString("account_id"), r.getLong("assignee_id"),
          r.getShort("priority"), null, instant(r.getOffsetDateTime("sla_due_at")))));
      return out;
    });
  }

  static Future<List<Transition>> breach(SqlConnection c, Instant now) {
    return c.preparedQuery(BREACH).execute(Tuple.of(utc(now))).map(rows -> {
      List<Transition> out = new ArrayList<>();
      rows.forEach(r -> out.add(new Transition(r.getLong("id"), r.getString("account_id"), r.getLong("assignee_id"),
          0, r.getString("status"), instant(r.getOffsetDateTime("sla_due_at")))));
      return out;
    });
  }

  /** Timeline entries for many conversations at once. */
  static Future<Void> activities(SqlConnection c, List<Long> conversations, String type, List<Long> targets,
                                 List<String> bodies, Instant at) {
    if (conversations.isEmpty()) {
      return Future.succeededFuture();
    }
    String[] types = new String[conversations.size()];
    java.util.Arrays.fill(types, type);
    return c.preparedQuery(ACTIVITIES).execute(Tuple.tuple()
            .addArrayOfLong(conversations.toArray(Long[]::new))
            .addArrayOfString(types)
            .addArrayOfLong(new Long[conversations.size()])
            .addArrayOfLong(targets.toArray(Long[]::new))
            .addArrayOfString(bodies.toArray(String[]::new))
            .addOffsetDateTime(utc(at)))
        .mapEmpty();
  }

  static Future<Void> trackOffline(SqlConnection c, Instant now) {
    return c.preparedQuery(MARK_OFFLINE).execute(Tuple.of(utc(now)))
        .compose(v -> c.query(CLEAR_OFFLINE).execute()).mapEmpty();
  }

  static Future<List<Requeued>> requeueDeparted(SqlConnection c, Instant graceStart, Instant now) {
    return c.preparedQuery(REQUEUE_DEPARTED).execute(Tuple.of(utc(graceStart), utc(now))).map(rows -> {
      List<Requeued> out = new ArrayList<>();
      rows.forEach(r -> out.add(new Requeued(r.getLong("id"), r.getString("account_id"), r.getLong("agent_id"),
          r.getString("display_name"))));
      return out;
    });
  }

  static Future<QueueStats> queueStats(SqlClient c) {
    return c.query(QUEUE_STATS).execute().map(rows -> {
      Row r = rows.iterator().next();
      return new QueueStats(r.getLong("depth"), r.getLong("urgent"), r.getLong("warned"));
    });
  }

  static Future<Long> assignedSince(SqlClient c, Instant since) {
    return c.preparedQuery(ASSIGNED_SINCE).execute(Tuple.of(utc(since))).map(rows -> rows.iterator().next().getLong(0));
  }

  static Future<Surge> lockSurge(SqlConnection c) {
    return c.query(SURGE_LOCK).execute().map(SlaStore::surge);
  }

  static Future<Surge> readSurge(SqlClient c) {
    return c.query(SURGE_READ).execute().map(SlaStore::surge);
  }

  private static Surge surge(io.vertx.sqlclient.RowSet<Row> rows) {
    Row r = rows.iterator().next();
    return new Surge(r.getString("mode"), r.getBoolean("active"), instant(r.getOffsetDateTime("since")),
        r.getString("reason"), instant(r.getOffsetDateTime("calm_since")),
        r.getArrayOfStrings("called") == null ? null : List.of(r.getArrayOfStrings("called")));
  }

  static Future<Void> writeSurge(SqlConnection c, Surge s, Instant now) {
    return c.preparedQuery(SURGE_WRITE).execute(Tuple.from(new Object[] {s.mode(), s.active(), utc(s.since()), s.reason(),
        utc(s.calmSince()), s.called() == null ? null : s.called().toArray(String[]::new), utc(now)})).mapEmpty();
  }

  static Future<Void> logSurge(SqlConnection c, String action, String mode, String reason, Long byUser, long depth,
                               Long expectedWaitSeconds, List<String> agents, Instant at) {
    return c.preparedQuery(SURGE_LOG).execute(Tuple.tuple().addString(action).addString(mode).addString(reason)
        .addLong(byUser).addInteger((int) Math.min(Integer.MAX_VALUE, depth))
        .addInteger(expectedWaitSeconds == null ? null : (int) Math.min(Integer.MAX_VALUE, expectedWaitSeconds))
        .addArrayOfString(agents.toArray(String[]::new)).addOffsetDateTime(utc(at))).mapEmpty();
  }

  static Future<io.vertx.core.json.JsonArray> surgeHistory(SqlClient c, int limit) {
    return c.preparedQuery(SURGE_HISTORY).execute(Tuple.of(limit)).map(rows -> {
      io.vertx.core.json.JsonArray out = new io.vertx.core.json.JsonArray();
      rows.forEach(r -> out.add(new io.vertx.core.json.JsonObject()
          .put("id", r.getLong("id")).put("action", r.getString("action")).put("mode", r.getString("mode"))
          .put("reason", r.getString("reason"))
          .put("by", r.getLong("by_user_id") == null ? null
              : new io.vertx.core.json.JsonObject().put("id", r.getLong("by_user_id")).put("displayName", r.getString("display_name")))
          .put("queueDepth", r.getInteger("queue_depth")).put("expectedWaitSeconds", r.getInteger("expected_wait_seconds"))
          .put("agents", new io.vertx.core.json.JsonArray(java.util.List.of(r.getArrayOfStrings("agents"))))
          .put("at", r.getOffsetDateTime("at").toInstant().toString())));
      return out;
    });
  }

  static OffsetDateTime utc(Instant t) {
    return t == null ? null : t.atOffset(ZoneOffset.UTC);
  }

  static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }
}
