package dev.unibox.conversations;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Each user's read position per conversation, and the buyer messages past it (the unread badge). */
public final class ReadPositionStore {

  /** Counting stops here: a badge says "99+" long before a count this high matters. */
  public static final int COUNT_LIMIT = 100;

  private static final String UNREAD = """
      SELECT c.id, (SELECT count(*) FROM (
                      SELECT 1 FROM messages m
                      WHERE m.conversation_id = c.id AND m.direction = 'in' AND m.id > COALESCE(r.message_id, 0)
                      LIMIT %d) past) AS unread
      FROM unnest($2::bigint[]) AS c(id)
      LEFT JOIN read_positions r ON r.user_id = $1 AND r.conversation_id = c.id""".formatted(COUNT_LIMIT);

  /** Up to the newest message, or up to the given one; only messages of this conversation; never backwards. */
  private static final String READ = """
      WITH upto AS (
        SELECT max(id) AS id FROM messages WHERE conversation_id = $2 AND ($3::bigint IS NULL OR id <= $3)
      ), saved AS (
        INSERT INTO read_positions (user_id, conversation_id, message_id, read_at)
        SELECT $1, $2, upto.id, $4 FROM upto WHERE upto.id IS NOT NULL
        ON CONFLICT (user_id, conversation_id) DO UPDATE
          SET message_id = GREATEST(read_positions.message_id, EXCLUDED.message_id), read_at = EXCLUDED.read_at
        RETURNING message_id
      )
      SELECT count(*) FROM messages m
      WHERE m.conversation_id = $2 AND m.direction = 'in'
        AND m.id > COALESCE((SELECT message_id FROM saved),
                            (SELECT message_id FROM read_positions WHERE user_id = $1 AND conversation_id = $2), 0)""";

  private ReadPositionStore() {}

  /** Unread buyer messages per conversation for this user (capped at {@link #COUNT_LIMIT}). */
  public static Future<Map<Long, Integer>> unread(SqlClient c, long userId, Collection<Long> conversationIds) {
    if (conversationIds.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    return c.preparedQuery(UNREAD).execute(Tuple.tuple().addLong(userId)
            .addArrayOfLong(conversationIds.toArray(Long[]::new)))
        .map(rows -> {
          Map<Long, Integer> out = new HashMap<>();
          rows.forEach(r -> out.put(r.getLong("id"), r.getLong("unread").intValue()));
          return out;
        });
  }

  /** Moves the user's position forward (to {@code upTo}, or the newest message); returns what is still unread. */
  public static Future<Integer> read(SqlClient c, long userId, long conversationId, Long upTo, Instant at) {
    return c.preparedQuery(READ).execute(Tuple.of(userId, conversationId, upTo, at.atOffset(ZoneOffset.UTC)))
        .map(rows -> rows.iterator().next().getLong(0).intValue());
  }
}
