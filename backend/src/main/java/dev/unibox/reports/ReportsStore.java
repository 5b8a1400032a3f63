package dev.unibox.reports;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Every SQL statement of the reports: the sweep's reads and writes and the report queries. */
final class ReportsStore {

  record Key(String accountId, LocalDate day) {}

  record Conversation(long id, String accountId, String status, String platform, ZoneId zone, List<Waits.Msg> messages) {}

  private static final String SWEPT_UNTIL = "SELECT swept_until FROM report_sweep WHERE id = 1";
  private static final String SET_SWEPT_UNTIL = "UPDATE report_sweep SET swept_until = $1 WHERE id = 1";

  /**
   * Conversations with rows stamped in the range, and those of buyers with a new order event; widened to every
   * conversation of those buyers, since a buyer's chats and orders decide each other's conversion.
   */
  private static final String CHANGED = """
      WITH changed AS (
        SELECT conversation_id FROM messages WHERE created_at > $1 AND created_at <= $2
        UNION SELECT conversation_id FROM activities WHERE at > $1 AND at <= $2
        UNION SELECT conversation_id FROM satisfaction_ratings WHERE rated_at > $1 AND rated_at <= $2
        UNION SELECT conversation_id FROM reply_inspections WHERE at > $1 AND at <= $2
        UNION SELECT conversation_id FROM classification_corrections WHERE corrected_at > $1 AND corrected_at <= $2
        UNION SELECT c.id FROM order_events o
          JOIN buyers b ON b.account_id = o.account_id AND b.platform_buyer_id = o.platform_buyer_id
          JOIN conversations c ON c.buyer_id = b.id
          WHERE o.received_at > $1 AND o.received_at <= $2)
      SELECT DISTINCT c.id FROM changed x JOIN conversations c1 ON c1.id = x.conversation_id
        JOIN conversations c ON c.buyer_id = c1.buyer_id""";

  private static final String CONVERSATIONS = """
      SELECT c.id, c.account_id, c.status, a.platform, a.time_zone
      FROM conversations c JOIN accounts a ON a.id = c.account_id WHERE c.id = ANY($1)""";

  private static final String MESSAGES = """
      SELECT conversation_id, direction, message_type, status, coalesce(author_user_id, 0) AS author, at
      FROM messages WHERE conversation_id = ANY($1) ORDER BY conversation_id, at, id""";

  /** Every shop-day a conversation has anything on: those rollups may change when it does. */
  private static final String TOUCHED_DAYS = """
      SELECT DISTINCT c.account_id, (x.at AT TIME ZONE a.time_zone)::date AS day
      FROM (SELECT conversation_id, at FROM messages WHERE conversation_id = ANY($1)
            UNION ALL SELECT conversation_id, at FROM activities WHERE conversation_id = ANY($1)
            UNION ALL SELECT conversation_id, rated_at FROM satisfaction_ratings WHERE conversation_id = ANY($1)
            UNION ALL SELECT conversation_id, at FROM reply_inspections WHERE conversation_id = ANY($1)) x
      JOIN conversations c ON c.id = x.conversation_id JOIN accounts a ON a.id = c.account_id""";

  private static final String DELETE_WAITS = "DELETE FROM report_waits WHERE conversation_id = ANY($1)";
  private static final String INSERT_WAIT = """
      INSERT INTO report_waits (conversation_id, seq, account_id, day, started_at, answered_at, agent_id, first_of_day,
                                auto_replied, platform_counted, platform_met)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)""";

  private static final String DAY_RANGE = """
      SELECT ($2::date)::timestamp AT TIME ZONE time_zone AS t0, ($2::date + 1)::timestamp AT TIME ZONE time_zone AS t1
      FROM accounts WHERE id = $1""";

  private static final String DAY_WAITS = """
      SELECT agent_id, first_of_day, started_at, answered_at, auto_replied, platform_counted, platform_met, seq
      FROM report_waits WHERE account_id = $1 AND day = $2""";

