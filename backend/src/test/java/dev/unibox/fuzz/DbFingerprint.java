package dev.unibox.fuzz;

import dev.unibox.testing.Await;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The content of every table of the database in one statement: per table its row count and the md5 of
 * its rows in a fixed order. Two fingerprints are equal exactly when no row was inserted, changed or
 * deleted (one snapshot, so it is consistent even while other work commits). Tables are read from the
 * catalogue, so a new table is covered without touching this class.
 *
 * <p>Left out, because the service writes them on its own clock and not because of a request: the
 * cluster's heartbeat tables ({@code cluster_nodes}, {@code leases}, {@code node_sockets}), the
 * migration history, the per-account health that a periodic flush and the polling backstop write
 * ({@code account_health}: last push, last poll and errors), and the report tables the periodic rollup
 * sweep rebuilds from messages and conversations ({@code report_*}), which are covered themselves, and the
 * live projection's state per shop and day that the same sweep writes ({@code projection_alerts}), and the
 * agents' hourly workload it rolls up from the presence history ({@code report_workload}: an open interval
 * grows with the clock).
 */
final class DbFingerprint {

  private static final Set<String> SKIPPED_TABLES = Set.of("flyway_schema_history", "cluster_nodes", "leases",
      "node_sockets", "account_health", "report_daily", "report_waits", "report_sweep", "report_snapshots",
      "projection_alerts", "report_workload", "report_hourly", "report_hourly_shop");

  private final Pool pool;
  private String query;

  DbFingerprint(Pool pool) {
    this.pool = pool;
  }

  /** Table name to "rows:md5". */
  Map<String, String> take() throws Exception {
    if (query == null) {
      query = buildQuery();
    }
    Map<String, String> out = new TreeMap<>();
    for (Row r : Await.result(pool.query(query).execute())) {
      out.put(r.getString(0), r.getLong(1) + ":" + r.getString(2));
    }
    return out;
  }

  /** The tables whose content differs, with before and after. */
  static Map<String, String> diff(Map<String, String> before, Map<String, String> after) {
    Map<String, String> out = new TreeMap<>();
    before.forEach((table, print) -> {
      if (!print.equals(after.get(table))) {
        out.put(table, print + " -> " + after.get(table));
      }
    });
    return out;
  }

  private String buildQuery() throws Exception {
    List<String> parts = new ArrayList<>();
    for (Row r : Await.result(pool.query("SELECT table_name FROM information_schema.tables "
        + "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name").execute())) {
      String table = r.getString(0);
      if (!SKIPPED_TABLES.contains(table)) {
        parts.add("SELECT '" + table + "'::text, count(*), "
            + "md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) FROM \"" + table + "\" t");
      }
    }
    return String.join(" UNION ALL ", parts);
  }
}
