package dev.unibox.reports;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** SQL of the report queries: the rollups summed per group (days from report_daily, hours from report_hourly). */
final class ReportQueryStore {

  /**
   * A way to group: the rollup table it reads, the group key expression (never user text in SQL), a join the key
   * needs, and what orders the groups before the key.
   */
  record Grouping(String table, String key, String join, String order) {}

  private static Grouping daily(String key) {
    return new Grouping("report_daily", key, "", "");
  }

  private static final String HOUR_OF_DAY = "lpad(d.hour::text, 2, '0')";

  /** The groupings a report may ask for. */
  static final Map<String, Grouping> GROUPS = Map.of(
      "all", daily("'all'"),
      "day", daily("to_char(d.day, 'YYYY-MM-DD')"),
      "week", daily("to_char(date_trunc('week', d.day), 'YYYY-MM-DD')"),
      "month", daily("to_char(d.day, 'YYYY-MM')"),
      "agent", daily("d.agent_id::text"),
      "shop", daily("d.account_id"),
      "platform", daily("a.platform"),
      "hour", new Grouping("report_hourly", HOUR_OF_DAY, "", ""),
      "dayhour", new Grouping("report_hourly", "to_char(d.day, 'YYYY-MM-DD') || ' ' || " + HOUR_OF_DAY, "", ""),
      "shift", new Grouping("report_hourly", "coalesce(sh.name, '')",
          ShiftOfHour.join(ShiftOfHour.HOURLY_ROW_START, "sh"), "min(sh.position) NULLS LAST, "));

  /**
   * The hourly rows of the whole shop (agents added up): what an hourly grouping reads without an agent filter,
   * a fraction of report_hourly's rows (see docs/benchmarks.md).
   */
  static final String SHOP_HOURS = "report_hourly_shop";

  /** The filter of every report (and of the agents whose workload it shows): $1 … $6. */
  static String where(String table, String join) {
    return """
         FROM %s d JOIN accounts a ON a.id = d.account_id%s
        WHERE d.day >= $1 AND d.day <= $2 AND d.account_id = ANY($3)
          AND ($4::text IS NULL OR a.platform = $4)
          AND %s
          AND ($6::text IS NULL OR d.account_id IN (SELECT account_id FROM team_accounts WHERE team = $6))
        """.formatted(table, join, SHOP_HOURS.equals(table) ? "$5::bigint IS NULL" : "($5::bigint IS NULL OR d.agent_id = $5)");
  }

  /**
   * One pass over the rollup rows for the groups: counter sums and, per histogram bucket, its sum (no unnest: the
   * rows are read once). Columns by position: k, the counters, then f1, r1, f2, r2 …, then the number of rollup
   * rows n. The groups partition the rows, so the total is their sum, added up here rather than aggregated twice.
   */
  private static final String SUMS = DailyRollup.COUNTERS.stream()
      .map(c -> "sum(d." + c + ")::bigint AS " + c).collect(Collectors.joining(", "))
      + IntStream.rangeClosed(1, ResponseBuckets.SIZE)
          .mapToObj(i -> ", coalesce(sum(d.first_hist[" + i + "]), 0)::bigint AS f" + i
              + ", coalesce(sum(d.reply_hist[" + i + "]), 0)::bigint AS r" + i).collect(Collectors.joining())
      + ", count(*) AS n";

  /** The report's SQL for a grouping: its groups and the total, or only the total for "all". */
  private static String reportSql(String name, Grouping g) {
    String where = where(g.table(), g.join());
    if ("all".equals(name)) {
      return "SELECT NULL::text AS k, " + SUMS + where + " GROUP BY ()";
    }
    String e = g.key();
    return "SELECT " + e + " AS k, " + SUMS + where + " GROUP BY " + e + " ORDER BY " + g.order() + "k";
  }

  private static final Map<String, String> REPORT_SQL = GROUPS.entrySet().stream()
      .collect(Collectors.toMap(Map.Entry::getKey, x -> reportSql(x.getKey(), x.getValue())));

  /** Hourly groupings without an agent filter: the same SQL over the whole shop's hours. */
  private static final Map<String, String> SHOP_HOURS_SQL = GROUPS.entrySet().stream()
      .filter(x -> "report_hourly".equals(x.getValue().table()))
      .collect(Collectors.toMap(Map.Entry::getKey, x -> reportSql(x.getKey(), new Grouping(SHOP_HOURS,
          x.getValue().key(), x.getValue().join(), x.getValue().order()))));

  private static String sql(ReportFilter f) {
    String shop = f.agentId() == null ? SHOP_HOURS_SQL.get(f.groupBy()) : null;
    return shop != null ? shop : REPORT_SQL.get(f.groupBy());
  }

