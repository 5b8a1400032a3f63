package dev.unibox.ops;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import java.util.HashMap;
import java.util.Map;

/** The few aggregate reads the metrics sampler runs every few seconds (each on a partial index, V24, or a small table). */
final class OpsStore {

  private static final String QUEUE_BY_PRIORITY =
      "SELECT priority, count(*) AS n FROM conversations WHERE status = 'queued' GROUP BY priority";

  private static final String OUTBOX = """
      SELECT count(*) FILTER (WHERE status = 'pending') AS pending,
             count(*) FILTER (WHERE status = 'failed') AS failed,
             coalesce(extract(epoch FROM now() - min(created_at) FILTER (WHERE status = 'pending')), 0) AS oldest
      FROM outbox WHERE status IN ('pending', 'failed')""";

  private static final String SLA_EVENTS =
      "SELECT type, count(*) AS n FROM activities WHERE type IN ('sla_warning', 'sla_breached') GROUP BY type";

  /** 1 healthy, 0 token dead or last poll failed; per account. */
  private static final String ACCOUNT_HEALTH = """
      SELECT account_id, CASE WHEN token_dead OR last_poll_error IS NOT NULL THEN 0 ELSE 1 END AS ok
      FROM account_health""";

  private OpsStore() {}

  record Sample(Map<Integer, Long> queued, long outboxPending, long outboxFailed, double outboxOldestSeconds,
                long slaWarnings, long slaBreaches, Map<String, Integer> accountOk) {
    static Sample empty() {
      return new Sample(Map.of(), 0, 0, 0, 0, 0, Map.of());
    }
  }

  static Future<Sample> sample(SqlClient c) {
    Future<Map<Integer, Long>> queued = c.query(QUEUE_BY_PRIORITY).execute().map(rows -> {
      Map<Integer, Long> m = new HashMap<>();
      rows.forEach(r -> m.put((int) r.getShort("priority"), r.getLong("n")));
      return m;
    });
    Future<Row> outbox = c.query(OUTBOX).execute().map(rows -> rows.iterator().next());
    Future<Map<String, Long>> sla = c.query(SLA_EVENTS).execute().map(rows -> {
      Map<String, Long> m = new HashMap<>();
      rows.forEach(r -> m.put(r.getString("type"), r.getLong("n")));
      return m;
    });
    Future<Map<String, Integer>> health = c.query(ACCOUNT_HEALTH).execute().map(rows -> {
      Map<String, Integer> m = new HashMap<>();
      rows.forEach(r -> m.put(r.getString("account_id"), r.getInteger("ok")));
      return m;
    });
    return Future.all(queued, outbox, sla, health).map(v -> new Sample(queued.result(),
        outbox.result().getLong("pending"), outbox.result().getLong("failed"),
        outbox.result().getNumeric("oldest").doubleValue(), sla.result().getOrDefault("sla_warning", 0L),
        sla.result().getOrDefault("sla_breached", 0L), health.result()));
  }
}
