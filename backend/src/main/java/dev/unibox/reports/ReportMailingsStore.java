package dev.unibox.reports;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The report e-mail queue (rows are added with each stored version, see SnapshotStore.insertSnapshot). */
final class ReportMailingsStore {

  record Due(long snapshotId, String recipient, int attempts, SnapshotStore.Snapshot snapshot) {}

  private static final String DUE = """
      SELECT m.snapshot_id, m.recipient, m.attempts,
             s.id, s.scope, s.period, s.period_start, s.version, s.body, s.generated_at
      FROM report_mailings m JOIN report_snapshots s ON s.id = m.snapshot_id
      WHERE m.sent_at IS NULL AND m.failed_at IS NULL AND m.next_attempt_at <= $1
      ORDER BY m.next_attempt_at, m.snapshot_id, m.recipient LIMIT $2""";
  private static final String SENT = """
      UPDATE report_mailings SET sent_at = $3, attempts = attempts + 1, last_error = NULL
      WHERE snapshot_id = $1 AND recipient = $2""";
  private static final String FAILED = """
      UPDATE report_mailings SET attempts = attempts + 1, last_error = $3, next_attempt_at = $4,
             failed_at = CASE WHEN $5 THEN $6 END
      WHERE snapshot_id = $1 AND recipient = $2""";

  private ReportMailingsStore() {}

  static Future<List<Due>> due(SqlClient c, Instant now, int limit) {
    return c.preparedQuery(DUE).execute(Tuple.of(SweepStore.utc(now), limit)).map(rs -> {
      List<Due> out = new ArrayList<>();
      rs.forEach(r -> out.add(new Due(r.getLong("snapshot_id"), r.getString("recipient"), r.getInteger("attempts"),
          new SnapshotStore.Snapshot(r.getLong("id"), r.getString("scope"), r.getString("period"),
              r.getLocalDate("period_start"), r.getInteger("version"), (JsonObject) r.getValue("body"),
              r.getOffsetDateTime("generated_at").toInstant()))));
      return out;
    });
  }

  static Future<Void> sent(SqlClient c, Due d, Instant at) {
    return c.preparedQuery(SENT).execute(Tuple.of(d.snapshotId(), d.recipient(), SweepStore.utc(at))).mapEmpty();
  }

  /** Records a failed attempt: retried at {@code retryAt}, or given up when {@code last}. */
  static Future<Void> failed(SqlClient c, Due d, String error, Instant retryAt, boolean last, Instant now) {
    return c.preparedQuery(FAILED).execute(Tuple.of(d.snapshotId(), d.recipient(), error, SweepStore.utc(retryAt),
        last, SweepStore.utc(now))).mapEmpty();
  }
}
