package dev.unibox.shifts;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The outgoing agent's saved handover note, or the prefilled draft built from the conversation. */
final class HandoverNotes {

  private static final String DRAFT = "SELECT body FROM handover_drafts WHERE conversation_id = $1";

  /** The newest messages (enough for promises and order numbers), newest first. */
  private static final String MESSAGES = """
      SELECT direction, body, at FROM messages WHERE conversation_id = $1 ORDER BY at DESC, id DESC LIMIT 200""";

  private static final String SAVE = """
      INSERT INTO handover_drafts (conversation_id, author_user_id, body, updated_at) VALUES ($1, $2, $3, $4)
      ON CONFLICT (conversation_id) DO UPDATE SET author_user_id = $2, body = $3, updated_at = $4""";

  private HandoverNotes() {}

  static Future<String> savedOrPrefilled(SqlClient c, long conversationId, Instant now) {
    return saved(c, conversationId).compose(s -> s != null ? Future.succeededFuture(s) : prefilled(c, conversationId, now));
  }

  static Future<String> saved(SqlClient c, long conversationId) {
    return c.preparedQuery(DRAFT).execute(Tuple.of(conversationId))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString("body"));
  }

  static Future<String> prefilled(SqlClient c, long conversationId, Instant now) {
    return c.preparedQuery(MESSAGES).execute(Tuple.of(conversationId)).map(rows -> {
      List<HandoverDraft.Line> lines = new ArrayList<>();
      for (Row r : rows) {
        lines.add(new HandoverDraft.Line("in".equals(r.getString("direction")), r.getString("body"),
            r.getOffsetDateTime("at").toInstant()));
      }
      Collections.reverse(lines);
      return HandoverDraft.build(lines, now);
    });
  }

  static Future<Void> save(SqlClient c, long conversationId, long authorId, String body, Instant now) {
    return c.preparedQuery(SAVE).execute(Tuple.of(conversationId, authorId, body, now.atOffset(ZoneOffset.UTC)))
        .mapEmpty();
  }
}
