package dev.unibox.ingest;

import dev.unibox.domain.Classification;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** SQL of the ingest path. Every method runs inside the caller's transaction. */
final class IngestStore {

  /**
   * One round trip for what every message needs: the buyer upserted (written only when new or renamed: most
   * messages come from a buyer already stored, and an unchanged row is not worth a new version), the
   * conversation created (or the existing one locked), the message inserted unless its platform id is stored
   * already (message_id null). A conversation or buyer created by a concurrent transaction after this
   * statement's snapshot is neither inserted nor seen: no row comes back and the caller runs the statement
   * again (a new snapshot).
   */
  private static final String RECEIVE = """
      WITH b AS (
        INSERT INTO buyers (account_id, platform_buyer_id, name) VALUES ($1, $3, COALESCE($4, 'Buyer ' || $3))
        ON CONFLICT (account_id, platform_buyer_id) DO UPDATE SET name = COALESCE($4, buyers.name)
        WHERE buyers.name IS DISTINCT FROM COALESCE($4, buyers.name)
        RETURNING id),
      buyer AS (
        SELECT id FROM b
        UNION ALL SELECT id FROM buyers WHERE account_id = $1 AND platform_buyer_id = $3 AND NOT EXISTS (SELECT 1 FROM b)),
      ins AS (
        INSERT INTO conversations (account_id, platform_conversation_id, buyer_id, status, queued_at, created_at, updated_at)
        SELECT $1, $2, buyer.id, 'queued', $5, $5, $5 FROM buyer
        ON CONFLICT (account_id, platform_conversation_id) DO NOTHING
        RETURNING id, status, priority, category, assignee_id, waiting_since, priority_manual, sla_due_at),
      old AS (
        SELECT id, status, priority, category, assignee_id, waiting_since, priority_manual, sla_due_at
        FROM conversations WHERE account_id = $1 AND platform_conversation_id = $2 FOR UPDATE),
      conv AS (
        SELECT ins.*, true AS created FROM ins
        UNION ALL SELECT old.*, false FROM old WHERE NOT EXISTS (SELECT 1 FROM ins)),
      msg AS (
        INSERT INTO messages (conversation_id, account_id, platform_message_id, direction, message_type, body,
                              author_name, status, at, created_at)
        SELECT conv.id, $1, $6, $7, $8, $9, $10, $11, $12, $5 FROM conv
        ON CONFLICT (account_id, platform_message_id) DO NOTHING
        RETURNING id)
      SELECT conv.*, a.platform, a.time_zone, (SELECT id FROM msg) AS message_id
      FROM conv JOIN accounts a ON a.id = $1""";

  /**
   * The conversation's preview follows the newest message by platform time: a message that arrives late
   * (a poll after a push) with an older time does not replace it.
   */
  private static String preview(String at, String text, String direction) {
    return """
          last_message_text = CASE WHEN last_message_at IS NULL OR %1$s >= last_message_at THEN %2$s ELSE last_message_text END,
          last_message_direction = CASE WHEN last_message_at IS NULL OR %1$s >= last_message_at THEN '%3$s'
                                        ELSE last_message_direction END,
          last_message_at = GREATEST(last_message_at, %1$s),
        """.formatted(at, text, direction);
  }

  /**
   * A buyer message starts the wait if none runs, and sets the preview if it is the newest. An informative
   * message also sets how sure the classifier was and the "check urgency" flag (raised when it was unsure); a
   * message that named nothing the classifier weighs (an emoji, "are you there?") leaves both as they were.
   */
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
        check_urgency = CASE WHEN $12 THEN $13 ELSE check_urgency END,
        urgency_confidence = CASE WHEN $12 THEN $14 ELSE urgency_confidence END,
""" + preview("$5", "$6", "in") + """
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
""" + preview("$2", "$3", "out") + """
        updated_at = $4
      WHERE id = $1""";

  private static final String REOPEN = """
      UPDATE conversations SET status = 'queued', queued_at = $2, priority = 0, category = 'pre_sale', updated_at = $2,
                               priority_manual = false, head_of_class = false, passed_by = NULL, team = NULL
      WHERE id = $1""";

  private IngestStore() {}

  /**
   * The conversation row (locked; {@code created}, {@code platform}, {@code time_zone}) and {@code message_id},
   * null when the message is a duplicate.
   */
  static Future<Row> receive(SqlConnection c, String accountId, String platformConversationId, String buyerId,
                             String buyerName, String platformMessageId, boolean fromBuyer, String type, String text,
                             String author, Instant at, Instant now) {
    Tuple args = Tuple.from(new Object[] {accountId, platformConversationId, buyerId, buyerName, utc(now),
        platformMessageId, fromBuyer ? "in" : "out", type, text, author, fromBuyer ? "received" : "sent", utc(at)});
    return c.preparedQuery(RECEIVE).execute(args).compose(rows -> rows.size() > 0
        ? Future.succeededFuture(rows.iterator().next())
        : c.preparedQuery(RECEIVE).execute(args).map(again -> again.iterator().next()));
  }

  /** Deadlines of the buyer's wait: ours (due, warn) and the platform's (null when it does not count). */
  record Deadlines(Instant due, Instant warn, Instant platformDue, String platformRule) {}

  static Future<Void> afterBuyerMessage(SqlConnection c, long conversationId, int priority, String category,
                                        String language, Instant at, String text, Instant now, Deadlines d,
                                        Classification cls) {
    return c.preparedQuery(UPDATE_AFTER_BUYER_MESSAGE)
        .execute(Tuple.from(new Object[] {conversationId, (short) priority, category, language, utc(at), text, utc(now),
            utc(d.due()), utc(d.warn()), d.platformDue() == null ? null : utc(d.platformDue()), d.platformRule(),
            cls.informative(), cls.checkUrgency(), (float) cls.confidence()}))
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

  private static OffsetDateTime utc(Instant t) {
    return t.atOffset(ZoneOffset.UTC);
  }
}