  private static final String ALL_ACCOUNTS = "SELECT id FROM accounts ORDER BY id";
  private static final String ACCOUNT_NAMES = "SELECT id, shop_name, platform, time_zone FROM accounts WHERE id = ANY($1)";
  private static final String USER_NAMES = "SELECT id, display_name FROM users WHERE id = ANY($1)";
  private static final String SHIFTS = """
      SELECT name, to_char(start_time, 'HH24:MI') AS start, to_char(end_time, 'HH24:MI') AS end, zone
      FROM shifts ORDER BY position, name""";

  /** Report rows: group key → counter sums, and group key → bucket counts of first responses and replies. */
  record Totals(Map<String, Map<String, Long>> sums, Map<String, long[][]> histograms) {}

  /** A report's groups (key → figures) and its total (key "all"). */
  record Report(Totals groups, Totals total) {}

  private ReportQueryStore() {}

  static Tuple filter(ReportFilter f) {
    return Tuple.from(new Object[] {f.from(), f.to(), f.accounts().toArray(String[]::new), f.platform(),
        f.agentId(), f.team()});
  }

  static Future<Report> report(SqlClient c, ReportFilter f) {
    int counters = DailyRollup.COUNTERS.size();
    return c.preparedQuery(sql(f)).execute(filter(f)).map(rs -> {
      Totals groups = new Totals(new LinkedHashMap<>(), new LinkedHashMap<>());
      Totals total = new Totals(new LinkedHashMap<>(), new LinkedHashMap<>());
      long[] rows = {0};
      for (Row r : rs) {
        String k = r.getString(0);
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < counters; i++) {
          Long v = r.getLong(1 + i);
          m.put(DailyRollup.COUNTERS.get(i), v == null ? 0L : v);
        }
        long[][] h = new long[2][ResponseBuckets.SIZE];
        for (int i = 0; i < ResponseBuckets.SIZE; i++) {
          h[0][i] = r.getLong(1 + counters + 2 * i);
          h[1][i] = r.getLong(2 + counters + 2 * i);
        }
        rows[0] += r.getLong(1 + counters + 2 * ResponseBuckets.SIZE);
        if (k != null) {
          groups.sums().put(k, m);
          groups.histograms().put(k, h);
        }
        add(total, m, h);
      }
      // "all": the total is the only group, when it counted any row
      return new Report("all".equals(f.groupBy()) && rows[0] > 0 ? total : groups, total);
    });
  }

  /** Adds a row's sums and histograms to the total (key "all"). */
  private static void add(Totals total, Map<String, Long> sums, long[][] h) {
    sums.forEach((name, v) -> total.sums().computeIfAbsent("all", x -> new LinkedHashMap<>()).merge(name, v, Long::sum));
    long[][] into = total.histograms().computeIfAbsent("all", x -> new long[2][ResponseBuckets.SIZE]);
    for (int i = 0; i < ResponseBuckets.SIZE; i++) {
      into[0][i] += h[0][i];
      into[1][i] += h[1][i];
    }
  }

  static Future<List<String>> allAccounts(SqlClient c) {
    return c.query(ALL_ACCOUNTS).execute().map(rs -> {
      List<String> ids = new ArrayList<>();
      rs.forEach(r -> ids.add(r.getString(0)));
      return ids;
    });
  }

  /** id → [shop name, platform, time zone]. */
  static Future<Map<String, List<String>>> accountNames(SqlClient c, List<String> ids) {
    return c.preparedQuery(ACCOUNT_NAMES).execute(Tuple.of(ids.toArray(String[]::new))).map(rs -> {
      Map<String, List<String>> out = new LinkedHashMap<>();
      rs.forEach(r -> out.put(r.getString(0), List.of(r.getString(1), r.getString(2), r.getString(3))));
      return out;
    });
  }

  static Future<Map<Long, String>> userNames(SqlClient c, List<Long> ids) {
    return c.preparedQuery(USER_NAMES).execute(Tuple.of(ids.toArray(Long[]::new))).map(rs -> {
      Map<Long, String> out = new LinkedHashMap<>();
      rs.forEach(r -> out.put(r.getLong(0), r.getString(1)));
      return out;
    });
  }

  /** shift name → "name 08:00–16:00 (zone)", in roster order. */
  static Future<Map<String, String>> shiftLabels(SqlClient c) {
    return c.query(SHIFTS).execute().map(rs -> {
      Map<String, String> out = new LinkedHashMap<>();
      rs.forEach(r -> out.put(r.getString("name"), r.getString("name") + " " + r.getString("start") + "–"
          + r.getString("end") + " (" + r.getString("zone") + ")"));
      return out;
    });
  }
}
