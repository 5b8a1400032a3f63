package dev.unibox.ingest;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** SQL of the ingest path. Every method runs inside the caller's transaction. */
final class IngestStore {

  private static final String UPSERT_BUYER = """
      INSERT INTO buyers (account_id, platform_buyer_id, name) VALUES ($1, $2, COALESCE($3, 'Buyer ' || $2))
      ON CONFLICT (account_id, platform_buyer_id) DO UPDATE SET name = COALESCE($3, buyers.name)
      RETURNING id""";

  private static final String INSERT_CONVERSATION = """
      INSERT INTO conversations (account_id, platform_conversation_id, buyer_id, status, queued_at,
                                 created_at, updated_at)
      VALUES ($1, $2, $3, 'queued', $4, $4, $4)
      ON CONFLICT (account_id, platform_conversation_id) DO NOTHING
      RETURNING id""";

  private static final String LOCK_CONVERSATION = """
      SELECT id, status, priority, category, assignee_id FROM conversations
      WHERE account_id = $1 AND platform_conversation_id = $2 FOR UPDATE""";

  private static final String INSERT_MESSAGE = """
      INSERT INTO messages (conversation_id, account_id, platform_message_id, direction, message_type, body,
                            author_name, status, at, created_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
      ON CONFLICT (account_id, platform_message_id) DO NOTHING
      RETURNING id""";

  /** The newest message (by platform time) sets the preview; a buyer message starts the wait if none runs. */
  private static final String UPDATE_AFTER_BUYER_MESSAGE = """
      UPDATE conversations SET
        priority = GREATEST(priority, $2),
        category = $3,
        language = COALESCE($4, language),
        waiting_since = COALESCE(waiting_since, $5),
        last_message_text = CASE WHEN last_message_at IS NULL OR $5 >= last_message_at THEN $6 ELSE last_message_text END,
        last_message_direction = CASE WHEN last_message_at IS NULL OR $5 >= last_message_at THEN 'in' ELSE last_message_direction END,
        last_message_at = GREATEST(last_message_at, $5),
        updated_at = $7
      WHERE id = $1""";

  private static final String UPDATE_AFTER_SHOP_MESSAGE = """
      UPDATE conversations SET
        waiting_since = NULL,
        last_message_text = CASE WHEN last_message_at IS NULL OR $2 >= last_message_at THEN $3 ELSE last_message_text END,
        last_message_direction = CASE WHEN last_message_at IS NULL OR $2 >= last_message_at THEN 'out' ELSE last_message_direction END,
        last_message_at = GREATEST(last_message_at, $2),
        updated_at = $4
      WHERE id = $1""";

  private static final String REOPEN = """
      UPDATE conversations SET status = 'queued', queued_at = $2, priority = 0, category = 'pre_sale', updated_at = $2
      WHERE id = $1""";

  private IngestStore() {}

  static Future<Long> upsertBuyer(SqlConnection c, String accountId, String buyerId, String name) {
    return c.preparedQuery(UPSERT_BUYER).execute(Tuple.of(accountId, buyerId, name)).map(IngestStore::firstId);
  }

  /** @return the new conversation's id, or null when it already existed */
  static Future<Long> insertConversation(SqlConnection c, String accountId, String platformConversationId,
                                         long buyerId, Instant now) {
    return c.preparedQuery(INSERT_CONVERSATION).execute(Tuple.of(accountId, platformConversationId, buyerId, utc(now)))
        .map(rows -> rows.size() == 0 ? null : firstId(rows));
  }

  static Future<Row> lockConversation(SqlConnection c, String accountId, String platformConversationId) {
    return c.preparedQuery(LOCK_CONVERSATION).execute(Tuple.of(accountId, platformConversationId))
        .map(rows -> rows.iterator().next());
  }

  /** @return the new message id, or null when this platform message id is already stored (a duplicate) */
  static Future<Long> insertMessage(SqlConnection c, long conversationId, String accountId, String platformMessageId,
                                    boolean fromBuyer, String type, String text, String author, Instant at,
                                    Instant now) {
    return c.preparedQuery(INSERT_MESSAGE).execute(Tuple.from(new Object[] {conversationId, accountId,
            platformMessageId, fromBuyer ? "in" : "out", type, text, author, fromBuyer ? "received" : "sent",
            utc(at), utc(now)}))
        .map(rows -> rows.size() == 0 ? null : firstId(rows));
  }

  static Future<Void> afterBuyerMessage(SqlConnection c, long conversationId, int priority, String category,
                                        String language, Instant at, String text, Instant now) {
    return c.preparedQuery(UPDATE_AFTER_BUYER_MESSAGE)
        .execute(Tuple.from(new Object[] {conversationId, (short) priority, category, language, utc(at), text, utc(now)}))
        .mapEmpty();
  }

  static Future<Void> afterShopMessage(SqlConnection c, long conversationId, Instant at, String text, Instant now) {
    return c.preparedQuery(UPDATE_AFTER_SHOP_MESSAGE).execute(Tuple.of(conversationId, utc(at), text, utc(now)))
        .mapEmpty();
  }

  static Future<Void> reopen(SqlConnection c, long conversationId, Instant now) {
    return c.preparedQuery(REOPEN).execute(Tuple.of(conversationId, utc(now))).mapEmpty();
  }

  private static long firstId(RowSet<Row> rows) {
    return rows.iterator().next().getLong("id");
  }

  private static OffsetDateTime utc(Instant t) {
    return t.atOffset(ZoneOffset.UTC);
  }
}
