package dev.unibox.reports;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Agent workload from the presence history (V16): the sweep rolls the online intervals up per agent and UTC
 * hour; a report reads the hours of its days in the asked zone, per agent or per hour of day, clock hour or shift.
 */
final class WorkloadStore {

  /**
   * Every hour an online interval covers since {@code $1} (the last sweep minus the margin; open intervals up to
   * {@code $2}, now), recomputed from all intervals overlapping it (an hour none overlaps any more, after an open
   * interval closed, becomes zero). Upsert: running it twice changes nothing.
   */
  private static final String SWEEP = """
      WITH touched AS (
        SELECT DISTINCT p.user_id, h AS hour
        FROM presence_intervals p,
             generate_series(date_trunc('hour', greatest(p.started_at, $1)),
                             date_trunc('hour', coalesce(p.ended_at, $2)), interval '1 hour') h
        WHERE p.presence = 'online' AND coalesce(p.ended_at, $2) >= $1 AND p.started_at <= $2)
      INSERT INTO report_workload (agent_id, hour, online_seconds, chat_seconds, capacity_seconds, peak_chats)
      SELECT t.user_id, t.hour, coalesce(sum(s.seconds), 0), coalesce(sum(s.seconds * p.chats), 0),
             coalesce(sum(s.seconds * p.capacity), 0), coalesce(max(p.chats), 0)
      FROM touched t
      LEFT JOIN presence_intervals p ON p.user_id = t.user_id AND p.presence = 'online'
        AND p.started_at < t.hour + interval '1 hour' AND coalesce(p.ended_at, $2) > t.hour AND p.started_at <= $2
      LEFT JOIN LATERAL (SELECT CASE WHEN p.user_id IS NULL THEN 0 ELSE
                                extract(epoch FROM least(coalesce(p.ended_at, $2), t.hour + interval '1 hour', $2)
                                                   - greatest(p.started_at, t.hour))::double precision END AS seconds) s ON true
      GROUP BY t.user_id, t.hour
      ON CONFLICT (agent_id, hour) DO UPDATE SET online_seconds = EXCLUDED.online_seconds,
        chat_seconds = EXCLUDED.chat_seconds, capacity_seconds = EXCLUDED.capacity_seconds,
        peak_chats = EXCLUDED.peak_chats""";

  private static final String READ = """
      SELECT agent_id, sum(online_seconds) AS online, sum(chat_seconds) AS chats, sum(capacity_seconds) AS capacity,
             max(peak_chats) AS peak
      FROM report_workload WHERE agent_id = ANY($1) AND hour >= $2 AND hour < $3 GROUP BY agent_id""";

  /**
   * Per hour of day, clock hour or shift: the workload of the agents with figures in the report (its filter,
   * $1 … $6) over its days cut in the asked zone ($7, $8); hours of day and clock hours in that
   * zone ($9), shifts by {@link ShiftOfHour}. Grouping sets: the null key is all of them together.
   */
  private static final String GROUPED = """
      WITH agents AS (SELECT DISTINCT d.agent_id %1$s AND d.agent_id <> 0)
      SELECT CASE WHEN GROUPING(%2$s) = 1 THEN NULL ELSE %2$s END AS k, coalesce(sum(w.online_seconds), 0) AS online,
             coalesce(sum(w.chat_seconds), 0) AS chats, coalesce(sum(w.capacity_seconds), 0) AS capacity,
             coalesce(max(w.peak_chats), 0) AS peak
      FROM report_workload w %3$s
      WHERE w.agent_id IN (SELECT agent_id FROM agents) AND w.hour >= $7 AND w.hour < $8
      GROUP BY GROUPING SETS ((%2$s), ())""";

  /** The agents with figures in the report's filter: the same agents per day as per hour, in far fewer rows. */
  private static final String AGENTS_WITH_FIGURES = ReportQueryStore.where("report_daily", "");

  private static final Map<String, String> GROUPED_SQL = Map.of(
      "hour", GROUPED.formatted(AGENTS_WITH_FIGURES,
          "lpad(extract(hour FROM w.hour AT TIME ZONE $9)::int::text, 2, '0')", ""),
      "dayhour", GROUPED.formatted(AGENTS_WITH_FIGURES,
          "to_char(w.hour AT TIME ZONE $9, 'YYYY-MM-DD HH24')", ""),
      "shift", GROUPED.formatted(AGENTS_WITH_FIGURES,
          "coalesce(ws.name, '')", ShiftOfHour.join("w.hour", "ws")));

  /** Can a report of this grouping show workload per group? (per agent, hour or shift) */
  static boolean groups(String groupBy) {
    return "agent".equals(groupBy) || GROUPED_SQL.containsKey(groupBy);
  }

  /** One agent's (or a group's) workload over a report's days. */
  record Workload(double onlineSeconds, double chatSeconds, double capacitySeconds, int peakChats) {}

  private WorkloadStore() {}

  static Future<Void> sweep(SqlClient c, Instant since, Instant now) {
    return c.preparedQuery(SWEEP).execute(Tuple.of(SweepStore.utc(since), SweepStore.utc(now))).mapEmpty();
  }

  /** The workload per group of a report by hour, clock hour or shift ({@link #GROUPED}); the key "all" is the total. */
  static Future<Map<String, Workload>> grouped(SqlClient c, ReportFilter f) {
    String sql = GROUPED_SQL.get(f.groupBy());
    Tuple t = ReportQueryStore.filter(f).addValue(f.from().atStartOfDay(f.zone()).toOffsetDateTime())
        .addValue(f.to().plusDays(1).atStartOfDay(f.zone()).toOffsetDateTime());
    if (sql.contains("$9")) {
      t.addValue(f.zone().getId());
    }
    return c.preparedQuery(sql).execute(t).map(rs -> {
      Map<String, Workload> out = new HashMap<>();
      for (Row r : rs) {
        String k = r.getString("k");
        out.put(k == null ? "all" : k, workload(r));
      }
      return out;
    });
  }

  private static Workload workload(Row r) {
    return new Workload(r.getDouble("online"), r.getDouble("chats"), r.getDouble("capacity"), r.getInteger("peak"));
  }

  /** The agents' workload on the days [from, to], days cut at midnight in {@code zone} (whole UTC hours). */
  static Future<Map<Long, Workload>> read(SqlClient c, List<Long> agents, LocalDate from, LocalDate to, ZoneId zone) {
    Tuple t = Tuple.of(agents.toArray(Long[]::new), from.atStartOfDay(zone).toOffsetDateTime(),
        to.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
    return c.preparedQuery(READ).execute(t).map(rs -> {
      Map<Long, Workload> out = new HashMap<>();
      for (Row r : rs) {
        out.put(r.getLong("agent_id"), workload(r));
      }
      return out;
    });
  }
}
