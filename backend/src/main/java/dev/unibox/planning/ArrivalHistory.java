package dev.unibox.planning;

import dev.unibox.auth.ShopScope;
import dev.unibox.domain.LanguageDetector;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * SQL of the staffing plan: what the shops' history says (new conversations per hour of day and buyer language,
 * how many were urgent, how long a chat held a seat and how long its first answer took) and which agents serve them.
 * Every query takes the shop scope as $1 (every shop) and $2 (account ids).
 */
final class ArrivalHistory {

  private static final String SHOPS = "($1 OR c.account_id = ANY($2))";

  /**
   * Work that reached the queue: every new conversation and every closed one a buyer reopened by writing again (a
   * returning buyer is a new stay for the router). Spam is parked, never routed: it is no one's work.
   */
  private static final String ARRIVALS = """
      SELECT extract(hour FROM a.at AT TIME ZONE $5)::int AS hour, c.language, count(*) AS n,
             count(*) FILTER (WHERE c.priority >= 1) AS urgent
      FROM (SELECT id AS conversation_id, created_at AS at FROM conversations WHERE created_at >= $3 AND created_at < $4
            UNION ALL
            SELECT conversation_id, at FROM activities WHERE type = 'reopened' AND at >= $3 AND at < $4) a
      JOIN conversations c ON c.id = a.conversation_id
      WHERE %s AND c.status <> 'spam'
      GROUP BY 1, 2""".formatted(SHOPS);

  /**
   * Every close in the window, from the first assignment after the conversation's previous close (a reopened chat is
   * a new stay): the seat time, and the first human reply inside that stay (its deciles: the midpoints of ten equal
   * shares).
   */
  private static final String STAYS = """
      SELECT count(*) AS closed, avg(extract(epoch FROM x.at - s.at)) AS seat, count(r.at) AS answered,
             percentile_cont(ARRAY[0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95])
               WITHIN GROUP (ORDER BY extract(epoch FROM r.at - s.at)::float8) AS answer
      FROM activities x JOIN conversations c ON c.id = x.conversation_id
      CROSS JOIN LATERAL (SELECT max(p.at) AS at FROM activities p
                          WHERE p.conversation_id = x.conversation_id AND p.type = 'closed' AND p.at < x.at) prev
      CROSS JOIN LATERAL (SELECT min(a.at) AS at FROM activities a
                          WHERE a.conversation_id = x.conversation_id AND a.type = 'assigned' AND a.at <= x.at
                            AND (prev.at IS NULL OR a.at > prev.at)) s
      CROSS JOIN LATERAL (SELECT min(m.at) AS at FROM messages m
                          WHERE m.conversation_id = x.conversation_id AND m.direction = 'out'
                            AND m.message_type <> 'autoreply' AND m.status <> 'failed'
                            AND m.at >= s.at AND m.at <= x.at) r
      WHERE x.type = 'closed' AND x.at >= $3 AND x.at < $4 AND s.at IS NOT NULL AND %s""".formatted(SHOPS);

  /** The agents the router could give these shops' chats: enabled, of role agent, serving one of them. */
  private static final String AGENTS = """
      SELECT u.username, u.languages, u.max_concurrent FROM users u
      WHERE u.role = 'agent' AND NOT u.disabled
        AND (u.all_accounts OR EXISTS (SELECT 1 FROM user_accounts c WHERE c.user_id = u.id AND %s))
      ORDER BY u.username""".formatted(SHOPS);

  private static final String SHOP_EXISTS = "SELECT count(*) FROM accounts WHERE id = $1";

  private ArrivalHistory() {}

  /**
   * @param arrivals new and reopened conversations by hour of day and language ({@link LanguageDetector#UNDETERMINED}
   *                 when none was detected), over the whole window
   * @param conversations their sum
   * @param seatSeconds   mean, null without closed stays
   * @param answerDeciles the answer time at 5 %, 15 %, … 95 %; null without answered stays
   */
  record History(Map<Integer, Map<String, Long>> arrivals, long conversations, long urgent, long stays,
                 Double seatSeconds, long answered, List<Double> answerDeciles) {}

  static Future<History> read(SqlClient c, ShopScope scope, Instant from, Instant to, ZoneId zone) {
    return c.preparedQuery(ARRIVALS).execute(window(scope, from, to).addString(zone.getId())).compose(arrivals ->
        c.preparedQuery(STAYS).execute(window(scope, from, to)).map(stays -> {
          Map<Integer, Map<String, Long>> byHour = new TreeMap<>();
          long total = 0;
          long urgent = 0;
          for (Row r : arrivals) {
            String language = r.getString("language") == null ? LanguageDetector.UNDETERMINED : r.getString("language");
            byHour.computeIfAbsent(r.getInteger("hour"), h -> new TreeMap<>()).merge(language, r.getLong("n"), Long::sum);
            total += r.getLong("n");
            urgent += r.getLong("urgent");
          }
          Row s = stays.iterator().next();
          Double[] deciles = s.getArrayOfDoubles("answer");
          return new History(byHour, total, urgent, s.getLong("closed"), number(s, "seat"), s.getLong("answered"),
              deciles == null ? null : List.of(deciles));
        }));
  }

  static Future<List<Agent>> agents(SqlClient c, ShopScope scope) {
    return c.preparedQuery(AGENTS).execute(scope.addTo(Tuple.tuple())).map(rows -> {
      List<Agent> out = new ArrayList<>();
      rows.forEach(r -> out.add(new Agent(r.getString("username"), Set.copyOf(List.of(r.getArrayOfStrings("languages"))),
          r.getInteger("max_concurrent"))));
      return out;
    });
  }

  static Future<Boolean> shopExists(SqlClient c, String accountId) {
    return c.preparedQuery(SHOP_EXISTS).execute(Tuple.of(accountId)).map(r -> r.iterator().next().getLong(0) > 0);
  }

  private static Tuple window(ShopScope scope, Instant from, Instant to) {
    return scope.addTo(Tuple.tuple()).addOffsetDateTime(from.atOffset(ZoneOffset.UTC))
        .addOffsetDateTime(to.atOffset(ZoneOffset.UTC));
  }

  private static Double number(Row r, String column) {
    Object v = r.getValue(column);
    return v == null ? null : ((Number) v).doubleValue();
  }
}
