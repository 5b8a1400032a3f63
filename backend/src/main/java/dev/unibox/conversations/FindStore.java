package dev.unibox.conversations;

import dev.unibox.auth.CurrentUser;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of finding conversations: tabs, filters, text search over buyer names and message text
 * (trigram indexes of V90; {@code ILIKE} also matches one- and two-character Chinese words, without the
 * index's help), keyset pages, and a buyer's other conversations. Every query carries {@link ReadScope}.
 */
public final class FindStore {

  private static final String SORT = "COALESCE(c.last_message_at, c.created_at)";

  private static final String EXTRA_COLUMNS = """
      , c.last_assignee_id, lu.display_name AS last_assignee_name, %s AS sort_at""".formatted(SORT);

  private static final String FROM = ConversationStore.SUMMARY_FROM
      + " LEFT JOIN users lu ON lu.id = c.last_assignee_id\n";

  private static final String MATCH = """
      , (SELECT m.body FROM messages m WHERE m.conversation_id = c.id AND m.body ILIKE $1
         ORDER BY m.at DESC, m.id DESC LIMIT 1) AS match_text""";

  private static final String TEXT =
      " AND (b.name ILIKE $1 OR c.id IN (SELECT m.conversation_id FROM messages m WHERE m.body ILIKE $1))";

  /** The buyer's other conversations: same platform and buyer id, any shop of that platform the user reads. */
  private static final String HISTORY_WHERE = """
       WHERE a.platform = $1 AND b.platform_buyer_id = $2 AND c.id <> $3 AND c.status <> 'spam' AND """;

  private static final int HISTORY_LIMIT = 20;

  private FindStore() {}

  /** One page: the conversations and the cursor of the next page (null on the last). */
  public record Page(List<JsonObject> conversations, FindQuery.Cursor next) {

    public JsonObject json() {
      return new JsonObject().put("conversations", new JsonArray(conversations))
          .put("next", next == null ? null : next.encode());
    }
  }

  public static Future<Page> find(Pool pool, CurrentUser user, FindQuery q) {
    Tuple params = Tuple.tuple();
    boolean text = q.text() != null;
    if (text) {
      params.addString(q.pattern());
    }
    StringBuilder sql = new StringBuilder("SELECT ").append(ConversationStore.SUMMARY_COLUMNS).append(EXTRA_COLUMNS)
        .append(text ? MATCH : ", NULL::text AS match_text").append(FROM).append(" WHERE ")
        .append(ReadScope.sql(user, params, params.size() + 1));
    switch (q.tab()) {
      case "mine" -> sql.append(" AND c.status = 'assigned' AND c.assignee_id = ").append(add(params, user.id()));
      case "queue" -> sql.append(" AND c.status = 'queued'");
      case "solved" -> sql.append(" AND c.status = 'closed'");
      default -> {
        if (q.status() == null) {
          sql.append(" AND c.status <> 'spam'");
        }
      }
    }
    if (q.status() != null) {
      sql.append(" AND c.status = ").append(add(params, q.status()));
    }
    if (q.platform() != null) {
      sql.append(" AND a.platform = ").append(add(params, q.platform()));
    }
    if (q.shop() != null) {
      sql.append(" AND c.account_id = ").append(add(params, q.shop()));
    }
    if (q.priority() != null) {
      params.addShort(q.priority().shortValue());
      sql.append(" AND c.priority = $").append(params.size());
    }
    if (q.language() != null) {
      sql.append(" AND c.language = ").append(add(params, q.language()));
    }
    if (q.agent() != null) {
      sql.append(" AND COALESCE(c.assignee_id, c.last_assignee_id) = ").append(add(params, q.agent()));
    }
    if (text) {
      sql.append(TEXT);
    }
    if (q.after() != null) {
      params.addOffsetDateTime(q.after().at().atOffset(ZoneOffset.UTC));
      params.addLong(q.after().id());
      sql.append(" AND (").append(SORT).append(", c.id) < ($").append(params.size() - 1).append(", $")
          .append(params.size()).append(")");
    }
    params.addInteger(q.limit() + 1);
    sql.append(" ORDER BY ").append(SORT).append(" DESC, c.id DESC LIMIT $").append(params.size());
    return customPlan(pool, sql.toString(), params).map(rows -> page(rows, q.limit()));
  }

  /** Other conversations of this conversation's buyer the user may read, newest first. */
  public static Future<List<JsonObject>> history(Pool pool, CurrentUser user, JsonObject conversation) {
    Tuple params = Tuple.of(conversation.getString("platform"),
        conversation.getJsonObject("buyer").getString("id"), conversation.getLong("id"));
    String sql = "SELECT " + ConversationStore.SUMMARY_COLUMNS + EXTRA_COLUMNS + ", NULL::text AS match_text" + FROM
        + HISTORY_WHERE + ReadScope.sql(user, params, 4) + " ORDER BY " + SORT + " DESC, c.id DESC LIMIT "
        + HISTORY_LIMIT;
    return pool.preparedQuery(sql).execute(params).map(rows -> page(rows, HISTORY_LIMIT).conversations());
  }

  private static String add(Tuple params, Object value) {
    params.addValue(value);
    return "$" + params.size();
  }

  /**
   * Search plans depend on the pattern (a rare long word: the trigram index; a common short one: walking
   * the newest conversations), so a cached generic plan would be wrong for most texts.
   */
  private static Future<RowSet<Row>> customPlan(Pool pool, String sql, Tuple params) {
    return pool.withTransaction(conn -> conn.query("SET LOCAL plan_cache_mode = force_custom_plan").execute()
        .compose(v -> conn.preparedQuery(sql).execute(params)));
  }

  private static Page page(RowSet<Row> rows, int limit) {
    List<JsonObject> out = new ArrayList<>();
    FindQuery.Cursor next = null;
    for (Row r : rows) {
      if (out.size() == limit) {
        JsonObject last = out.get(out.size() - 1);
        next = new FindQuery.Cursor(java.time.Instant.parse(last.getString("sortAt")), last.getLong("id"));
        break;
      }
      out.add(row(r));
    }
    return new Page(out, next);
  }

  private static JsonObject row(Row r) {
    Long last = r.getLong("last_assignee_id");
    String match = r.getString("match_text");
    return ConversationJson.summary(r)
        .put("lastAssignee", last == null ? null
            : new JsonObject().put("id", last).put("displayName", r.getString("last_assignee_name")))
        .put("sortAt", r.getOffsetDateTime("sort_at").toInstant().toString())
        .put("match", match == null ? null : new JsonObject().put("text", match));
  }
}