  /** Buyer messages, buyers and auto-replies on the shop's row; human replies on their author's. */
  private static final String DAY_MESSAGES = """
      SELECT CASE WHEN m.direction = 'out' AND m.message_type <> 'autoreply' THEN coalesce(m.author_user_id, 0) ELSE 0 END AS agent,
             count(*) FILTER (WHERE m.direction = 'in' AND c.status <> 'spam') AS messages_in,
             count(*) FILTER (WHERE m.direction = 'out' AND m.message_type <> 'autoreply' AND c.status <> 'spam') AS messages_out,
             count(*) FILTER (WHERE m.message_type = 'autoreply' AND c.status <> 'spam') AS auto_replies,
             count(DISTINCT c.buyer_id) FILTER (WHERE m.direction = 'in' AND c.status <> 'spam') AS buyers,
             count(DISTINCT c.id) FILTER (WHERE m.direction = 'in' AND c.status = 'spam') AS spam_excluded
      FROM messages m JOIN conversations c ON c.id = m.conversation_id
      WHERE m.account_id = $1 AND m.at >= $2 AND m.at < $3
      GROUP BY 1""";

  private static final String DAY_ACTIVITIES = """
      SELECT CASE WHEN x.type = 'closed' THEN coalesce(x.actor_user_id, 0) ELSE coalesce(x.target_user_id, 0) END AS agent,
             count(*) FILTER (WHERE x.type = 'closed') AS resolved,
             count(*) FILTER (WHERE x.type IN ('transferred', 'reassigned', 'handed_over')) AS transfers,
             count(*) FILTER (WHERE x.type = 'sla_warning') AS sla_warnings,
             count(*) FILTER (WHERE x.type = 'sla_breached') AS sla_breaches
      FROM activities x JOIN conversations c ON c.id = x.conversation_id
      WHERE c.account_id = $1 AND c.status <> 'spam' AND x.at >= $2 AND x.at < $3
        AND x.type IN ('closed', 'transferred', 'reassigned', 'handed_over', 'sla_warning', 'sla_breached')
      GROUP BY 1""";

  private static final String DAY_RATINGS = """
      SELECT coalesce(agent_id, 0) AS agent,
             count(*) FILTER (WHERE rating = 'satisfied') AS satisfied,
             count(*) FILTER (WHERE rating = 'neutral') AS neutral,
             count(*) FILTER (WHERE rating = 'dissatisfied') AS dissatisfied,
             count(*) FILTER (WHERE rating <> 'satisfied' AND reason = 'bad_attitude') AS bad_attitude
      FROM satisfaction_ratings WHERE account_id = $1 AND rated_at >= $2 AND rated_at < $3 GROUP BY 1""";

  private static final String DAY_INSPECTIONS = """
      SELECT agent_id AS agent, count(*) FILTER (WHERE outcome = 'flagged') AS flagged_replies,
             count(*) FILTER (WHERE outcome = 'overridden') AS overridden_replies
      FROM reply_inspections WHERE account_id = $1 AND at >= $2 AND at < $3 GROUP BY 1""";

