package dev.unibox.outbox;

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

/** SQL of replies and their outbox rows. */
public final class OutboxStore {

  private static final String INSERT_MESSAGE = """
      INSERT INTO messages (conversation_id, account_id, direction, message_type, body, author_user_id, author_name,
                            status, at, created_at)
      VALUES ($1, $2, 'out', $3, $4, $5, $6, 'pending', $7, $7)
      RETURNING id""";

  private static final String INSERT_OUTBOX = """
      INSERT INTO outbox (message_id, account_id, status, next_attempt_at, created_at, updated_at)
      VALUES ($1, $2, 'pending', $3, $3, $3)""";

  private static final String AFTER_REPLY = """
      UPDATE conversations SET waiting_since = NULL, sla_state = 'none', sla_due_at = NULL, sla_warn_at = NULL,
                               platform_due_at = NULL, platform_rule = NULL,
                               last_message_text = $2, last_message_at = $3,
                               last_message_direction = 'out', updated_at = $3
      WHERE id = $1""";

  /**
   * Claims due rows of the accounts this node owns by pushing their next attempt past a lease, so another
   * sender does not take them meanwhile (the row lease outlasts an account lease, so a new owner of the
   * account cannot claim a row the old owner may still be sending). Only the oldest pending reply of each conversation is due: replies arrive in order.
   * A claimed row is flagged to look before it sends (the claim itself answers with the flag as it was): if
   * this attempt's outcome is never stored (the node dies after the platform took the message, or the
   * database refuses the "sent" mark), the attempt after the lease finds the message there instead of
   * sending it twice. A stored retry sets the flag as its outcome decides.
   */
  private static final String CLAIM = """
      WITH due AS (
        SELECT o.id, o.check_before_send FROM outbox o JOIN messages m ON m.id = o.message_id
        WHERE o.status = 'pending' AND o.next_attempt_at <= $1
          AND EXISTS (SELECT 1 FROM leases l WHERE l.name = 'account:' || o.account_id AND l.owner = $4
                      AND l.expires_at > now())
          AND NOT EXISTS (SELECT 1 FROM outbox o2 JOIN messages m2 ON m2.id = o2.message_id
                          WHERE o2.status = 'pending' AND m2.conversation_id = m.conversation_id AND o2.id < o.id)
        ORDER BY o.next_attempt_at, o.id
        LIMIT $3
        FOR UPDATE OF o SKIP LOCKED
      ), claimed AS (
        UPDATE outbox o SET attempts = o.attempts + 1, next_attempt_at = $2, updated_at = $1, check_before_send = true
        FROM due WHERE o.id = due.id
        RETURNING o.id, o.message_id, o.account_id, o.attempts, o.created_at, due.check_before_send
      )
      SELECT claimed.id, claimed.message_id, claimed.account_id, claimed.attempts, claimed.created_at,
             claimed.check_before_send, m.body,
             m.message_type, c.id AS conversation_id, c.platform_conversation_id, b.platform_buyer_id
      FROM claimed
      JOIN messages m ON m.id = claimed.message_id
      JOIN conversations c ON c.id = m.conversation_id
      JOIN buyers b ON b.id = c.buyer_id""";

  /** A push may already have stored our own sent message under its platform id (echo): keep one row. */
  private static final String DROP_ECHO = """
      DELETE FROM messages WHERE account_id = $1 AND platform_message_id = $2 AND id <> $3 AND direction = 'out'
        AND NOT EXISTS (SELECT 1 FROM outbox WHERE outbox.message_id = messages.id)
      RETURNING id""";

  private static final String MARK_SENT_MESSAGE =
      "UPDATE messages SET status = 'sent', platform_message_id = $2, error = NULL WHERE id = $1";

  private static final String MARK_SENT_OUTBOX =
      "UPDATE outbox SET status = 'sent', last_error = NULL, updated_at = $2 WHERE id = $1 AND status = 'pending'";

  private static final String RETRY_LATER = """
      UPDATE outbox SET next_attempt_at = $2, last_error = $3, updated_at = $4, check_before_send = $5
      WHERE id = $1 AND status = 'pending'""";

  private static final String KNOWN_PLATFORM_IDS = """
      SELECT platform_message_id FROM messages
      WHERE conversation_id = $1 AND direction = 'out' AND platform_message_id IS NOT NULL""";

  private static final String UNCOUNT_ATTEMPT =
      "UPDATE outbox SET attempts = GREATEST(attempts - 1, 0) WHERE id = $1 AND status = 'pending'";

  private static final String MARK_FAILED_OUTBOX =
      "UPDATE outbox SET status = 'failed', last_error = $2, updated_at = $3 WHERE id = $1 AND status = 'pending'";

  private static final String MARK_FAILED_MESSAGE = "UPDATE messages SET status = 'failed', error = $2 WHERE id = $1";

  private OutboxStore() {}

