package dev.unibox.shifts;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;

/** SQL of internal notes: an activity of type note on a conversation's timeline. */
final class NoteStore {

  private static final String INSERT_NOTE = """
      INSERT INTO activities (conversation_id, type, actor_user_id, target_user_id, body, at)
      VALUES ($1, 'note', $2, NULL, $3, $4) RETURNING id""";

  private NoteStore() {}

  /** The new activity's id. */
  static Future<Long> insert(SqlClient c, long conversationId, long authorId, String text, Instant at) {
    return c.preparedQuery(INSERT_NOTE).execute(Tuple.of(conversationId, authorId, text, at.atOffset(ZoneOffset.UTC)))
        .map(rows -> rows.iterator().next().getLong(0));
  }
}
