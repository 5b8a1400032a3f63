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
      SELECT c.id, c.status, c.priority, c.category, c.assignee_id, c.waiting_since, c.priority_manual, c.sla_due_at,
             a.platform, a.time_zone
      FROM conversations c JOIN accounts a ON a.id = c.account_id
      WHERE c.account_id = $1 AND c.platform_conversation_id = $2 FOR UPDATE OF c""";

  private static final String INSERT_MESSAGE = """
      INSERT INTO messages (conversation_id, account_id, platform_message_id, direction, message_type, body,
                            author_name, status, at, created_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
      ON CONFLICT (account_id, platform_message_id) DO NOTHING
      RETURNING id""";

  /** The newest message (by platform time) sets the preview; a buyer message starts the wait if none runs. */
  private static final String UPDATE_AFTER_BUYER_MESSAGE = """
      UPDATE conversations SET
        priority = CASE WHEN priority_manual THEN priority ELSE GREATEST(priority, $2) END,
        category = $3,
        sla_state = CASE WHEN waiting_since IS NULL OR sla_state = 'none' THEN 'running' ELSE sla_state END,
        sla_due_at = $8,
        sla_warn_at = $9,
        platform_due_at = CASE WHEN waiting_since IS NULL THEN $10 ELSE COALESCE(platform_due_at, $10) END,
        platform_rule = CASE WHEN waiting_since IS NULL THEN $11 ELSE COALESCE(platform_rule, $11) END,
        language = COALESCE($4, language),
        waiting_since = COALESCE(waiting_since, $5),
        last_message_text = CASE WHEN last_message_at IS NULL OR $5 >= last_message_at THEN $6 ELSE last_message_text END,
        last_message_direction = CASE WHEN last_message_at IS NULL OR $5 >= last_message_at THEN 'in' ELSE last_message_direction END,
        last_message_at = GREATEST(last_message_at, $5),
        updated_at = $7
      WHERE id = $1""";

  private static final String UPDATE_AFTER_SHOP_MESSAGE = """
      UPDATE conversations SET
        waiting_since = CASE WHEN $5 THEN NULL ELSE waiting_since END,
        sla_state = CASE WHEN $5 THEN 'none' ELSE sla_state END,
        sla_due_at = CASE WHEN $5 THEN NULL ELSE sla_due_at END,
        sla_warn_at = CASE WHEN $5 THEN NULL ELSE sla_warn_at END,
        platform_due_at = CASE WHEN $6 THEN NULL ELSE platform_due_at END,
        platform_rule = CASE WHEN $6 THEN NULL ELSE platform_rule END,
        last_message_text = CASE WHEN last_message_at IS NULL OR $2 >= last_message_at THEN $3 ELSE last_message_text END,
        last_message_direction = CASE WHEN last_message_at IS NULL OR $2 >= last_message_at THEN 'out' ELSE last_message_direction END,
        last_message_at = GREATEST(last_message_at, $2),
        updated_at = $4
      WHERE id = $1""";

  private static final String REOPEN = """
      UPDATE conversations SET status = 'queued', queued_at = $2, priority = 0, category = 'pre_sale', updated_at = $2,
                               priority_manual = false, head_of_class = false, team = NULL
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

  /** Deadlines of the buyer's wait: ours (due, warn) and the platform's (null when it does not count). */
  record Deadlines(Instant due, Instant warn, Instant platformDue, String platformRule) {}

  static Future<Void> afterBuyerMessage(SqlConnection c, long conversationId, int priority, String category,
                                        String language, Instant at, String text, Instant now, Deadlines d) {
    return c.preparedQuery(UPDATE_AFTER_BUYER_MESSAGE)
        .execute(Tuple.from(new Object[] {conversationId, (short) priority, category, language, utc(at), text, utc(now),
            utc(d.due()), utc(d.warn()), d.platformDue() == null ? null : utc(d.platformDue()), d.platformRule()}))
        .mapEmpty();
  }

  /**
   * @param human         a person answered (from another tool): the buyer's wait and our clock end
   * @param stopsPlatform the message meets the platform's clock (auto-replies don't on Shopee)
   */
  static Future<Void> afterShopMessage(SqlConnection c, long conversationId, Instant at, String text, Instant now,
                                       boolean human, boolean stopsPlatform) {
    return c.preparedQuery(UPDATE_AFTER_SHOP_MESSAGE)
        .execute(Tuple.of(conversationId, utc(at), text, utc(now), human, stopsPlatform))
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
