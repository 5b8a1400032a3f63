package dev.unibox.conversations;

import dev.unibox.auth.CurrentUser;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/** Read side of conversations: summaries, the one timeline, and who may see what. */
public final class ConversationStore {

  /** The columns {@link ConversationJson#summary} reads, over {@link #SUMMARY_FROM}. */
  static final String SUMMARY_COLUMNS = """
      c.id, c.account_id, a.platform, a.shop_name, b.platform_buyer_id, b.name AS buyer_name,
             c.language, c.priority, c.category, c.status, c.assignee_id, u.display_name AS assignee_name,
             c.last_message_text, c.last_message_at, c.last_message_direction, c.waiting_since,
             c.created_at, c.updated_at, c.sla_due_at, c.sla_state, c.platform_due_at, c.platform_rule, c.team,
             c.priority_manual, c.queued_at, u.team AS assignee_team""";

  static final String SUMMARY_FROM = """
       FROM conversations c
      JOIN accounts a ON a.id = c.account_id
      JOIN buyers b ON b.id = c.buyer_id
      LEFT JOIN users u ON u.id = c.assignee_id
      """;

  private static final String SUMMARY = "SELECT " + SUMMARY_COLUMNS + SUMMARY_FROM;

  private static final String BY_ID = SUMMARY + " WHERE c.id = $1";

  private static final String BY_IDS = SUMMARY + " WHERE c.id = ANY($1)";

  private static final String ORDER = " ORDER BY c.priority DESC, c.waiting_since NULLS LAST, c.updated_at DESC LIMIT 500";

  private static final String MINE = SUMMARY + " WHERE c.assignee_id = $1 AND c.status = 'assigned'" + ORDER;

  private static final String OVERSEEN = SUMMARY + """
       WHERE c.status NOT IN ('closed', 'spam')
         AND ($1 OR c.account_id = ANY($2))
         AND (NOT $3 OR COALESCE(u.team, c.team) IS NULL OR COALESCE(u.team, c.team) = ANY($4))""" + ORDER;

  /** The newest entries of a timeline one read returns: a long conversation cannot make one huge answer. */
  public static final int TIMELINE_PAGE = 500;

  private static final String TIMELINE = """
      SELECT * FROM (
      SELECT 'message' AS kind, m.id, m.direction, m.body, m.at, m.status, m.author_name, m.error, NULL AS type,
             m.message_type
      FROM messages m WHERE m.conversation_id = $1
      UNION ALL
      SELECT 'activity', ac.id, NULL, ac.body, ac.at, NULL, au.display_name, NULL, ac.type, NULL
      FROM activities ac LEFT JOIN users au ON au.id = ac.actor_user_id WHERE ac.conversation_id = $1
      ORDER BY at DESC, kind, id DESC LIMIT %d
      ) newest ORDER BY at, kind DESC, id""".formatted(TIMELINE_PAGE);

  private ConversationStore() {}

  public static Future<JsonObject> summary(SqlClient client, long conversationId) {
    return client.preparedQuery(BY_ID).execute(Tuple.of(conversationId))
        .map(rows -> rows.size() == 0 ? null : ConversationJson.summary(rows.iterator().next()));
  }


  /** Summaries of these conversations, in the order given (missing ids are left out). */
  public static Future<List<JsonObject>> summariesInOrder(SqlClient client, List<Long> ids) {
    return client.preparedQuery(BY_IDS).execute(Tuple.tuple().addArrayOfLong(ids.toArray(Long[]::new))).map(rows -> {
      java.util.Map<Long, JsonObject> byId = new java.util.HashMap<>();
      rows.forEach(r -> byId.put(r.getLong("id"), ConversationJson.summary(r)));
      List<JsonObject> out = new ArrayList<>();
      ids.forEach(id -> {
        if (byId.containsKey(id)) {
          out.add(byId.get(id));
        }
      });
      return out;
    });
  }

  /** Summaries of many conversations in one round trip, by id. */
  public static Future<java.util.Map<Long, JsonObject>> summaries(SqlClient client, java.util.Collection<Long> ids) {
    return client.preparedQuery(BY_IDS).execute(Tuple.tuple().addArrayOfLong(ids.toArray(Long[]::new))).map(rows -> {
      java.util.Map<Long, JsonObject> out = new java.util.HashMap<>();
      rows.forEach(r -> out.put(r.getLong("id"), ConversationJson.summary(r)));
      return out;
    });
  }

  public static Future<List<JsonObject>> visibleTo(SqlClient client, CurrentUser user) {
    Future<io.vertx.sqlclient.RowSet<Row>> rows = user.oversees()
        ? client.preparedQuery(OVERSEEN).execute(user.shops().addTo(Tuple.tuple()).addBoolean(user.teamScoped())
            .addArrayOfString(user.ledTeams().toArray(String[]::new)))
        : client.preparedQuery(MINE).execute(Tuple.of(user.id()));
    return rows.map(rs -> {
      List<JsonObject> out = new ArrayList<>();
      rs.forEach(r -> out.add(ConversationJson.summary(r)));
      return out;
    });
  }

  public static Future<JsonArray> timeline(SqlClient client, long conversationId) {
    return client.preparedQuery(TIMELINE).execute(Tuple.of(conversationId)).map(rows -> {
      JsonArray out = new JsonArray();
      rows.forEach(r -> out.add(ConversationJson.timelineEntry(r)));
      return out;
    });
  }

  /**
   * Agents see the conversations assigned to them; admins those of their shops; supervisors those of
   * their shops that belong to a team they lead or to no team ({@link ConversationTeam}).
   */
  public static boolean mayView(CurrentUser user, JsonObject summary) {
    if (user.oversees()) {
      return user.oversees(summary.getString("accountId"), ConversationTeam.of(summary));
    }
    JsonObject assignee = summary.getJsonObject("assignee");
    return assignee != null && assignee.getLong("id") == user.id();
  }
}
