package dev.unibox.reports;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** SQL of the sweep's first half: how far it read, the changed conversations, their messages and waits. */
final class SweepStore {

  /** A shop-day whose rollup rows are recomputed. */
  record Key(String accountId, LocalDate day) {}

  record Conversation(long id, String accountId, String status, String platform, ZoneId zone, List<Waits.Msg> messages) {}

  private static final String SWEPT_UNTIL = "SELECT swept_until, swept_snapshot FROM report_sweep WHERE id = 1";
  private static final String SET_SWEPT_UNTIL = "UPDATE report_sweep SET swept_until = $1, swept_snapshot = $2 WHERE id = 1";

  /**
   * Conversations with rows stamped after $1 that the last sweep's snapshot ($2) did not see, and those of buyers
   * with such a new order event; widened to every conversation of those buyers, since a buyer's chats and orders
   * decide each other's conversion. No upper bound: a row the last sweep saw was counted then, whatever its
   * stamp. The first row also carries this statement's snapshot, for the next sweep.
   */
  private static final String CHANGED = """
      WITH m AS (SELECT $2::text::pg_snapshot AS prev, pg_snapshot_xmax(pg_current_snapshot())::text::bigint AS cur),
      changed AS (
        SELECT conversation_id FROM messages, m WHERE created_at > $1 AND report_committed_after(xmin, m.prev, m.cur)
        UNION SELECT conversation_id FROM activities, m WHERE at > $1 AND report_committed_after(xmin, m.prev, m.cur)
        UNION SELECT conversation_id FROM satisfaction_ratings, m
          WHERE rated_at > $1 AND report_committed_after(xmin, m.prev, m.cur)
        UNION SELECT conversation_id FROM reply_inspections, m
          WHERE at > $1 AND report_committed_after(xmin, m.prev, m.cur)
        UNION SELECT conversation_id FROM classification_corrections, m
          WHERE corrected_at > $1 AND report_committed_after(xmin, m.prev, m.cur)
        UNION SELECT c.id FROM order_events o
          JOIN buyers b ON b.account_id = o.account_id AND b.platform_buyer_id = o.platform_buyer_id
          JOIN conversations c ON c.buyer_id = b.id
          CROSS JOIN m
          WHERE o.received_at > $1 AND report_committed_after(o.xmin, m.prev, m.cur)),
      ids AS (
        SELECT DISTINCT c.id FROM changed x JOIN conversations c1 ON c1.id = x.conversation_id
          JOIN conversations c ON c.buyer_id = c1.buyer_id)
      SELECT pg_current_snapshot()::text AS snapshot, ids.id FROM (SELECT 1) one LEFT JOIN ids ON true""";

  private static final String CONVERSATIONS = """
      SELECT c.id, c.account_id, c.status, a.platform, a.time_zone
      FROM conversations c JOIN accounts a ON a.id = c.account_id WHERE c.id = ANY($1)""";

  private static final String MESSAGES = """
      SELECT conversation_id, direction, message_type, status, coalesce(author_user_id, 0) AS author, at
      FROM messages WHERE conversation_id = ANY($1) ORDER BY conversation_id, at, id""";

  /** Every shop-day a conversation has anything on: those rollups may change when it does. */
  private static final String TOUCHED_DAYS = """
      SELECT DISTINCT c.account_id, (x.at AT TIME ZONE a.time_zone)::date AS day
      FROM (SELECT conversation_id, at FROM messages WHERE conversation_id = ANY($1)
            UNION ALL SELECT conversation_id, at FROM activities WHERE conversation_id = ANY($1)
            UNION ALL SELECT conversation_id, rated_at FROM satisfaction_ratings WHERE conversation_id = ANY($1)
            UNION ALL SELECT conversation_id, at FROM reply_inspections WHERE conversation_id = ANY($1)) x
      JOIN conversations c ON c.id = x.conversation_id JOIN accounts a ON a.id = c.account_id""";

  private static final String DELETE_WAITS = "DELETE FROM report_waits WHERE conversation_id = ANY($1)";
  private static final String INSERT_WAIT = """
      INSERT INTO report_waits (conversation_id, seq, account_id, day, started_at, answered_at, agent_id, first_of_day,
                                auto_replied, platform_counted, platform_met)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)""";

