package dev.unibox.reports;

import dev.unibox.store.AdvisoryLock;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Every SQL statement of the live projection: shops and their lines, the window's counted waits, alert state. */
final class ProjectionStore {

  record Shop(String accountId, String platform, String shopName, ZoneId zone, Double ownLine) {}

  /** A shop's alert state that changed in this pass; {@code wasBelow} is null when the day had no state yet. */
  record Change(String accountId, boolean below, Boolean wasBelow) {}

  private static final String SHOPS = """
      SELECT a.id, a.platform, a.shop_name, a.time_zone, l.line
      FROM accounts a LEFT JOIN shop_indicator_lines l ON l.account_id = a.id
      WHERE a.status <> 'removed' ORDER BY a.id""";

  private static final String WAITS = """
      SELECT w.account_id, w.conversation_id, coalesce(b.name, b.platform_buyer_id) AS buyer, w.started_at,
             w.answered_at, w.platform_met
      FROM report_waits w
      JOIN unnest($1::text[], $2::date[]) AS s(account_id, day) ON s.account_id = w.account_id AND s.day = w.day
      JOIN conversations c ON c.id = w.conversation_id JOIN buyers b ON b.id = c.buyer_id
      WHERE w.platform_counted""";

  /** Writes each shop's state; returns only the rows that were new or changed, with the state before. */
  private static final String SET_STATES = """
      WITH next AS (SELECT * FROM unnest($1::text[], $2::date[], $3::bool[], $4::float8[])
                    AS n(account_id, day, below, projected)),
           prev AS (SELECT p.account_id, p.below FROM projection_alerts p JOIN next n USING (account_id, day))
      INSERT INTO projection_alerts AS p (account_id, day, below, changed_at, projected)
      SELECT account_id, day, below, $5, projected FROM next
      ON CONFLICT (account_id, day) DO UPDATE SET below = EXCLUDED.below, changed_at = EXCLUDED.changed_at,
        projected = EXCLUDED.projected
      WHERE p.below IS DISTINCT FROM EXCLUDED.below
      RETURNING p.account_id, p.below, (SELECT prev.below FROM prev WHERE prev.account_id = p.account_id) AS was_below""";

  /** "PROJ": one projection check at a time across nodes, so a check never stores a state from a stale line. */
  private static final long CHECK_LOCK = 0x5052_4f4aL;

  private static final String SET_LINE = """
      INSERT INTO shop_indicator_lines (account_id, line, set_by, set_at) VALUES ($1, $2, $3, $4)
      ON CONFLICT (account_id) DO UPDATE SET line = EXCLUDED.line, set_by = EXCLUDED.set_by, set_at = EXCLUDED.set_at""";
  private static final String CLEAR_LINE = "DELETE FROM shop_indicator_lines WHERE account_id = $1";

  private ProjectionStore() {}

  /** Taken first in every check transaction: waits for a check already running. */
  static Future<Void> lockChecks(SqlClient c) {
    return AdvisoryLock.take(c, CHECK_LOCK);
  }

  static Future<List<Shop>> shops(SqlClient c) {
    return c.query(SHOPS).execute().map(rows -> {
      List<Shop> out = new ArrayList<>();
      for (Row r : rows) {
        out.add(new Shop(r.getString(0), r.getString(1), r.getString(2), ZoneId.of(r.getString(3)), r.getDouble(4)));
      }
      return out;
    });
  }

  /** The counted waits of each shop's window day, by shop. */
  static Future<Map<String, List<Projection.CountedWait>>> waits(SqlClient c, Map<String, LocalDate> days) {
    String[] accounts = days.keySet().toArray(String[]::new);
    LocalDate[] dates = days.values().toArray(LocalDate[]::new);
    return c.preparedQuery(WAITS).execute(Tuple.tuple().addArrayOfString(accounts).addArrayOfLocalDate(dates)).map(rows -> {
      Map<String, List<Projection.CountedWait>> out = new HashMap<>();
      for (Row r : rows) {
        OffsetDateTime answered = r.getOffsetDateTime(4);
        out.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(new Projection.CountedWait(r.getLong(1),
            r.getString(2), r.getOffsetDateTime(3).toInstant(), answered == null ? null : answered.toInstant(),
            r.getBoolean(5)));
      }
      return out;
    });
  }

  static Future<List<Change>> setStates(SqlClient c, List<Projection> projections, Instant at) {
    return c.preparedQuery(SET_STATES).execute(Tuple.tuple()
        .addArrayOfString(projections.stream().map(Projection::accountId).toArray(String[]::new))
        .addArrayOfLocalDate(projections.stream().map(Projection::day).toArray(LocalDate[]::new))
        .addArrayOfBoolean(projections.stream().map(Projection::below).toArray(Boolean[]::new))
        .addArrayOfDouble(projections.stream().map(Projection::projected).toArray(Double[]::new))
        .addOffsetDateTime(at.atOffset(ZoneOffset.UTC))).map(rows -> {
          List<Change> out = new ArrayList<>();
          rows.forEach(r -> out.add(new Change(r.getString(0), r.getBoolean(1), r.getBoolean(2))));
          return out;
        });
  }

  static Future<Void> setLine(SqlClient c, String accountId, Double line, long userId, Instant at) {
    return (line == null ? c.preparedQuery(CLEAR_LINE).execute(Tuple.of(accountId))
        : c.preparedQuery(SET_LINE).execute(Tuple.of(accountId, line, userId, at.atOffset(ZoneOffset.UTC)))).mapEmpty();
  }
}
