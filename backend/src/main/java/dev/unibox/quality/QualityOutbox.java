package dev.unibox.quality;

import dev.unibox.conversations.ConversationJson;
import dev.unibox.conversations.ConversationNews;
import dev.unibox.events.Change;
import dev.unibox.events.EventNames;
import dev.unibox.outbox.OutboxStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Messages the quality features send (auto-replies, satisfaction invites): stored with their outbox row
 * in the caller's transaction, delivered by the same OutboxSender as agents' replies (idempotency key =
 * outbox id). Unlike an agent's reply they leave {@code waiting_since} alone: they are not a human answer.
 */
final class QualityOutbox {

  private static final String PREVIEW = """
      UPDATE conversations SET last_message_text = $2, last_message_at = $3, last_message_direction = 'out',
                               updated_at = $3
      WHERE id = $1""";

  private QualityOutbox() {}

  /** @return the stored message as a timeline entry; its message.created event is appended to {@code events} */
  static Future<JsonObject> send(Change change, long conversationId, String accountId, String type, String text,
                                 Long authorId, String authorName) {
    SqlConnection conn = change.conn();
    Instant now = change.now();
    OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
    return OutboxStore.insertPending(conn, conversationId, accountId, type, text, authorId, authorName, now)
        .compose(messageId -> {
          JsonObject message = ConversationJson.message(messageId, "out", text, "pending", authorName, null, now);
          if (ConversationJson.AUTO_REPLY.equals(type)) {
            message.put("automatic", true);
          }
          return conn.preparedQuery(PREVIEW).execute(Tuple.of(conversationId, text, at))
              .compose(v -> ConversationNews.announce(change, conversationId, EventNames.MESSAGE_CREATED,
                  new JsonObject().put("conversationId", conversationId).put("message", message)))
              .map(message);
        });
  }

  /** Tells every recipient of a conversation that its summary changed (status, waiting). */
  static Future<JsonObject> updated(Change change, long conversationId) {
    return ConversationNews.announce(change, conversationId, EventNames.CONVERSATION_UPDATED, new JsonObject());
  }
}