  /**
   * Pre-sale chats of the shop-day (first waits answered by a human, the conversation not after-sale) on the
   * answering agent's row, and those converted: the buyer placed an order with the shop within
   * {@link #CONVERSION_WINDOW} after the answer, and no later pre-sale chat of the buyer was answered before
   * the order (the last chat before an order gets it).
   */
  static final String CONVERSION_WINDOW = "72 hours";
  private static final String PRE_SALE_CHAT = """
      w.first_of_day AND w.agent_id <> 0 AND w.answered_at IS NOT NULL AND c.category <> 'after_sale'
      AND c.status <> 'spam'""";
  private static final String DAY_CONVERSIONS = """
      WITH chats AS (
        SELECT w.agent_id, w.answered_at, c.buyer_id, b.platform_buyer_id
        FROM report_waits w JOIN conversations c ON c.id = w.conversation_id JOIN buyers b ON b.id = c.buyer_id
        WHERE w.account_id = $1 AND w.day = $2 AND %1$s)
      SELECT ch.agent_id AS agent, count(*) AS pre_sale_chats,
             count(*) FILTER (WHERE EXISTS (
               SELECT 1 FROM order_events o
               WHERE o.account_id = $1 AND o.platform_buyer_id = ch.platform_buyer_id
                 AND o.placed_at >= ch.answered_at AND o.placed_at <= ch.answered_at + interval '%2$s'
                 AND NOT EXISTS (
                   SELECT 1 FROM conversations c JOIN report_waits w ON w.conversation_id = c.id
                   WHERE c.buyer_id = ch.buyer_id AND %1$s
                     AND w.answered_at > ch.answered_at AND w.answered_at <= o.placed_at))) AS converted
      FROM chats ch GROUP BY 1""".formatted(PRE_SALE_CHAT, CONVERSION_WINDOW);

  private static final String DELETE_DAY = "DELETE FROM report_daily WHERE account_id = $1 AND day = $2";
  private static final String INSERT_DAY = "INSERT INTO report_daily (account_id, day, agent_id, "
      + String.join(", ", DailyRollup.COUNTERS) + ", first_hist, reply_hist) VALUES ("
      + java.util.stream.IntStream.rangeClosed(1, DailyRollup.COUNTERS.size() + 5).mapToObj(i -> "$" + i)
          .collect(Collectors.joining(", ")) + ")";


  /** The grouping expressions a report may ask for (never user text in SQL). */
  static final Map<String, String> GROUPS = Map.of(
      "all", "'all'",
      "day", "to_char(d.day, 'YYYY-MM-DD')",
      "week", "to_char(date_trunc('week', d.day), 'YYYY-MM-DD')",
      "month", "to_char(d.day, 'YYYY-MM')",
      "agent", "d.agent_id::text",
      "shop", "d.account_id",
      "platform", "a.platform");

  private static final String REPORT_WHERE = """
      FROM report_daily d JOIN accounts a ON a.id = d.account_id%s
      WHERE d.day >= $1 AND d.day <= $2 AND d.account_id = ANY($3)
        AND ($4::text IS NULL OR a.platform = $4)
        AND ($5::bigint IS NULL OR d.agent_id = $5)
        AND ($6::text IS NULL OR d.account_id IN (SELECT account_id FROM team_accounts WHERE team = $6))
      """;

  /**
   * One pass over the rollup rows for the groups and the total together (grouping sets; the total row has a null
   * key): counter sums and, per histogram bucket, its sum (no unnest: the rows are read once). Columns by
   * position: k, the counters, then f1, r1, f2, r2 …, then the number of rollup rows n.
   */
  private static final String REPORT = "SELECT %1$s AS k, "
      + DailyRollup.COUNTERS.stream().map(c -> "sum(d." + c + ")::bigint AS " + c).collect(Collectors.joining(", "))
      + java.util.stream.IntStream.rangeClosed(1, ResponseBuckets.SIZE)
          .mapToObj(i -> ", coalesce(sum(d.first_hist[" + i + "]), 0)::bigint AS f" + i
              + ", coalesce(sum(d.reply_hist[" + i + "]), 0)::bigint AS r" + i).collect(Collectors.joining())
      + ", count(*) AS n " + REPORT_WHERE.formatted("") + " GROUP BY %2$s ORDER BY k NULLS LAST";

  /** The report's SQL for a group: its groups and the total, or only the total for "all". */
  private static String reportSql(String groupBy) {
    if ("all".equals(groupBy)) {
      return REPORT.formatted("NULL::text", "()");
    }
    String e = GROUPS.get(groupBy);
    return REPORT.formatted("CASE WHEN GROUPING(" + e + ") = 1 THEN NULL ELSE " + e + " END",
        "GROUPING SETS ((" + e + "), ())");
  }

