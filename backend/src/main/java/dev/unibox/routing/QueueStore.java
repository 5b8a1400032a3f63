package dev.unibox.routing;

import dev.unibox.auth.CurrentUser;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.List;

/** Read side of the queue (what the web app shows) and the supervisor's writes on routing data. */
final class QueueStore {

  private static final String ME = """
      SELECT id, display_name, presence, shift_state, active_count, max_concurrent, languages, platforms, team
      FROM users WHERE id = $1""";

  private static final String AGENTS = """
      SELECT u.id, u.display_name, u.presence, u.shift_state, u.active_count, u.max_concurrent, u.languages,
             u.platforms, u.team, u.all_accounts,
             ARRAY(SELECT ua.account_id FROM user_accounts ua WHERE ua.user_id = u.id ORDER BY 1) AS account_ids
      FROM users u
      WHERE u.role = 'agent'
        AND ($1 OR u.all_accounts OR EXISTS (SELECT 1 FROM user_accounts ua WHERE ua.user_id = u.id AND ua.account_id = ANY($2)))
        AND (NOT $3 OR u.team = ANY($4))
      ORDER BY u.display_name, u.id""";

  private static final String COUNTS = """
      SELECT count(*) AS depth, count(*) FILTER (WHERE priority >= 1) AS urgent, min(sla_due_at) AS next_due
      FROM conversations WHERE status = 'queued' AND ($1 OR account_id = ANY($2))
        AND (NOT $3 OR team IS NULL OR team = ANY($4))""";

  private static final String LOCK_FOR_PRIORITY = """
      SELECT c.id, c.status, c.priority, c.waiting_since, c.sla_state, c.account_id, a.platform,
             COALESCE(u.team, c.team) AS owning_team
      FROM conversations c JOIN accounts a ON a.id = c.account_id LEFT JOIN users u ON u.id = c.assignee_id
      WHERE c.id = $1 FOR UPDATE OF c""";

  private static final String SET_PRIORITY = """
      UPDATE conversations SET priority = $2, priority_manual = true, team = $3, sla_due_at = $4, sla_warn_at = $5,
                               sla_state = $6, updated_at = $7
      WHERE id = $1""";

  private static final String AGENT_FOR_SKILLS = """
      SELECT u.id, u.role, u.all_accounts, u.team,
             ARRAY(SELECT ua.account_id FROM user_accounts ua WHERE ua.user_id = u.id) AS account_ids
      FROM users u WHERE u.id = $1 FOR UPDATE""";

  private QueueStore() {}

  static Future<JsonObject> me(SqlClient c, long userId) {
    return c.preparedQuery(ME).execute(Tuple.of(userId)).map(rows -> rows.size() == 0 ? null : agentJson(rows.iterator().next()));
  }

  static Future<JsonArray> agents(SqlClient c, CurrentUser user) {
    return c.preparedQuery(AGENTS).execute(scope(user)).map(rows -> {
      JsonArray out = new JsonArray();
      rows.forEach(r -> out.add(agentJson(r).put("allAccounts", r.getBoolean("all_accounts"))
          .put("accounts", new JsonArray(List.of(r.getArrayOfStrings("account_ids"))))));
      return out;
    });
  }

  static Future<JsonObject> counts(SqlClient c, CurrentUser user) {
    return c.preparedQuery(COUNTS).execute(scope(user)).map(rows -> {
      Row r = rows.iterator().next();
      var next = r.getOffsetDateTime("next_due");
      return new JsonObject().put("depth", r.getLong("depth")).put("urgent", r.getLong("urgent"))
          .put("nextDueAt", next == null ? null : next.toInstant().toString());
    });
  }

  /** The queued conversations a supervisor oversees, in the order the policy serves them as of {@code now}. */
  static String queuedSql(RoutingPolicy policy) {
    return """
        SELECT c.id FROM conversations c CROSS JOIN (SELECT $5::timestamptz AS now) pass
        WHERE c.status = 'queued' AND ($1 OR c.account_id = ANY($2))
          AND (NOT $3 OR c.team IS NULL OR c.team = ANY($4))""" + " ORDER BY " + policy.queueOrder() + " LIMIT 500";
  }

  static Future<List<Long>> queuedIds(SqlClient c, CurrentUser user, RoutingPolicy policy, Instant now) {
    return c.preparedQuery(queuedSql(policy)).execute(scope(user).addOffsetDateTime(RoutingStore.utc(now)))
        .map(rows -> {
          List<Long> ids = new java.util.ArrayList<>();
          rows.forEach(r -> ids.add(r.getLong("id")));
          return ids;
        });
  }

  record Locked(long id, String status, int priority, Instant waitingSince, String slaState, String accountId,
                String platform, String owningTeam) {}

  static Future<Locked> lockForPriority(SqlConnection c, long id) {
    return c.preparedQuery(LOCK_FOR_PRIORITY).execute(Tuple.of(id)).map(rows -> {
      if (rows.size() == 0) {
        return null;
      }
      Row r = rows.iterator().next();
      return new Locked(r.getLong("id"), r.getString("status"), r.getShort("priority"),
          r.getOffsetDateTime("waiting_since") == null ? null : r.getOffsetDateTime("waiting_since").toInstant(),
          r.getString("sla_state"), r.getString("account_id"), r.getString("platform"), r.getString("owning_team"));
    });
  }

  static Future<Void> setPriority(SqlConnection c, long id, int priority, String team, Instant due, Instant warn,
                                  String slaState, Instant now) {
    return c.preparedQuery(SET_PRIORITY).execute(Tuple.from(new Object[] {id, (short) priority, team,
        RoutingStore.utc(due), RoutingStore.utc(warn), slaState, RoutingStore.utc(now)})).mapEmpty();
  }

  record AgentScope(long id, String role, boolean allAccounts, String team, List<String> accounts) {}

  static Future<AgentScope> lockAgent(SqlConnection c, long id) {
    return c.preparedQuery(AGENT_FOR_SKILLS).execute(Tuple.of(id)).map(rows -> {
      if (rows.size() == 0) {
        return null;
      }
      Row r = rows.iterator().next();
      return new AgentScope(r.getLong("id"), r.getString("role"), r.getBoolean("all_accounts"), r.getString("team"),
          List.of(r.getArrayOfStrings("account_ids")));
    });
  }

  private static Tuple scope(CurrentUser user) {
    return user.shops().addTo(Tuple.tuple())
        .addBoolean(user.teamScoped()).addArrayOfString(user.ledTeams().toArray(String[]::new));
  }

  private static JsonObject agentJson(Row r) {
    return new JsonObject().put("id", r.getLong("id")).put("displayName", r.getString("display_name"))
        .put("presence", r.getString("presence")).put("shiftState", r.getString("shift_state"))
        .put("activeCount", r.getInteger("active_count")).put("maxConcurrent", r.getInteger("max_concurrent"))
        .put("languages", new JsonArray(List.of(r.getArrayOfStrings("languages"))))
        .put("platforms", new JsonArray(List.of(r.getArrayOfStrings("platforms"))))
        .put("team", r.getString("team"));
  }
}
