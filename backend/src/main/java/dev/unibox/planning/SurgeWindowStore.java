package dev.unibox.planning;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/** SQL of the planned surge windows: a day's windows are those starting in it ($1 ≤ starts_at < $2). */
final class SurgeWindowStore {

  private static final String DELETE_DAY = "DELETE FROM surge_windows WHERE starts_at >= $1 AND starts_at < $2";
  private static final String INSERT = """
      INSERT INTO surge_windows (starts_at, ends_at, agents, created_by, created_at) VALUES ($1, $2, $3, $4, $5)""";
  private static final String DAY = """
      SELECT w.starts_at, w.ends_at, w.agents, u.username, w.created_at
      FROM surge_windows w LEFT JOIN users u ON u.id = w.created_by
      WHERE w.starts_at >= $1 AND w.starts_at < $2 ORDER BY w.starts_at, w.id""";

  private SurgeWindowStore() {}

  /** Replaces the day's windows, in the caller's transaction. */
  static Future<Void> replace(SqlClient c, LocalDate date, ZoneId zone, List<SurgeWindow> windows, long userId,
                              Instant now) {
    Future<Void> cleared = c.preparedQuery(DELETE_DAY).execute(day(date, zone)).mapEmpty();
    if (windows.isEmpty()) {
      return cleared;
    }
    List<Tuple> rows = windows.stream().map(w -> Tuple.tuple().addOffsetDateTime(utc(w.start(date, zone)))
        .addOffsetDateTime(utc(w.end(date, zone))).addArrayOfString(w.agents().toArray(String[]::new)).addLong(userId)
        .addOffsetDateTime(utc(now))).toList();
    return cleared.compose(v -> c.preparedQuery(INSERT).executeBatch(rows)).mapEmpty();
  }

  /** [{start, end, agents, by, at}] */
  static Future<JsonArray> day(SqlClient c, LocalDate date, ZoneId zone) {
    return c.preparedQuery(DAY).execute(day(date, zone)).map(rows -> {
      JsonArray out = new JsonArray();
      rows.forEach(r -> out.add(new JsonObject()
          .put("start", SurgeWindow.clock(r.getOffsetDateTime("starts_at").toInstant(), date, zone))
          .put("end", SurgeWindow.clock(r.getOffsetDateTime("ends_at").toInstant(), date, zone))
          .put("agents", new JsonArray(List.of(r.getArrayOfStrings("agents"))))
          .put("by", r.getString("username")).put("at", r.getOffsetDateTime("created_at").toInstant().toString())));
      return out;
    });
  }

  static Future<Integer> delete(SqlClient c, LocalDate date, ZoneId zone) {
    return c.preparedQuery(DELETE_DAY).execute(day(date, zone)).map(r -> r.rowCount());
  }

  private static Tuple day(LocalDate date, ZoneId zone) {
    return Tuple.of(utc(date.atStartOfDay(zone).toInstant()), utc(date.plusDays(1).atStartOfDay(zone).toInstant()));
  }

  private static java.time.OffsetDateTime utc(Instant t) {
    return t.atOffset(ZoneOffset.UTC);
  }
}