  private static final Map<String, String> REPORT_SQL = GROUPS.keySet().stream()
      .collect(Collectors.toMap(g -> g, ReportsStore::reportSql));

  private static final String ALL_ACCOUNTS = "SELECT id FROM accounts ORDER BY id";
  private static final String ACCOUNT_NAMES = "SELECT id, shop_name, platform, time_zone FROM accounts WHERE id = ANY($1)";
  private static final String USER_NAMES = "SELECT id, display_name FROM users WHERE id = ANY($1)";

  /** Report rows: group key → counter sums, and group key → bucket counts of first responses and replies. */
  record Totals(Map<String, Map<String, Long>> sums, Map<String, long[][]> histograms) {}

  /** A report's groups (key → figures) and its total (key "all"). */
  record Report(Totals groups, Totals total) {}

  static Future<Report> report(SqlClient c, ReportFilter f) {
    Tuple t = Tuple.from(new Object[] {f.from(), f.to(), f.accounts().toArray(String[]::new), f.platform(),
        f.agentId(), f.team()});
    int counters = DailyRollup.COUNTERS.size();
    return c.preparedQuery(REPORT_SQL.get(f.groupBy())).execute(t).map(rs -> {
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
        if (k == null) {
          rows[0] = r.getLong(1 + counters + 2 * ResponseBuckets.SIZE);
        }
        Totals into = k == null ? total : groups;
        String key = k == null ? "all" : k;
        into.sums().put(key, m);
        into.histograms().put(key, h);
      }
      // "all": the total is the only group, when it counted any row
      return new Report("all".equals(f.groupBy()) && rows[0] > 0 ? total : groups, total);
    });
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
    return c.preparedQuery(INSERT_SNAPSHOT)
        .execute(Tuple.of(scope, period, start, version, body, utc(at), recipients.toArray(String[]::new))).mapEmpty();
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

  private ReportsStore() {}

  static Future<Instant> sweptUntil(SqlClient c) {
    return c.query(SWEPT_UNTIL).execute().map(rs -> {
      OffsetDateTime t = rs.iterator().next().getOffsetDateTime(0);
      return t == null ? Instant.EPOCH : t.toInstant();
    }).recover(e -> Future.succeededFuture(Instant.EPOCH));
  }

  static Future<Void> setSweptUntil(SqlClient c, Instant t) {
    return c.preparedQuery(SET_SWEPT_UNTIL).execute(Tuple.of(utc(t))).mapEmpty();
  }

  static Future<List<Long>> changed(SqlClient c, Instant since, Instant until) {
    return c.preparedQuery(CHANGED).execute(Tuple.of(utc(since), utc(until))).map(rs -> {
      List<Long> ids = new ArrayList<>();
      rs.forEach(r -> ids.add(r.getLong(0)));
      return ids;
    });
  }

  static Future<List<Conversation>> load(SqlClient c, List<Long> ids) {
    Tuple t = Tuple.of(ids.toArray(Long[]::new));
    return c.preparedQuery(CONVERSATIONS).execute(t).compose(convs -> c.preparedQuery(MESSAGES).execute(t).map(msgs -> {
      Map<Long, List<Waits.Msg>> byConversation = new LinkedHashMap<>();
      for (Row r : msgs) {
        byConversation.computeIfAbsent(r.getLong("conversation_id"), k -> new ArrayList<>()).add(new Waits.Msg(
            "in".equals(r.getString("direction")), r.getString("message_type"), r.getString("status"),
            r.getLong("author"), r.getOffsetDateTime("at").toInstant()));
      }
      List<Conversation> out = new ArrayList<>();
      for (Row r : convs) {
        long id = r.getLong("id");
        out.add(new Conversation(id, r.getString("account_id"), r.getString("status"), r.getString("platform"),
            ZoneId.of(r.getString("time_zone")), byConversation.getOrDefault(id, List.of())));
      }
      return out;
    }));
  }

