package dev.unibox.reports;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * SQL of the sweep's second half: one shop-day's rollup rows (report_daily) and its rows per shop-local hour
 * (report_hourly per agent, report_hourly_shop for the whole shop), recomputed from the day's waits and rows.
 * Each count query groups by agent and by agent and hour in one pass (grouping sets: the day's row has a null
 * hour), so distinct counts such as buyers are exact per day and per hour.
 */
final class RollupStore {

  /** The shop-local hour of an event time, as the count queries name it (null on the day's row). */
  private static final String HOUR = "local_hour";
  private static final String PER_AGENT_AND_HOUR = " GROUP BY GROUPING SETS ((agent, " + HOUR + "), (agent))";

  private static final String DAY_RANGE = """
      SELECT ($2::date)::timestamp AT TIME ZONE time_zone AS t0, ($2::date + 1)::timestamp AT TIME ZONE time_zone AS t1,
             time_zone
      FROM accounts WHERE id = $1""";

  private static final String DAY_WAITS = """
      SELECT agent_id, first_of_day, started_at, answered_at, auto_replied, platform_counted, platform_met, seq
      FROM report_waits WHERE account_id = $1 AND day = $2""";

  /** Buyer messages, buyers and auto-replies on the shop's row; human replies on their author's. */
  private static final String DAY_MESSAGES = """
      SELECT CASE WHEN m.direction = 'out' AND m.message_type <> 'autoreply' THEN coalesce(m.author_user_id, 0) ELSE 0 END AS agent,
             extract(hour FROM m.at AT TIME ZONE $4)::int AS local_hour,
             count(*) FILTER (WHERE m.direction = 'in' AND c.status <> 'spam') AS messages_in,
             count(*) FILTER (WHERE m.direction = 'out' AND m.message_type <> 'autoreply' AND c.status <> 'spam') AS messages_out,
             count(*) FILTER (WHERE m.message_type = 'autoreply' AND c.status <> 'spam') AS auto_replies,
             count(DISTINCT c.buyer_id) FILTER (WHERE m.direction = 'in' AND c.status <> 'spam') AS buyers,
             count(DISTINCT c.id) FILTER (WHERE m.direction = 'in' AND c.status = 'spam') AS spam_excluded
      FROM messages m JOIN conversations c ON c.id = m.conversation_id
      WHERE m.account_id = $1 AND m.at >= $2 AND m.at < $3""" + PER_AGENT_AND_HOUR;

  private static final String DAY_ACTIVITIES = """
      SELECT CASE WHEN x.type = 'closed' THEN coalesce(x.actor_user_id, 0) ELSE coalesce(x.target_user_id, 0) END AS agent,
             extract(hour FROM x.at AT TIME ZONE $4)::int AS local_hour,
             count(*) FILTER (WHERE x.type = 'closed') AS resolved,
             count(*) FILTER (WHERE x.type IN ('transferred', 'reassigned', 'handed_over')) AS transfers,
             count(*) FILTER (WHERE x.type = 'sla_warning') AS sla_warnings,
             count(*) FILTER (WHERE x.type = 'sla_breached') AS sla_breaches
      FROM activities x JOIN conversations c ON c.id = x.conversation_id
      WHERE c.account_id = $1 AND c.status <> 'spam' AND x.at >= $2 AND x.at < $3
        AND x.type IN ('closed', 'transferred', 'reassigned', 'handed_over', 'sla_warning', 'sla_breached')""" + PER_AGENT_AND_HOUR;

  private static final String DAY_RATINGS = """
      SELECT coalesce(agent_id, 0) AS agent, extract(hour FROM rated_at AT TIME ZONE $4)::int AS local_hour,
             count(*) FILTER (WHERE rating = 'satisfied') AS satisfied,
             count(*) FILTER (WHERE rating = 'neutral') AS neutral,
             count(*) FILTER (WHERE rating = 'dissatisfied') AS dissatisfied,
             count(*) FILTER (WHERE rating <> 'satisfied' AND reason = 'bad_attitude') AS bad_attitude
      FROM satisfaction_ratings WHERE account_id = $1 AND rated_at >= $2 AND rated_at < $3""" + PER_AGENT_AND_HOUR;

