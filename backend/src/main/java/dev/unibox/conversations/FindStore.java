package dev.unibox.conversations;

import dev.unibox.auth.CurrentUser;
import dev.unibox.auth.ShopScope;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of finding conversations: tabs, filters, text search over buyer names and message text, keyset
 * pages, and a buyer's other conversations. Every query carries {@link ReadScope}.
 *
 * <p>A text search first walks the newest {@link #WINDOW} conversations after the cursor and probes each
 * one's messages ({@code ILIKE}, any script): a common word fills the page there at once. When it does
 * not, a text with a word of three or more characters goes to the trigram indexes of V25 (a rarer word:
 * few matches to collect); a text of only one- or two-character words (Chinese 退款, 发货), which trigrams
 * cannot index, answers what the window held and a cursor at its end, so "more" searches the next window
 * and no request scans every message. The index query names the shops searched (the shop filter, else the
 * user's shops) on the messages and buyers themselves, so the two-column indexes of V28 (shop, trigrams)
 * answer both in one scan instead of rechecking every match in other shops.
 */
public final class FindStore {

  /** Conversations one text-search request probes before it uses the index (or stops, for short words). */
  public static final int WINDOW = 4000;

  private static final String SORT = "COALESCE(c.last_message_at, c.created_at)";

  private static final String COLUMNS = ConversationStore.SUMMARY_COLUMNS
      + ", c.last_assignee_id, lu.display_name AS last_assignee_name, " + SORT + " AS sort_at";

  private static final String FROM = ConversationStore.SUMMARY_FROM
      + " LEFT JOIN users lu ON lu.id = c.last_assignee_id\n";

  private static final String MATCH = """
      , (SELECT m.body FROM messages m WHERE m.conversation_id = c.id AND m.body ILIKE $1
         ORDER BY m.at DESC, m.id DESC LIMIT 1) AS match_text""";

  private static final String NO_MATCH = ", NULL::text AS match_text";


  private static final String PROBE =
      "b.name ILIKE $1 OR EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND m.body ILIKE $1)";

  private static final String ORDER = " ORDER BY " + SORT + " DESC, c.id DESC";

  /** The buyer's other conversations: same platform and buyer id, any shop of that platform the user reads. */
  private static final String HISTORY_WHERE =
      " WHERE a.platform = $1 AND b.platform_buyer_id = $2 AND c.id <> $3 AND c.status <> 'spam' AND ";

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
    if (q.text() == null) {
      Tuple params = Tuple.tuple();
      String sql = "SELECT " + COLUMNS + NO_MATCH + FROM + " WHERE " + where(user, q, params) + after(q, params)
          + ORDER + limit(params, q.limit() + 1);
      return customPlan(pool, sql, params).map(rows -> page(rows, q.limit()));
    }
    return window(pool, user, q).compose(w -> {
      if (w.hits.size() > q.limit() || w.scanned < WINDOW) {
        return byIds(pool, user, q, w.hits).map(rows -> page(rows, q.limit()));
      }
      if (indexable(q.text())) {
        Tuple params = Tuple.tuple().addString(q.pattern());
        String sql = "SELECT " + COLUMNS + MATCH + FROM + " WHERE " + where(user, q, params) + text(user, q, params)
            + after(q, params) + ORDER + limit(params, q.limit() + 1);
        return customPlan(pool, sql, params).map(rows -> page(rows, q.limit()));
      }
      return byIds(pool, user, q, w.hits).map(rows -> new Page(page(rows, q.limit()).conversations(), w.edge));
    });
  }

  /** Other conversations of this conversation's buyer the user may read, newest first. */
  public static Future<List<JsonObject>> history(Pool pool, CurrentUser user, JsonObject conversation) {
    Tuple params = Tuple.of(conversation.getString("platform"),
        conversation.getJsonObject("buyer").getString("id"), conversation.getLong("id"));
    String sql = "SELECT " + COLUMNS + NO_MATCH + FROM + HISTORY_WHERE + ReadScope.sql(user, params, 4) + ORDER
        + " LIMIT " + HISTORY_LIMIT;
    return pool.preparedQuery(sql).execute(params).map(rows -> page(rows, HISTORY_LIMIT).conversations());
  }

  /** Trigrams index words of three or more characters; a text without one can only be scanned. */
  static boolean indexable(String text) {
    for (String word : text.split("\\s+")) {
      if (word.codePointCount(0, word.length()) >= 3) {
        return true;
      }
    }
    return false;
  }

  private record Window(List<Long> hits, int scanned, FindQuery.Cursor edge) {}

  /** Probes the newest WINDOW conversations after the cursor; the first limit + 1 hits, and where it stopped. */
  private static Future<Window> window(Pool pool, CurrentUser user, FindQuery q) {
    Tuple params = Tuple.tuple().addString(q.pattern());
    String scoped = "SELECT c.id, c.buyer_id, " + SORT + " AS sort_at" + FROM + " WHERE " + where(user, q, params)
        + after(q, params) + ORDER + limit(params, WINDOW);
    String sql = "WITH w AS MATERIALIZED (" + scoped + "),\n"
        + " edge AS (SELECT sort_at, id, (SELECT count(*) FROM w) AS scanned FROM w ORDER BY sort_at, id LIMIT 1),\n"
        + " h AS (SELECT c.id, c.sort_at FROM w c JOIN buyers b ON b.id = c.buyer_id WHERE " + PROBE
        + " ORDER BY c.sort_at DESC, c.id DESC" + limit(params, q.limit() + 1) + ")\n"
        + "SELECT h.id, edge.sort_at AS edge_at, edge.id AS edge_id, edge.scanned FROM edge LEFT JOIN h ON true"
        + " ORDER BY h.sort_at DESC, h.id DESC";
    return customPlan(pool, sql, params).map(rows -> {
      List<Long> hits = new ArrayList<>();
      int scanned = 0;
      FindQuery.Cursor edge = null;
      for (Row r : rows) {
        scanned = r.getInteger("scanned");
        edge = new FindQuery.Cursor(r.getOffsetDateTime("edge_at").toInstant(), r.getLong("edge_id"));
        if (r.getLong("id") != null) {
          hits.add(r.getLong("id"));
        }
      }
      return new Window(hits, scanned, edge);
    });
  }

  private static Future<RowSet<Row>> byIds(Pool pool, CurrentUser user, FindQuery q, List<Long> ids) {
    Tuple params = Tuple.tuple().addString(q.pattern());
    params.addArrayOfLong(ids.toArray(Long[]::new));
    String sql = "SELECT " + COLUMNS + MATCH + FROM + " WHERE c.id = ANY($2) AND " + where(user, q, params) + ORDER;
    return pool.preparedQuery(sql).execute(params);
  }

  /** Scope, tab and filters; parameters appended to {@code params}. */
  private static String where(CurrentUser user, FindQuery q, Tuple params) {
    StringBuilder sql = new StringBuilder(ReadScope.sql(user, params, params.size() + 1));
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
      sql.append(" AND c.priority = ").append(add(params, q.priority().shortValue()));
    }
    if (q.language() != null) {
      sql.append(" AND c.language = ").append(add(params, q.language()));
    }
    if (q.agent() != null) {
      sql.append(" AND COALESCE(c.assignee_id, c.last_assignee_id) = ").append(add(params, q.agent()));
    }
    return sql.toString();
  }

  /**
   * One set of ids from both trigram indexes (an OR with the buyer's name would scan every conversation),
   * each restricted to the shops searched inside the index. An agent's shops are those they serve: the
   * conversations assigned to them are of those shops (a seat is only taken in a shop the agent serves).
   */
  private static String text(CurrentUser user, FindQuery q, Tuple params) {
    String shops;
    ShopScope scope = user.shops();
    if (q.shop() != null) {
      shops = " = " + add(params, q.shop());
    } else if (!scope.everyShop()) {
      params.addArrayOfString(scope.accountArray());
      shops = " = ANY($" + params.size() + ")";
    } else {
      shops = null;
    }
    String m = shops == null ? "" : "m.account_id" + shops + " AND ";
    String b = shops == null ? "" : "nb.account_id" + shops + " AND ";
    return " AND c.id IN (SELECT m.conversation_id FROM messages m WHERE " + m + "m.body ILIKE $1"
        + " UNION SELECT n.id FROM conversations n JOIN buyers nb ON nb.id = n.buyer_id WHERE " + b + "nb.name ILIKE $1)";
  }

  private static String after(FindQuery q, Tuple params) {
    if (q.after() == null) {
      return "";
    }
    String at = add(params, q.after().at().atOffset(ZoneOffset.UTC));
    return " AND (" + SORT + ", c.id) < (" + at + ", " + add(params, q.after().id()) + ")";
  }

  private static String limit(Tuple params, int n) {
    return " LIMIT " + add(params, n);
  }

  private static String add(Tuple params, Object value) {
    params.addValue(value);
    return "$" + params.size();
  }

  /**
   * Search plans depend on the pattern and the filters, so a cached generic plan would be wrong for most
   * requests: plan each one for its values.
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
