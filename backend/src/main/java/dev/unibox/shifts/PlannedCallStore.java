package dev.unibox.shifts;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

/**
 * SQL of the standby agents the planned surge windows call (table {@code surge_windows}, stored by applying a staffing
 * plan): those named by every window that covers an instant, and, while buyers wait in the queue, those named by a
 * window that ended less than {@link Rosters#WINDOW_TAIL} before it.
 */
final class PlannedCallStore {

  private static final String CALLED = """
      SELECT DISTINCT unnest(agents) FROM surge_windows
       WHERE starts_at <= $1
         AND (ends_at > $1
              OR (ends_at > $1 - $2 * interval '1 second'
                  AND EXISTS (SELECT 1 FROM conversations WHERE status = 'queued')))""";

  private PlannedCallStore() {}

  static Future<Set<String>> calledAt(SqlClient c, Instant at) {
    Tuple args = Tuple.of(at.atOffset(ZoneOffset.UTC), Rosters.WINDOW_TAIL.toSeconds());
    return c.preparedQuery(CALLED).execute(args).map(rows -> {
      Set<String> out = new HashSet<>();
      rows.forEach(r -> out.add(r.getString(0)));
      return out;
    });
  }
}