  private static final String DAY_INSPECTIONS = """
      SELECT agent_id AS agent, extract(hour FROM at AT TIME ZONE $4)::int AS local_hour,
             count(*) FILTER (WHERE outcome = 'flagged') AS flagged_replies,
             count(*) FILTER (WHERE outcome = 'overridden') AS overridden_replies
      FROM reply_inspections WHERE account_id = $1 AND at >= $2 AND at < $3""" + PER_AGENT_AND_HOUR;

  /**
   * Pre-sale chats of the shop-day (first waits answered by a human, the conversation not after-sale) on the
   * answering agent's row and the hour the wait started, and those converted: the buyer placed an order with the
   * shop within {@link #CONVERSION_WINDOW} after the answer, and no later pre-sale chat of the buyer was answered
   * before the order (the last chat before an order gets it).
   */
  static final String CONVERSION_WINDOW = "72 hours";
  private static final String PRE_SALE_CHAT = """
      w.first_of_day AND w.agent_id <> 0 AND w.answered_at IS NOT NULL AND c.category <> 'after_sale'
      AND c.status <> 'spam'""";
  private static final String DAY_CONVERSIONS = """
      WITH chats AS (
        SELECT w.agent_id, w.started_at, w.answered_at, c.buyer_id, b.platform_buyer_id
        FROM report_waits w JOIN conversations c ON c.id = w.conversation_id JOIN buyers b ON b.id = c.buyer_id
        WHERE w.account_id = $1 AND w.day = $2 AND %1$s)
      SELECT ch.agent_id AS agent, extract(hour FROM ch.started_at AT TIME ZONE $3)::int AS local_hour,
             count(*) AS pre_sale_chats,
             count(*) FILTER (WHERE EXISTS (
               SELECT 1 FROM order_events o
               WHERE o.account_id = $1 AND o.platform_buyer_id = ch.platform_buyer_id
                 AND o.placed_at >= ch.answered_at AND o.placed_at <= ch.answered_at + interval '%2$s'
                 AND NOT EXISTS (
                   SELECT 1 FROM conversations c JOIN report_waits w ON w.conversation_id = c.id
                   WHERE c.buyer_id = ch.buyer_id AND %1$s
                     AND w.answered_at > ch.answered_at AND w.answered_at <= o.placed_at))) AS converted
      FROM chats ch""".formatted(PRE_SALE_CHAT, CONVERSION_WINDOW) + PER_AGENT_AND_HOUR;

  private static final String COLUMNS = String.join(", ", DailyRollup.COUNTERS) + ", first_hist, reply_hist";
  private static final String DELETE_DAY = "DELETE FROM report_daily WHERE account_id = $1 AND day = $2";
  private static final String INSERT_DAY = "INSERT INTO report_daily (account_id, day, agent_id, " + COLUMNS
      + ") VALUES (" + placeholders(DailyRollup.COUNTERS.size() + 5) + ")";
  private static final String DELETE_HOURS = "DELETE FROM report_hourly WHERE account_id = $1 AND day = $2";
  private static final String INSERT_HOUR = "INSERT INTO report_hourly (account_id, day, agent_id, " + COLUMNS
      + ", hour) VALUES (" + placeholders(DailyRollup.COUNTERS.size() + 6) + ")";
  private static final String DELETE_SHOP_HOURS = "DELETE FROM report_hourly_shop WHERE account_id = $1 AND day = $2";
  private static final String INSERT_SHOP_HOUR = "INSERT INTO report_hourly_shop (account_id, day, " + COLUMNS
      + ", hour) VALUES (" + placeholders(DailyRollup.COUNTERS.size() + 5) + ")";

  private RollupStore() {}

  private static String placeholders(int n) {
    return IntStream.rangeClosed(1, n).mapToObj(i -> "$" + i).collect(Collectors.joining(", "));
  }

