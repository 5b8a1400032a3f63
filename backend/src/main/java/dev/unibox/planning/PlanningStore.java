package dev.unibox.planning;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** SQL of planning: the shops' arrival history by hour and language, and the agents' languages. */
final class PlanningStore {

  private static final String ARRIVALS = """
      SELECT extract(hour FROM c.created_at AT TIME ZONE $2)::int AS h, COALESCE(c.language, 'any') AS language,
             count(*) AS n, count(*) FILTER (WHERE c.priority >= 1) AS urgent
      FROM conversations c WHERE c.created_at >= $1
      GROUP BY 1, 2""";

  private static final String LANGUAGES = "SELECT username, languages FROM users WHERE role = 'agent'";

  private PlanningStore() {}

  /** Average conversations per hour of the day and language over the days since {@code since}. */
  static Future<Forecast> history(Pool pool, Instant since, int days, ZoneId zone, double holdSeconds) {
    return pool.preparedQuery(ARRIVALS).execute(Tuple.of(since.atOffset(ZoneOffset.UTC), zone.getId())).map(rows -> {
      List<Map<String, Forecast.Demand>> hours = new ArrayList<>();
      for (int h = 0; h < 24; h++) {
        hours.add(new TreeMap<>());
      }
      for (Row r : rows) {
        long n = r.getLong("n");
        hours.get(r.getInteger("h")).put(r.getString("language"),
            new Forecast.Demand((double) n / days, (double) r.getLong("urgent") / n, holdSeconds));
      }
      return new Forecast(hours);
    });
  }

  /** Each agent's languages by username (empty list: any language). */
  static Future<Map<String, List<String>>> languages(Pool pool) {
    return pool.query(LANGUAGES).execute().map(rows -> {
      Map<String, List<String>> out = new HashMap<>();
      rows.forEach(r -> out.put(r.getString("username"), List.of(r.getArrayOfStrings("languages"))));
      return out;
    });
  }
}
