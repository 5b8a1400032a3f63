package dev.unibox.quality;

import dev.unibox.auth.CurrentUser;
import dev.unibox.web.ApiException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** SQL of quick replies (soft-deleted: a deleted shipped entry is never seeded again). */
final class QuickReplyStore {

  private static final String COLUMNS = "q.id, q.shortcut, q.title, q.account_id, q.team, q.variants, q.updated_at";

  private static final String VISIBLE = "SELECT " + COLUMNS + """
       FROM quick_replies q
      WHERE q.deleted_at IS NULL AND (q.account_id IS NULL OR $1 OR q.account_id = ANY($2))
        AND ($3::text IS NULL OR q.account_id IS NULL OR q.account_id = $3)
      ORDER BY q.shortcut, q.account_id NULLS LAST""";

  private static final String FOR_SHOP = "SELECT " + COLUMNS + """
       FROM quick_replies q
      WHERE q.deleted_at IS NULL AND (q.account_id IS NULL OR q.account_id = $1)
        AND ($2::text IS NULL OR q.shortcut LIKE $2 || '%' OR lower(q.title) LIKE '%' || $2 || '%')
      ORDER BY q.shortcut, q.account_id NULLS LAST
      LIMIT 20""";

  private static final String CONVERSATION_FACTS = """
      SELECT c.account_id, c.language, a.platform, a.shop_name, b.name AS buyer_name,
             ARRAY(SELECT m.body FROM messages m WHERE m.conversation_id = c.id AND m.direction = 'in'
                   ORDER BY m.at DESC, m.id DESC LIMIT 50) AS buyer_texts
      FROM conversations c JOIN accounts a ON a.id = c.account_id JOIN buyers b ON b.id = c.buyer_id
      WHERE c.id = $1""";

  private static final String INSERT = """
      INSERT INTO quick_replies (shortcut, title, account_id, team, variants, seed_key, created_by, created_at, updated_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)
      ON CONFLICT DO NOTHING
      RETURNING id""";

  private static final String ONE = "SELECT " + COLUMNS + " FROM quick_replies q WHERE q.id = $1 AND q.deleted_at IS NULL";

  private static final String UPDATE = """
      UPDATE quick_replies SET shortcut = $2, title = $3, account_id = $4, team = $5, variants = $6, updated_at = $7
      WHERE id = $1 AND deleted_at IS NULL""";

  private static final String DELETE = "UPDATE quick_replies SET deleted_at = $2 WHERE id = $1 AND deleted_at IS NULL";

  /** A quick reply as written: seedKey for shipped entries, createdBy for a user's. */
  record Entry(String shortcut, String title, String accountId, String team, JsonObject variants, String seedKey,
               Long createdBy) {}

  /** What rendering a conversation's quick replies needs to know about it. */
  record ConversationFacts(String accountId, String language, String platform, String shopName, String buyerName,
                           List<String> buyerTexts) {}

  private QuickReplyStore() {}

  /** The user's shops' and the team's; account narrows to one shop (and the team's). */
  static Future<JsonArray> visible(SqlClient c, CurrentUser user, String account) {
    return c.preparedQuery(VISIBLE).execute(user.shops().addTo(Tuple.tuple()).addString(account))
        .map(QuickReplyStore::json);
  }

  /** Up to 20 of the shop's and the team's whose shortcut starts with, or title holds, the query (null: any). */
  static Future<JsonArray> forShop(SqlClient c, String accountId, String query) {
    String like = query == null || query.isEmpty() ? null : query.replace("\\", "").replace("%", "").replace("_", "\\_");
    return c.preparedQuery(FOR_SHOP).execute(Tuple.of(accountId, like)).map(QuickReplyStore::json);
  }

  static Future<ConversationFacts> conversationFacts(SqlClient c, long conversationId) {
    return c.preparedQuery(CONVERSATION_FACTS).execute(Tuple.of(conversationId)).map(rows -> {
      Row f = rows.iterator().next();
      return new ConversationFacts(f.getString("account_id"), f.getString("language"), f.getString("platform"),
          f.getString("shop_name"), f.getString("buyer_name"), List.of(f.getArrayOfStrings("buyer_texts")));
    });
  }

  /** The new id, or null when the shortcut (or seed key) is taken. */
  static Future<Long> insert(SqlClient c, Entry e, Instant at) {
    return c.preparedQuery(INSERT).execute(Tuple.from(new Object[] {e.shortcut(), e.title(), e.accountId(), e.team(),
            e.variants(), e.seedKey(), e.createdBy(), at.atOffset(ZoneOffset.UTC)}))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getLong("id"));
  }

  /** 404 when there is none (or it was deleted). */
  static Future<JsonObject> one(SqlClient c, long id) {
    return c.preparedQuery(ONE).execute(Tuple.of(id)).compose(rows -> rows.size() == 0
        ? Future.failedFuture(ApiException.notFound("Quick reply")) : Future.succeededFuture(json(rows.iterator().next())));
  }

  /** False when the new shortcut is taken in its scope. */
  static Future<Boolean> update(SqlClient c, long id, Entry e, Instant at) {
    return c.preparedQuery(UPDATE).execute(Tuple.from(new Object[] {id, e.shortcut(), e.title(), e.accountId(), e.team(),
            e.variants(), at.atOffset(ZoneOffset.UTC)}))
        .map(true)
        .recover(err -> err instanceof PgException pg && "23505".equals(pg.getSqlState())
            ? Future.succeededFuture(false) : Future.failedFuture(err));
  }

  static Future<Void> delete(SqlClient c, long id, Instant at) {
    return c.preparedQuery(DELETE).execute(Tuple.of(id, at.atOffset(ZoneOffset.UTC))).mapEmpty();
  }

  private static JsonArray json(Iterable<Row> rows) {
    JsonArray out = new JsonArray();
    rows.forEach(r -> out.add(json(r)));
    return out;
  }

  private static JsonObject json(Row r) {
    Object variants = r.getValue("variants");
    String account = r.getString("account_id");
    return new JsonObject().put("id", r.getLong("id")).put("shortcut", r.getString("shortcut"))
        .put("title", r.getString("title")).put("accountId", account).put("scope", account == null ? "team" : "shop")
        .put("team", r.getString("team"))
        .put("variants", variants instanceof JsonObject o ? o : new JsonObject(String.valueOf(variants)))
        .put("updatedAt", r.getOffsetDateTime("updated_at").toInstant().toString());
  }
}