  /** Recomputes one shop-day (and its hours) from the waits and the day's rows. */
  static Future<DailyRollup> rollup(SqlClient c, SweepStore.Key key) {
    return c.preparedQuery(DAY_RANGE).execute(Tuple.of(key.accountId(), key.day())).compose(range -> {
      if (range.size() == 0) {
        return Future.succeededFuture(new DailyRollup(key.accountId(), key.day(), ZoneId.of("UTC")));
      }
      Row r0 = range.iterator().next();
      String zone = r0.getString("time_zone");
      DailyRollup day = new DailyRollup(key.accountId(), key.day(), ZoneId.of(zone));
      Tuple window = Tuple.of(key.accountId(), r0.getOffsetDateTime("t0"), r0.getOffsetDateTime("t1"), zone);
      return c.preparedQuery(DAY_WAITS).execute(Tuple.of(key.accountId(), key.day())).compose(ws -> {
        for (Row w : ws) {
          OffsetDateTime answered = w.getOffsetDateTime("answered_at");
          day.addWait(new Waits.Wait(w.getInteger("seq"), key.day(), w.getOffsetDateTime("started_at").toInstant(),
              answered == null ? null : answered.toInstant(), w.getLong("agent_id"), w.getBoolean("first_of_day"),
              w.getBoolean("auto_replied"), w.getBoolean("platform_counted"), w.getBoolean("platform_met")));
        }
        return counts(c, DAY_MESSAGES, window, day);
      }).compose(v -> counts(c, DAY_ACTIVITIES, window, day))
          .compose(v -> counts(c, DAY_RATINGS, window, day))
          .compose(v -> counts(c, DAY_INSPECTIONS, window, day))
          .compose(v -> counts(c, DAY_CONVERSIONS, Tuple.of(key.accountId(), key.day(), zone), day))
          .map(day);
    });
  }

  /** Adds every counted column of a grouped count query to its agent's row of the day, or of the hour. */
  private static Future<Void> counts(SqlClient c, String sql, Tuple window, DailyRollup day) {
    return c.preparedQuery(sql).execute(window).map(rs -> {
      for (Row r : rs) {
        Integer hour = r.getInteger(HOUR);
        DailyRollup.Row row = null;
        for (int i = 0; i < r.size(); i++) {
          String column = r.getColumnName(i);
          if (!"agent".equals(column) && !HOUR.equals(column)) {
            long n = r.getLong(i);
            if (n != 0) {
              row = row != null ? row : hour == null ? day.agent(r.getLong("agent")) : day.agent(hour, r.getLong("agent"));
              row.add(column, n);
            }
          }
        }
      }
      return null;
    });
  }

  /** Replaces the shop-day's daily rows, its hourly rows per agent and its hourly rows of the whole shop. */
  static Future<Void> storeRollup(SqlClient c, DailyRollup day) {
    List<Tuple> days = new ArrayList<>();
    day.rows.forEach((agent, row) -> days.add(Tuple.from(values(day, agent, row))));
    List<Tuple> hours = new ArrayList<>();
    List<Tuple> shopHours = new ArrayList<>();
    day.hours.forEach((hour, agents) -> {
      agents.forEach((agent, row) -> {
        List<Object> values = values(day, agent, row);
        values.add(hour.shortValue());
        hours.add(Tuple.from(values));
      });
      List<Object> values = values(day, null, day.shopHour(hour));
      values.add(hour.shortValue());
      shopHours.add(Tuple.from(values));
    });
    Tuple key = Tuple.of(day.accountId, day.day);
    return replace(c, DELETE_DAY, INSERT_DAY, key, days)
        .compose(v -> replace(c, DELETE_HOURS, INSERT_HOUR, key, hours))
        .compose(v -> replace(c, DELETE_SHOP_HOURS, INSERT_SHOP_HOUR, key, shopHours));
  }

  private static Future<Void> replace(SqlClient c, String delete, String insert, Tuple key, List<Tuple> rows) {
    Future<RowSet<Row>> deleted = c.preparedQuery(delete).execute(key);
    return rows.isEmpty() ? deleted.mapEmpty() : deleted.compose(v -> c.preparedQuery(insert).executeBatch(rows)).mapEmpty();
  }

  /** account, day, the agent (none for a row of the whole shop), the counters and histograms. */
  private static List<Object> values(DailyRollup day, Long agent, DailyRollup.Row row) {
    List<Object> values = new ArrayList<>(List.of(day.accountId, day.day));
    if (agent != null) {
      values.add(agent);
    }
    row.counters.forEach((name, v) -> values.add(name.endsWith("_seconds") ? (Object) v : (Object) v.intValue()));
    values.add(boxed(row.firstHist));
    values.add(boxed(row.replyHist));
    return values;
  }

  private static Integer[] boxed(int[] a) {
    return java.util.Arrays.stream(a).boxed().toArray(Integer[]::new);
  }
}