  record Claimed(long outboxId, long messageId, String accountId, int attempts, Instant createdAt,
                 boolean checkBeforeSend, String text, String type, long conversationId,
                 String platformConversationId, String buyerId) {}

  static Future<Long> insertReply(SqlConnection c, long conversationId, String accountId, String type, String text,
                                  long authorId, String authorName, Instant now) {
    return insertPending(c, conversationId, accountId, type, text, authorId, authorName, now)
        .compose(messageId -> c.preparedQuery(AFTER_REPLY).execute(Tuple.of(conversationId, text, utc(now)))
            .map(messageId));
  }

  /**
   * An outgoing message and its outbox row, pending for the sender (the only way a message is queued for a
   * platform, so every message is delivered by the same sender); the caller updates the conversation.
   * @return the message id
   */
  public static Future<Long> insertPending(SqlConnection c, long conversationId, String accountId, String type,
                                           String text, Long authorId, String authorName, Instant now) {
    return c.preparedQuery(INSERT_MESSAGE)
        .execute(Tuple.from(new Object[] {conversationId, accountId, type, text, authorId, authorName, utc(now)}))
        .compose(rows -> {
          long messageId = rows.iterator().next().getLong("id");
          return c.preparedQuery(INSERT_OUTBOX).execute(Tuple.of(messageId, accountId, utc(now))).map(messageId);
        });
  }

  /** Only rows of accounts whose lease {@code node} holds (by the database's clock) are claimed. */
  static Future<List<Claimed>> claim(SqlClient c, Instant now, Instant leaseUntil, int limit, String node) {
    return c.preparedQuery(CLAIM).execute(Tuple.of(utc(now), utc(leaseUntil), limit, node)).map(rows -> {
      List<Claimed> out = new ArrayList<>();
      for (Row r : rows) {
        out.add(new Claimed(r.getLong("id"), r.getLong("message_id"), r.getString("account_id"),
            r.getInteger("attempts"), r.getOffsetDateTime("created_at").toInstant(), r.getBoolean("check_before_send"),
            r.getString("body"),
            r.getString("message_type"), r.getLong("conversation_id"), r.getString("platform_conversation_id"),
            r.getString("platform_buyer_id")));
      }
      return out;
    });
  }

  /**
   * @param marked        false when the row was no longer pending (another sender finished it)
   * @param droppedEchoes ids of the platform's copies of this message stored before the mark, now deleted
   */
  record Sent(boolean marked, List<Long> droppedEchoes) {}

  static Future<Sent> markSent(SqlConnection c, Claimed claimed, String platformMessageId, Instant now) {
    return c.preparedQuery(MARK_SENT_OUTBOX).execute(Tuple.of(claimed.outboxId(), utc(now))).compose(rows -> {
      if (rows.rowCount() == 0) {
        return Future.succeededFuture(new Sent(false, List.of()));
      }
      List<Long> dropped = new ArrayList<>();
      return c.preparedQuery(DROP_ECHO).execute(Tuple.of(claimed.accountId(), platformMessageId, claimed.messageId()))
          .compose(echoes -> {
            echoes.forEach(r -> dropped.add(r.getLong("id")));
            return c.preparedQuery(MARK_SENT_MESSAGE).execute(Tuple.of(claimed.messageId(), platformMessageId));
          })
          .map(v -> new Sent(true, List.copyOf(dropped)));
    });
  }

  static Future<Void> retryLater(SqlClient c, long outboxId, Instant at, String error, boolean checkBeforeSend,
                                 Instant now) {
    return c.preparedQuery(RETRY_LATER).execute(Tuple.of(outboxId, utc(at), error, utc(now), checkBeforeSend))
        .mapEmpty();
  }

  static Future<java.util.Set<String>> knownPlatformIds(SqlClient c, long conversationId) {
    return c.preparedQuery(KNOWN_PLATFORM_IDS).execute(Tuple.of(conversationId)).map(rows -> {
      java.util.Set<String> ids = new java.util.HashSet<>();
      rows.forEach(r -> ids.add(r.getString(0)));
      return ids;
    });
  }

  /** A claim that did not try to send (account paused) does not use up an attempt. */
  static Future<Void> uncountAttempt(SqlClient c, long outboxId) {
    return c.preparedQuery(UNCOUNT_ATTEMPT).execute(Tuple.of(outboxId)).mapEmpty();
  }

  static Future<Boolean> markFailed(SqlConnection c, Claimed claimed, String error, Instant now) {
    return c.preparedQuery(MARK_FAILED_OUTBOX).execute(Tuple.of(claimed.outboxId(), error, utc(now)))
        .compose(rows -> rows.rowCount() == 0 ? Future.succeededFuture(false)
            : c.preparedQuery(MARK_FAILED_MESSAGE).execute(Tuple.of(claimed.messageId(), error)).map(true));
  }

  private static OffsetDateTime utc(Instant t) {
    return t.atOffset(ZoneOffset.UTC);
  }
}
