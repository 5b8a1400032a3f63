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
 * hour; a report reads the hours of its days in the asked zone.
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

  /** One agent's workload over a report's days. */
  record Workload(double onlineSeconds, double chatSeconds, double capacitySeconds, int peakChats) {}

  private WorkloadStore() {}

  static Future<Void> sweep(SqlClient c, Instant since, Instant now) {
    return c.preparedQuery(SWEEP).execute(Tuple.of(ReportsStore.utc(since), ReportsStore.utc(now))).mapEmpty();
  }

  /** The agents' workload on the days [from, to], days cut at midnight in {@code zone} (whole UTC hours). */
  static Future<Map<Long, Workload>> read(SqlClient c, List<Long> agents, LocalDate from, LocalDate to, ZoneId zone) {
    Tuple t = Tuple.of(agents.toArray(Long[]::new), from.atStartOfDay(zone).toOffsetDateTime(),
        to.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
    return c.preparedQuery(READ).execute(t).map(rs -> {
      Map<Long, Workload> out = new HashMap<>();
      for (Row r : rs) {
        out.put(r.getLong("agent_id"), new Workload(r.getDouble("online"), r.getDouble("chats"),
            r.getDouble("capacity"), r.getInteger("peak")));
      }
      return out;
    });
  }
}
