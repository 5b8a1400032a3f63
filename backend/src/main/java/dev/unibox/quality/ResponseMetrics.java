package dev.unibox.quality;

import dev.unibox.auth.AuthRoutes;
import dev.unibox.auth.CurrentUser;
import dev.unibox.web.ApiException;
import dev.unibox.web.Responses;
import dev.unibox.web.QueryParams;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * First response and response rate as the platforms count them: only a human answer counts (an
 * auto-reply is not a response: Shopee ignores them), and conversations in the spam folder are left out
 * (Pinduoduo does not count spam). For each conversation with a buyer message in [from, to): the time
 * from its first buyer message in the window to the first human reply after it.
 */
public record ResponseMetrics(Pool pool, Clock clock) {

  /** One read scans at most this much history. */
  static final Duration MAX_RANGE = Duration.ofDays(93);

  private static final String FIRST_RESPONSES = """
      WITH firsts AS (
        SELECT c.id, c.status, min(m.at) AS first_in
        FROM conversations c JOIN messages m ON m.conversation_id = c.id AND m.direction = 'in'
        WHERE m.at >= $1 AND m.at < $2 AND ($3 OR c.account_id = ANY($4)) AND ($5::text IS NULL OR c.account_id = $5)
        GROUP BY c.id, c.status)
      SELECT f.id, f.status, f.first_in,
             (SELECT min(o.at) FROM messages o WHERE o.conversation_id = f.id AND o.direction = 'out'
                AND o.message_type <> 'autoreply' AND o.at >= f.first_in) AS first_human,
             (SELECT min(o.at) FROM messages o WHERE o.conversation_id = f.id AND o.direction = 'out'
                AND o.message_type = 'autoreply' AND o.at >= f.first_in) AS first_auto
      FROM firsts f""";

  public void mount(Router router) {
    router.get("/api/quality/metrics/response").handler(this::response);
  }

  private void response(RoutingContext ctx) {
    CurrentUser user = AuthRoutes.user(ctx);
    Access.overseer(user);
    Instant to = QueryParams.instant(ctx, "to", clock.instant());
    Instant from = QueryParams.instant(ctx, "from", to.minus(Duration.ofDays(1)));
    if (!from.isBefore(to)) {
      throw ApiException.badRequest("bad_time", "from must be before to");
    }
    if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
      throw ApiException.badRequest("range_too_long", "from and to may be at most " + MAX_RANGE.toDays() + " days apart");
    }
    long within = QueryParams.number(ctx, "withinSeconds", 300, 1, 7 * 86_400);
    String account = QueryParams.text(ctx, "accountId");
    if (account != null) {
      Access.serves(user, account);
    }
    Tuple t = user.shops().addTo(Tuple.tuple().addValue(from.atOffset(ZoneOffset.UTC))
        .addValue(to.atOffset(ZoneOffset.UTC))).addString(account);
    pool.preparedQuery(FIRST_RESPONSES).execute(t).onSuccess(rows -> {
      int conversations = 0;
      int spam = 0;
      int answered = 0;
      int answeredWithin = 0;
      int autoReplied = 0;
      List<Long> seconds = new ArrayList<>();
      for (Row r : rows) {
        if ("spam".equals(r.getString("status"))) {
          spam++;
          continue;
        }
        conversations++;
        if (r.getOffsetDateTime("first_auto") != null) {
          autoReplied++;
        }
        var human = r.getOffsetDateTime("first_human");
        if (human != null) {
          answered++;
          long s = Duration.between(r.getOffsetDateTime("first_in"), human).toSeconds();
          seconds.add(s);
          if (s <= within) {
            answeredWithin++;
          }
        }
      }
      Collections.sort(seconds);
      Responses.json(ctx, 200, new JsonObject().put("from", from.toString()).put("to", to.toString())
          .put("withinSeconds", within).put("conversations", conversations).put("spamExcluded", spam)
          .put("autoReplied", autoReplied).put("answered", answered).put("answeredWithin", answeredWithin)
          .put("responseRate", conversations == 0 ? null : (double) answeredWithin / conversations)
          .put("medianFirstResponseSeconds", seconds.isEmpty() ? null : seconds.get((seconds.size() - 1) / 2)));
    }).onFailure(ctx::fail);
  }
}