  private SweepStore() {}

  /**
   * How far the last sweep read: its time and its snapshot (EPOCH and null before the first). A mark moved back
   * to EPOCH (a migration that wants every conversation recomputed) drops the snapshot with it.
   */
  record Mark(Instant until, String snapshot) {
    static final Mark NONE = new Mark(Instant.EPOCH, null);
  }

  static Future<Mark> sweptUntil(SqlClient c) {
    return c.query(SWEPT_UNTIL).execute().map(rs -> {
      Row r = rs.iterator().next();
      OffsetDateTime t = r.getOffsetDateTime(0);
      return t == null || t.toInstant().equals(Instant.EPOCH) ? Mark.NONE : new Mark(t.toInstant(), r.getString(1));
    }).recover(e -> Future.succeededFuture(Mark.NONE));
  }

  static Future<Void> setSweptUntil(SqlClient c, Mark mark) {
    return c.preparedQuery(SET_SWEPT_UNTIL).execute(Tuple.of(utc(mark.until()), mark.snapshot())).mapEmpty();
  }

  /** What changed since the last sweep, and the snapshot this read saw (the next sweep's mark). */
  record Changed(List<Long> ids, String snapshot) {}

  static Future<Changed> changed(SqlClient c, Instant since, String lastSnapshot) {
    return c.preparedQuery(CHANGED).execute(Tuple.of(utc(since), lastSnapshot)).map(rs -> {
      List<Long> ids = new ArrayList<>();
      String snapshot = null;
      for (Row r : rs) {
        snapshot = r.getString("snapshot");
        if (r.getValue("id") != null) {
          ids.add(r.getLong("id"));
        }
      }
      return new Changed(ids, snapshot);
    });
  }

  static Future<List<Conversation>> load(SqlClient c, List<Long> ids) {
    Tuple t = Tuple.of(ids.toArray(Long[]::new));
    return c.preparedQuery(CONVERSATIONS).execute(t).compose(convs -> c.preparedQuery(MESSAGES).execute(t).map(msgs -> {
      Map<Long, List<Waits.Msg>> byConversation = new LinkedHashMap<>();
      for (Row r : msgs) {
        byConversation.computeIfAbsent(r.getLong("conversation_id"), k -> new ArrayList<>()).add(new Waits.Msg(
            "in".equals(r.getString("direction")), r.getString("message_type"), r.getString("status"),
            r.getLong("author"), r.getOffsetDateTime("at").toInstant()));
      }
      List<Conversation> out = new ArrayList<>();
      for (Row r : convs) {
        long id = r.getLong("id");
        out.add(new Conversation(id, r.getString("account_id"), r.getString("status"), r.getString("platform"),
            ZoneId.of(r.getString("time_zone")), byConversation.getOrDefault(id, List.of())));
      }
      return out;
    }));
  }

  static Future<Set<Key>> touchedDays(SqlClient c, List<Long> ids) {
    return c.preparedQuery(TOUCHED_DAYS).execute(Tuple.of(ids.toArray(Long[]::new))).map(rs -> {
      Set<Key> keys = new HashSet<>();
      rs.forEach(r -> keys.add(new Key(r.getString(0), r.getLocalDate(1))));
      return keys;
    });
  }

  static Future<Void> replaceWaits(SqlClient c, List<Long> ids, Map<Conversation, List<Waits.Wait>> waits) {
    List<Tuple> batch = new ArrayList<>();
    waits.forEach((conv, list) -> list.forEach(w -> batch.add(Tuple.from(new Object[] {conv.id(), w.seq(),
        conv.accountId(), w.day(), utc(w.startedAt()), w.answeredAt() == null ? null : utc(w.answeredAt()),
        w.agentId(), w.firstOfDay(), w.autoReplied(), w.platformCounted(), w.platformMet()}))));
    Future<RowSet<Row>> deleted = c.preparedQuery(DELETE_WAITS).execute(Tuple.of(ids.toArray(Long[]::new)));
    return batch.isEmpty() ? deleted.mapEmpty()
        : deleted.compose(v -> c.preparedQuery(INSERT_WAIT).executeBatch(batch)).mapEmpty();
  }

  static OffsetDateTime utc(Instant t) {
    return t.atOffset(ZoneOffset.UTC);
  }
}
