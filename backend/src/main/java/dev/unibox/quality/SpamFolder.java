package dev.unibox.quality;

import dev.unibox.auth.AuthRoutes;
import dev.unibox.auth.CurrentUser;
import dev.unibox.conversations.Activities;
import dev.unibox.events.UnitOfWork;
import dev.unibox.quality.rules.SpamRules;
import dev.unibox.signals.Kicks;
import dev.unibox.web.ApiException;
import dev.unibox.web.Responses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The spam folder. A buyer message that the shop's spam rules recognise parks its conversation
 * (status {@code spam}): it is not routed, not in any inbox, and left out of response rates, as
 * Pinduoduo does with its suspected-spam group. Further messages of a parked conversation stay parked.
 * An agent of the shop restores it with one click: it is queued and routed like any other.
 */
public final class SpamFolder {

  static final String PARKED_ACTIVITY = "spam_parked";
  static final String RESTORED_ACTIVITY = "spam_restored";

  private static final String PARK = """
      UPDATE conversations SET status = 'spam', assignee_id = NULL, queued_at = NULL, waiting_since = NULL,
                               updated_at = $2
      WHERE id = $1""";

  private static final String STILL_PARKED = "UPDATE conversations SET waiting_since = NULL WHERE id = $1";

  private static final String INSERT_PARKING = """
      INSERT INTO spam_parkings (conversation_id, message_id, reason, parked_at) VALUES ($1, $2, $3, $4)""";

  private static final String LIST = """
      SELECT c.id, c.account_id, a.platform, a.shop_name, b.platform_buyer_id, b.name AS buyer_name,
             p.reason, p.parked_at,
             ARRAY(SELECT m.body FROM messages m WHERE m.conversation_id = c.id AND m.direction = 'in'
                   ORDER BY m.at DESC, m.id DESC LIMIT 5) AS recent
      FROM conversations c
      JOIN accounts a ON a.id = c.account_id
      JOIN buyers b ON b.id = c.buyer_id
      LEFT JOIN LATERAL (SELECT reason, parked_at FROM spam_parkings sp
                         WHERE sp.conversation_id = c.id AND sp.restored_at IS NULL
                         ORDER BY sp.parked_at DESC LIMIT 1) p ON true
      WHERE c.status = 'spam' AND ($1 OR c.account_id = ANY($2))
      ORDER BY p.parked_at DESC NULLS LAST, c.id DESC
      LIMIT 500""";

  private static final String LOCK = "SELECT id, account_id, status FROM conversations WHERE id = $1 FOR UPDATE";

  /** Back in the queue; it waits since the oldest buyer message after the last human answer. */
  private static final String RESTORE = """
      UPDATE conversations c SET status = 'queued', queued_at = $2, updated_at = $2,
        waiting_since = (SELECT min(m.at) FROM messages m
                         WHERE m.conversation_id = c.id AND m.direction = 'in'
                           AND m.at > COALESCE((SELECT max(o.at) FROM messages o WHERE o.conversation_id = c.id
                                                  AND o.direction = 'out' AND o.message_type <> 'autoreply'),
                                               '-infinity'::timestamptz))
      WHERE c.id = $1""";

  private static final String CLOSE_PARKINGS = """
      UPDATE spam_parkings SET restored_at = $2, restored_by = $3 WHERE conversation_id = $1 AND restored_at IS NULL""";

  private final UnitOfWork work;

  public SpamFolder(Vertx vertx, Pool pool, Clock clock) {
    this.work = new UnitOfWork(vertx, pool, clock);
  }

  public void mount(Router router) {
    router.get("/api/quality/spam").handler(this::list);
    router.post("/api/quality/spam/:id/restore").handler(this::restore);
  }

