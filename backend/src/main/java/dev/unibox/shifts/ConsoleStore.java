package dev.unibox.shifts;

import dev.unibox.auth.CurrentUser;
import dev.unibox.conversations.ConversationStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads for the queues and the supervisor console: conversations with their queue fields, the agents in
 * scope.
 */
final class ConsoleStore {

  /** Queue fields and the SLA clock's columns. */
  private static final String EXTRA = """
      SELECT c.id, c.queued_at, c.head_of_class, c.team, c.sla_due_at, c.sla_state
      FROM conversations c WHERE c.id = ANY($1)""";

  private static final String OPEN_IN_SCOPE = """
      SELECT c.id FROM conversations c LEFT JOIN users u ON u.id = c.assignee_id
      WHERE c.status <> 'closed' AND ($1 OR c.account_id = ANY($2))
        AND (NOT $3 OR COALESCE(u.team, c.team) IS NULL OR COALESCE(u.team, c.team) = ANY($4))
      ORDER BY c.priority DESC, c.head_of_class DESC, coalesce(c.queued_at, c.waiting_since, c.updated_at), c.id
      LIMIT 2000""";

  /** Agents a supervisor oversees: every agent for all-shop supervisors; else those sharing a shop or in a supervised team. */
  private static final String AGENTS = """
      SELECT u.id, u.username, u.display_name, u.role, u.presence, u.presence_choice, u.shift_state, u.team,
             u.active_count, u.max_concurrent, u.languages, u.platforms, u.all_accounts,
             ARRAY(SELECT ua.account_id FROM user_accounts ua WHERE ua.user_id = u.id ORDER BY 1) AS account_ids,
             ARRAY(SELECT c.id FROM conversations c WHERE c.assignee_id = u.id AND c.status = 'assigned' ORDER BY c.id)
               AS conversation_ids
      FROM users u
      WHERE u.role = 'agent'
        AND ($1 OR u.all_accounts OR u.team IN (SELECT team FROM team_supervisors WHERE user_id = $3)
             OR EXISTS (SELECT 1 FROM user_accounts ua WHERE ua.user_id = u.id AND ua.account_id = ANY($2)))
        AND (NOT $4 OR u.team IN (SELECT team FROM team_supervisors WHERE user_id = $3))
      ORDER BY u.display_name, u.id""";

  private static final String ELIGIBLE_QUEUE = """
      SELECT c.id FROM conversations c, users u
      WHERE u.id = $1 AND c.status = 'queued'
        AND (u.all_accounts OR c.account_id IN (SELECT account_id FROM user_accounts WHERE user_id = u.id))
        AND (c.team IS NULL OR c.team = u.team)
      ORDER BY c.priority DESC, c.head_of_class DESC, c.queued_at, c.id
      LIMIT 500""";

  private static final String SCOPE_QUEUE = """
      SELECT c.id FROM conversations c
      WHERE c.status = 'queued' AND ($1 OR c.account_id = ANY($2))
      ORDER BY c.priority DESC, c.head_of_class DESC, c.queued_at, c.id
      LIMIT 500""";

  private static final String AGENT_IN_SCOPE = """
      SELECT u.id FROM users u WHERE u.id = $1 AND u.role = 'agent'
        AND ($2 OR u.all_accounts OR u.team IN (SELECT team FROM team_supervisors WHERE user_id = $4)
             OR EXISTS (SELECT 1 FROM user_accounts ua WHERE ua.user_id = u.id AND ua.account_id = ANY($3)))
        AND (NOT $5 OR u.team IN (SELECT team FROM team_supervisors WHERE user_id = $4))""";

  private ConsoleStore() {}

  /** Agents: queued conversations of their shops and team; supervisors: the queue of their shops. */
  static Future<List<JsonObject>> queueFor(SqlClient c, CurrentUser user) {
    var ids = user.oversees()
        ? c.preparedQuery(SCOPE_QUEUE).execute(user.shops().addTo(Tuple.tuple()))
        : c.preparedQuery(ELIGIBLE_QUEUE).execute(Tuple.of(user.id()));
    return ids.compose(rows -> {
      List<Long> list = new ArrayList<>();
      rows.forEach(r -> list.add(r.getLong(0)));
      return summaries(c, list);
    });
  }

  /** Whether the supervisor oversees this agent (shares a shop or supervises the agent's team). */
  static Future<Boolean> agentInScope(SqlClient c, CurrentUser user, long agentId) {
    return c.preparedQuery(AGENT_IN_SCOPE).execute(user.shops().addTo(Tuple.tuple().addLong(agentId))
            .addLong(user.id()).addBoolean(user.teamScoped()))
        .map(rows -> rows.size() == 1);
  }

  static Future<List<JsonObject>> summaries(SqlClient c, List<Long> ids) {
    return ConversationStore.summariesInOrder(c, ids).compose(list -> c.preparedQuery(EXTRA)
        .execute(Tuple.tuple().addArrayOfLong(ids.toArray(Long[]::new))).map(rows -> {
          Map<Long, Row> extra = new HashMap<>();
          rows.forEach(r -> extra.put(r.getLong("id"), r));
          for (JsonObject s : list) {
            Row r = extra.get(s.getLong("id"));
            if (r != null) {
              var q = r.getOffsetDateTime("queued_at");
              s.put("queuedAt", q == null ? null : q.toInstant().toString()).put("headOfClass", r.getBoolean("head_of_class"))
                  .put("team", r.getString("team"));
              if (r.getString("sla_state") != null) {
                s.put("slaState", r.getString("sla_state")).put("slaDueAt", r.getOffsetDateTime("sla_due_at") == null ? null
                    : r.getOffsetDateTime("sla_due_at").toInstant().toString());
              }
            }
          }
          return list;
        }));
  }

  static Future<List<JsonObject>> openInScope(SqlClient c, CurrentUser user) {
    return c.preparedQuery(OPEN_IN_SCOPE).execute(user.shops().addTo(Tuple.tuple()).addBoolean(user.teamScoped())
            .addArrayOfString(user.ledTeams().toArray(String[]::new)))
        .compose(rows -> {
          List<Long> ids = new ArrayList<>();
          rows.forEach(r -> ids.add(r.getLong(0)));
          return summaries(c, ids);
        });
  }

  static Future<List<JsonObject>> agents(SqlClient c, CurrentUser user, Roster roster) {
    return c.preparedQuery(AGENTS).execute(user.shops().addTo(Tuple.tuple()).addLong(user.id())
            .addBoolean(user.teamScoped()))
        .map(rows -> {
          List<JsonObject> out = new ArrayList<>();
          for (Row r : rows) {
            JsonObject a = PresenceStore.agentJson(r);
            List<Long> convs = new ArrayList<>();
            for (Long id : r.getArrayOfLongs("conversation_ids")) {
              convs.add(id);
            }
            a.put("conversationIds", new JsonArray(convs)).put("shifts", new JsonArray(roster.shiftsOf(r.getString("username"))))
                .put("standby", roster.standby().contains(r.getString("username")))
                .put("languages", new JsonArray(List.of(r.getArrayOfStrings("languages"))))
                .put("platforms", new JsonArray(List.of(r.getArrayOfStrings("platforms"))))
                .put("allAccounts", r.getBoolean("all_accounts"))
                .put("accounts", new JsonArray(List.of(r.getArrayOfStrings("account_ids"))));
            out.add(a);
          }
          return out;
        });
  }
}
