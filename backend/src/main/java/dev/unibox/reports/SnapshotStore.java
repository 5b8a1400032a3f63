package dev.unibox.reports;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** SQL of the stored daily and weekly reports (immutable versions) and the shops' zones they are cut in. */
final class SnapshotStore {

  record Snapshot(long id, String scope, String period, LocalDate periodStart, int version, JsonObject body,
                  Instant generatedAt) {}

  private static final String ACCOUNT_ZONES = "SELECT id, time_zone FROM accounts ORDER BY id";
  private static final String LATEST_SNAPSHOT = """
      SELECT id, scope, period, period_start, version, body, generated_at FROM report_snapshots
      WHERE scope = $1 AND period = $2 AND period_start = $3 ORDER BY version DESC LIMIT 1""";
  // the version and its e-mails in one statement: a stored report is never left without its mailings
  private static final String INSERT_SNAPSHOT = """
      WITH s AS (
        INSERT INTO report_snapshots (scope, period, period_start, version, body, generated_at)
        VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING id)
      INSERT INTO report_mailings (snapshot_id, recipient, next_attempt_at)
      SELECT s.id, r, $6 FROM s, unnest($7::text[]) r""";
  private static final String LIST_SNAPSHOTS = """
      SELECT id, scope, period, period_start, version, NULL::jsonb AS body, generated_at FROM report_snapshots
      WHERE (scope = ANY($1) OR ($2 AND scope = 'team')) AND ($3::text IS NULL OR scope = $3) AND ($4::text IS NULL OR period = $4)
      ORDER BY period_start DESC, scope, period, version DESC LIMIT 200""";
  private static final String SNAPSHOT = """
      SELECT id, scope, period, period_start, version, body, generated_at FROM report_snapshots WHERE id = $1""";

  private SnapshotStore() {}

  /** account id → time zone. */
  static Future<Map<String, ZoneId>> accountZones(SqlClient c) {
    return c.query(ACCOUNT_ZONES).execute().map(rs -> {
      Map<String, ZoneId> out = new LinkedHashMap<>();
      rs.forEach(r -> out.put(r.getString(0), ZoneId.of(r.getString(1))));
      return out;
    });
  }

  static Future<Snapshot> latestSnapshot(SqlClient c, String scope, String period, LocalDate start) {
    return c.preparedQuery(LATEST_SNAPSHOT).execute(Tuple.of(scope, period, start))
        .map(rs -> rs.size() == 0 ? null : snapshot(rs.iterator().next()));
  }

  /** Stores a version and queues its e-mail to each recipient. */
  static Future<Void> insertSnapshot(SqlClient c, String scope, String period, LocalDate start, int version,
                                     JsonObject body, Instant at, List<String> recipients) {
    return c.preparedQuery(INSERT_SNAPSHOT).execute(Tuple.of(scope, period, start, version, body,
        SweepStore.utc(at), recipients.toArray(String[]::new))).mapEmpty();
  }

  static Future<List<Snapshot>> snapshots(SqlClient c, List<String> accounts, boolean team, String scope, String period) {
    return c.preparedQuery(LIST_SNAPSHOTS).execute(Tuple.of(accounts.toArray(String[]::new), team, scope, period))
        .map(rs -> {
          List<Snapshot> out = new ArrayList<>();
          rs.forEach(r -> out.add(snapshot(r)));
          return out;
        });
  }

  static Future<Snapshot> snapshot(SqlClient c, long id) {
    return c.preparedQuery(SNAPSHOT).execute(Tuple.of(id)).map(rs -> rs.size() == 0 ? null : snapshot(rs.iterator().next()));
  }

  private static Snapshot snapshot(Row r) {
    Object body = r.getValue("body");
    return new Snapshot(r.getLong("id"), r.getString("scope"), r.getString("period"), r.getLocalDate("period_start"),
        r.getInteger("version"), body instanceof JsonObject o ? o : null, r.getOffsetDateTime("generated_at").toInstant());
  }
}