  static Future<Set<Key>> touchedDays(SqlClient c, List<Long> ids) {
    return c.preparedQuery(TOUCHED_DAYS).execute(Tuple.of(ids.toArray(Long[]::new))).map(rs -> {
      Set<Key> keys = new HashSet<>();
      rs.forEach(r -> keys.add(new Key(r.getString(0), r.getLocalDate(1))));
      return keys;
    });
  }

  static Future<Void> replaceWaits(SqlClient c, List<Long> ids, Map<Conversation, List<Waits.Wait>> waits) {
    List<Tuple> batch = new ArrayList<>();
    waits.forEach((conv, list) -> list.forEach(w -> batch.add(Tuple.from(new Object[] {conv.id(), w.seq(),
        conv.accountId(), w.day(), utc(w.startedAt()), w.answeredAt() == null ? null : utc(w.answeredAt()),
        w.agentId(), w.firstOfDay(), w.autoReplied(), w.platformCounted(), w.platformMet()}))));
    Future<RowSet<Row>> deleted = c.preparedQuery(DELETE_WAITS).execute(Tuple.of(ids.toArray(Long[]::new)));
    return batch.isEmpty() ? deleted.mapEmpty()
        : deleted.compose(v -> c.preparedQuery(INSERT_WAIT).executeBatch(batch)).mapEmpty();
  }

  /** Recomputes one shop-day from the waits and the day's rows. */
  static Future<DailyRollup> rollup(SqlClient c, Key key) {
    DailyRollup day = new DailyRollup(key.accountId(), key.day());
    return c.preparedQuery(DAY_RANGE).execute(Tuple.of(key.accountId(), key.day())).compose(range -> {
      if (range.size() == 0) {
        return Future.succeededFuture(day);
      }
      Row r0 = range.iterator().next();
      Tuple window = Tuple.of(key.accountId(), r0.getOffsetDateTime("t0"), r0.getOffsetDateTime("t1"));
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
          .compose(v -> counts(c, DAY_CONVERSIONS, Tuple.of(key.accountId(), key.day()), day))
          .map(day);
    });
  }

  /** Adds every column but "agent" of a grouped count query to that agent's row. */
  private static Future<Void> counts(SqlClient c, String sql, Tuple window, DailyRollup day) {
    return c.preparedQuery(sql).execute(window).map(rs -> {
      for (Row r : rs) {
        DailyRollup.Row row = null;
        for (int i = 0; i < r.size(); i++) {
          String column = r.getColumnName(i);
          if (!"agent".equals(column)) {
            long n = r.getLong(i);
            if (n != 0) {
              row = row == null ? day.agent(r.getLong("agent")) : row;
              row.add(column, n);
            }
          }
        }
      }
      return null;
    });
  }

  static Future<Void> storeRollup(SqlClient c, DailyRollup day) {
    List<Tuple> rows = new ArrayList<>();
    day.rows.forEach((agent, row) -> {
      List<Object> values = new ArrayList<>(List.of(day.accountId, day.day, agent));
      row.counters.forEach((name, v) -> values.add(name.endsWith("_seconds") ? (Object) v : (Object) v.intValue()));
      values.add(boxed(row.firstHist));
      values.add(boxed(row.replyHist));
      rows.add(Tuple.from(values));
    });
    Future<RowSet<Row>> deleted = c.preparedQuery(DELETE_DAY).execute(Tuple.of(day.accountId, day.day));
    return rows.isEmpty() ? deleted.mapEmpty() : deleted.compose(v -> c.preparedQuery(INSERT_DAY).executeBatch(rows)).mapEmpty();
  }

  private static Integer[] boxed(int[] a) {
    return java.util.Arrays.stream(a).boxed().toArray(Integer[]::new);
  }

  static OffsetDateTime utc(Instant t) {
    return t.atOffset(ZoneOffset.UTC);
  }

}