  /**
   * In the ingest transaction, for a new buyer message of a conversation that no agent holds: parks it when
   * the message is spam, keeps it parked (and not waiting) when it already is.
   *
   * @param known the verdict worked out before the transaction, or null to work it out here
   */
  Future<Void> afterBuyerMessage(SqlConnection conn, long conversationId, String status, long messageId, String text,
                                 SpamRules spam, SpamRules.Verdict known, Instant now) {
    if ("spam".equals(status)) {
      return conn.preparedQuery(STILL_PARKED).execute(Tuple.of(conversationId)).mapEmpty();
    }
    if (!"queued".equals(status) || !spam.configured()) {
      return Future.succeededFuture();
    }
    // Admins' patterns over a buyer's text: off the event loop (RE2 keeps each one linear).
    Future<SpamRules.Verdict> verdict = known != null ? Future.succeededFuture(known)
        : work.vertx().executeBlocking(() -> spam.classify(text), false);
    return verdict.compose(v -> v.spam() ? park(conn, conversationId, messageId, v, now) : Future.succeededFuture());
  }

  private Future<Void> park(SqlConnection conn, long conversationId, long messageId, SpamRules.Verdict verdict,
                            Instant now) {
    String reason = String.join(", ", verdict.reasons());
    return conn.preparedQuery(PARK).execute(Tuple.of(conversationId, now.atOffset(ZoneOffset.UTC)))
        .compose(v -> conn.preparedQuery(INSERT_PARKING).execute(Tuple.of(conversationId, messageId, reason,
            now.atOffset(ZoneOffset.UTC))))
        .compose(v -> Activities.record(conn, conversationId, PARKED_ACTIVITY, null, null,
            "Parked in the spam folder (" + reason + "); not routed and not counted in response rates", now));
  }

  private void list(RoutingContext ctx) {
    CurrentUser user = AuthRoutes.user(ctx);
    work.pool().preparedQuery(LIST).execute(user.shops().addTo(Tuple.tuple())).onSuccess(rows -> {
      JsonArray out = new JsonArray();
      for (Row r : rows) {
        var parkedAt = r.getOffsetDateTime("parked_at");
        out.add(new JsonObject().put("conversationId", r.getLong("id")).put("accountId", r.getString("account_id"))
            .put("platform", r.getString("platform")).put("shopName", r.getString("shop_name"))
            .put("buyer", new JsonObject().put("id", r.getString("platform_buyer_id")).put("name", r.getString("buyer_name")))
            .put("reason", r.getString("reason")).put("parkedAt", parkedAt == null ? null : parkedAt.toInstant().toString())
            .put("recentMessages", new JsonArray(java.util.List.of(r.getArrayOfStrings("recent")))));
      }
      Responses.json(ctx, 200, new JsonObject().put("conversations", out));
    }).onFailure(ctx::fail);
  }

  private void restore(RoutingContext ctx) {
    CurrentUser user = AuthRoutes.user(ctx);
    long id = Responses.pathId(ctx, "id");
    work.run(change -> change.conn().preparedQuery(LOCK).execute(Tuple.of(id)).compose(rows -> {
      SqlConnection conn = change.conn();
      Instant now = change.now();
      if (rows.size() == 0) {
        return Future.failedFuture(ApiException.notFound("Conversation"));
      }
      Row r = rows.iterator().next();
      Access.serves(user, r.getString("account_id"));
      if (!"spam".equals(r.getString("status"))) {
        return Future.failedFuture(new ApiException(409, "not_spam", "This conversation is not in the spam folder"));
      }
      return conn.preparedQuery(RESTORE).execute(Tuple.of(id, now.atOffset(ZoneOffset.UTC)))
          .compose(v -> conn.preparedQuery(CLOSE_PARKINGS).execute(Tuple.of(id, now.atOffset(ZoneOffset.UTC), user.id())))
          .compose(v -> Activities.record(conn, id, RESTORED_ACTIVITY, user.id(), null,
              "Restored from the spam folder by " + user.displayName() + "; back in the queue", now))
          .compose(v -> {
            change.afterCommit(Kicks::routing);
            return QualityOutbox.updated(change, id);
          });
    })).onSuccess(summary -> {
      Responses.json(ctx, 200, new JsonObject().put("conversation", summary));
    }).onFailure(ctx::fail);
  }
}
