package dev.unibox.quality;

import dev.unibox.auth.AuthRoutes;
import dev.unibox.auth.CurrentUser;
import dev.unibox.conversations.Activities;
import dev.unibox.events.PendingEvents;
import dev.unibox.quality.rules.RuleSet;
import dev.unibox.quality.rules.SatisfactionSettings;
import dev.unibox.quality.rules.Texts;
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
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Satisfaction invites and ratings. An invite is allowed only on a solved conversation (one bad rating
 * needs about four good ones to recover, so never invite before the problem is solved), once per
 * solving, by the agent who served it or a supervisor of the shop. The invite goes to the buyer through
 * the outbox; the buyer's answer in chat ("1", "满意", "3 态度差"…) is read while the invite is open and
 * stored per conversation and agent; ratings the platform reports elsewhere can be recorded by a
 * supervisor. The rates follow Kuaishou: satisfaction = satisfied / all ratings per natural week;
 * bad-attitude = neutral+dissatisfied ratings whose reason is bad attitude / neutral+dissatisfied, per
 * natural month.
 */
public final class Satisfaction {

  static final String INVITED_ACTIVITY = "satisfaction_invited";
  static final String RATED_ACTIVITY = "satisfaction_rated";
  static final Set<String> RATINGS = Set.of("satisfied", "neutral", "dissatisfied");
  private static final String NOT_SOLVED = "Invite a rating only once the buyer's problem is solved: mark the "
      + "conversation solved first. One bad rating takes about four good ones to make up for.";

  private static final String CONVERSATION = """
      SELECT c.id, c.account_id, c.status, c.language, c.last_assignee_id, a.platform, a.shop_name, b.name AS buyer_name,
             (SELECT max(ac.at) FROM activities ac WHERE ac.conversation_id = c.id AND ac.type = 'closed') AS solved_at,
             (SELECT max(i.invited_at) FROM satisfaction_invites i WHERE i.conversation_id = c.id) AS last_invite_at
      FROM conversations c JOIN accounts a ON a.id = c.account_id JOIN buyers b ON b.id = c.buyer_id
      WHERE c.id = $1""";

  private static final String LOCK = "SELECT id FROM conversations WHERE id = $1 FOR UPDATE";

  private static final String INSERT_INVITE = """
      INSERT INTO satisfaction_invites (conversation_id, agent_id, message_id, invited_at, expires_at)
      VALUES ($1, $2, $3, $4, $5) RETURNING id""";

  private static final String OPEN_INVITE = """
      SELECT id, agent_id, expires_at FROM satisfaction_invites WHERE conversation_id = $1 AND ended_at IS NULL""";

  private static final String END_INVITE = "UPDATE satisfaction_invites SET ended_at = $2, outcome = $3 WHERE id = $1";

  private static final String INSERT_RATING = """
      INSERT INTO satisfaction_ratings (conversation_id, account_id, agent_id, invite_id, rating, reason, source,
                                        message_id, recorded_by, rated_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id""";

  /** The buyer's answer reopened the solved conversation: it stays solved. */
  private static final String KEEP_SOLVED = """
      UPDATE conversations SET status = 'closed', queued_at = NULL, waiting_since = NULL, updated_at = $2
      WHERE id = $1 AND status = 'queued'""";

  private static final String HISTORY = """
      SELECT 'invite' AS kind, i.id, i.agent_id, u.display_name, NULL AS rating, NULL AS reason, NULL AS source,
             i.invited_at AS at, i.outcome
      FROM satisfaction_invites i JOIN users u ON u.id = i.agent_id WHERE i.conversation_id = $1
      UNION ALL
      SELECT 'rating', r.id, r.agent_id, u.display_name, r.rating, r.reason, r.source, r.rated_at, NULL
      FROM satisfaction_ratings r LEFT JOIN users u ON u.id = r.agent_id WHERE r.conversation_id = $1
      ORDER BY at""";

  private static final String RATES = """
      SELECT r.agent_id, u.display_name, r.rating, r.reason, count(*) AS n
      FROM satisfaction_ratings r LEFT JOIN users u ON u.id = r.agent_id
      WHERE r.rated_at >= $1 AND r.rated_at < $2 AND ($3 OR r.account_id = ANY($4))
        AND ($5::text IS NULL OR r.account_id = $5)
      GROUP BY r.agent_id, u.display_name, r.rating, r.reason""";

  private final Vertx vertx;
  private final Pool pool;
  private final QualityRules rules;
  private final Clock clock;

  public Satisfaction(Vertx vertx, Pool pool, QualityRules rules, Clock clock) {
    this.vertx = vertx;
    this.pool = pool;
    this.rules = rules;
    this.clock = clock;
  }

  public void mount(Router router) {
    router.get("/api/conversations/:id/satisfaction").handler(this::state);
    router.post("/api/conversations/:id/satisfaction/invite").handler(this::invite);
    router.post("/api/conversations/:id/satisfaction/ratings").handler(this::recordPlatformRating);
    router.get("/api/quality/satisfaction").handler(this::rates);
  }

  /** Whether an invite is possible now, why not, and the conversation's invites and ratings. */
  private void state(RoutingContext ctx) {
    CurrentUser user = AuthRoutes.user(ctx);
    long id = Responses.pathId(ctx, "id");
    facts(pool, id).compose(f -> {
      mayAct(user, f);
      return pool.preparedQuery(HISTORY).execute(Tuple.of(id)).map(rows -> {
        JsonArray history = new JsonArray();
        for (Row r : rows) {
          history.add(new JsonObject().put("kind", r.getString("kind")).put("id", r.getLong("id"))
              .put("agent", r.getLong("agent_id") == null ? null
                  : new JsonObject().put("id", r.getLong("agent_id")).put("displayName", r.getString("display_name")))
              .put("rating", r.getString("rating")).put("reason", r.getString("reason"))
              .put("source", r.getString("source")).put("outcome", r.getString("outcome"))
              .put("at", r.getOffsetDateTime("at").toInstant().toString()));
        }
        String why = whyNot(f);
        return new JsonObject().put("canInvite", why == null).put("why", why).put("history", history);
      });
    }).onSuccess(body -> Responses.json(ctx, 200, body)).onFailure(ctx::fail);
  }

  private void invite(RoutingContext ctx) {
    CurrentUser user = AuthRoutes.user(ctx);
    long id = Responses.pathId(ctx, "id");
    PendingEvents events = new PendingEvents();
    Instant now = clock.instant();
    pool.withTransaction(conn -> conn.preparedQuery(LOCK).execute(Tuple.of(id)).compose(locked -> {
      if (locked.size() == 0) {
        return Future.failedFuture(ApiException.notFound("Conversation"));
      }
      return facts(conn, id);
    }).compose(f -> {
      mayAct(user, f);
      String why = whyNot(f);
      if (why != null) {
        return Future.failedFuture(new ApiException(409, "closed".equals(f.status) ? "already_invited" : "not_solved", why));
      }
      RuleSet set = rules.forShop(f.platform, f.accountId);
      SatisfactionSettings s = set.satisfaction();
      Texts.Variant variant = Texts.pick(s.invite(), f.language, set.autoReplies().defaultLanguage());
      if (variant == null) {
        return Future.failedFuture(new ApiException(409, "no_invite_text", "This shop has no satisfaction invite text"
            + " configured (quality rules: satisfaction.invite)"));
      }
      String text = Texts.render(variant.text(), Map.of("shopName", f.shopName, "buyerName", f.buyerName)).text();
      return QualityOutbox.send(conn, id, f.accountId, "text", text, user.id(), user.displayName(), now, events)
          .compose(message -> conn.preparedQuery(INSERT_INVITE).execute(Tuple.of(id, user.id(), message.getLong("id"),
                  now.atOffset(ZoneOffset.UTC), now.plus(Duration.ofHours(s.validHours())).atOffset(ZoneOffset.UTC)))
              .compose(v -> Activities.record(conn, id, INVITED_ACTIVITY, user.id(), null,
                  user.displayName() + " invited the buyer to rate the service", now))
              .map(message));
    })).onSuccess(message -> {
      events.publish(vertx);
      Kicks.outbox(vertx);
      Responses.json(ctx, 201, new JsonObject().put("message", message));
    }).onFailure(ctx::fail);
  }

  /**
   * In the ingest transaction: a buyer message while an invite is open is read as the rating; anything
   * else (or after the invite expired) ends the invite. True when the message was a rating.
   */
  Future<Boolean> afterBuyerMessage(SqlConnection conn, long conversationId, String accountId, String status,
                                    long messageId, String text, SatisfactionSettings settings, Instant now) {
    return conn.preparedQuery(OPEN_INVITE).execute(Tuple.of(conversationId)).compose(rows -> {
      if (rows.size() == 0) {
        return Future.succeededFuture(false);
      }
      Row invite = rows.iterator().next();
      long inviteId = invite.getLong("id");
      var rating = invite.getOffsetDateTime("expires_at").toInstant().isAfter(now) ? settings.read(text)
          : java.util.Optional.<SatisfactionSettings.Rating>empty();
      if (rating.isEmpty()) {
        return conn.preparedQuery(END_INVITE).execute(Tuple.of(inviteId, now.atOffset(ZoneOffset.UTC), "voided")).map(false);
      }
      SatisfactionSettings.Rating r = rating.get();
      return conn.preparedQuery(END_INVITE).execute(Tuple.of(inviteId, now.atOffset(ZoneOffset.UTC), "rated"))
          .compose(v -> conn.preparedQuery(INSERT_RATING).execute(Tuple.from(new Object[] {conversationId, accountId,
              invite.getLong("agent_id"), inviteId, r.rating(), r.reason(), "chat", messageId, null,
              now.atOffset(ZoneOffset.UTC)})))
          .compose(v -> "queued".equals(status)
              ? conn.preparedQuery(KEEP_SOLVED).execute(Tuple.of(conversationId, now.atOffset(ZoneOffset.UTC))).mapEmpty()
              : Future.<Void>succeededFuture())
          .compose(v -> Activities.record(conn, conversationId, RATED_ACTIVITY, null, invite.getLong("agent_id"),
              "The buyer rated the service: " + r.rating() + (r.reason() == null ? "" : " (" + r.reason().replace('_', ' ')
                  + ")") + "; the conversation stays solved", now))
          .map(true);
    });
  }

  /** A rating the platform reported elsewhere (e.g. Kuaishou's back office), entered by a supervisor. */
  private void recordPlatformRating(RoutingContext ctx) {
    CurrentUser user = AuthRoutes.user(ctx);
    Access.overseer(user);
    long id = Responses.pathId(ctx, "id");
    JsonObject body = Responses.body(ctx);
    if (!(body.getValue("rating") instanceof String rating) || !RATINGS.contains(rating)) {
      throw ApiException.badRequest("bad_rating", "rating must be satisfied, neutral or dissatisfied");
    }
    Object reasonValue = body.getValue("reason");
    if (reasonValue != null && (!(reasonValue instanceof String s) || !s.matches("[a-z][a-z0-9_]{0,39}"))) {
      throw ApiException.badRequest("bad_reason", "reason is an id such as bad_attitude, slow_reply, not_solved");
    }
    Instant ratedAt = body.getValue("ratedAt") instanceof String t ? parse(t) : clock.instant();
    facts(pool, id).compose(f -> {
      Access.serves(user, f.accountId);
      return pool.preparedQuery(INSERT_RATING).execute(Tuple.from(new Object[] {id, f.accountId, f.lastAssigneeId, null,
          rating, reasonValue, "platform", null, user.id(), ratedAt.atOffset(ZoneOffset.UTC)}));
    }).onSuccess(rows -> Responses.json(ctx, 201, new JsonObject().put("id", rows.iterator().next().getLong("id"))))
        .onFailure(ctx::fail);
  }

  /** Satisfaction and bad-attitude rates per agent and in total, for a natural week or month. */
  private void rates(RoutingContext ctx) {
    CurrentUser user = AuthRoutes.user(ctx);
    Access.overseer(user);
    ZoneId zone = Params.zone(ctx);
    String period = Params.text(ctx, "period") == null ? "week" : Params.text(ctx, "period");
    if (!period.equals("week") && !period.equals("month")) {
      throw ApiException.badRequest("bad_period", "period must be week or month");
    }
    LocalDate date = Params.date(ctx, "date", LocalDate.now(clock.withZone(zone)));
    LocalDate start = period.equals("week") ? date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
        : date.withDayOfMonth(1);
    LocalDate end = period.equals("week") ? start.plusWeeks(1) : start.plusMonths(1);
    String account = Params.text(ctx, "accountId");
    if (account != null) {
      Access.serves(user, account);
    }
    Tuple t = Access.shops(Tuple.tuple().addValue(start.atStartOfDay(zone).toOffsetDateTime())
        .addValue(end.atStartOfDay(zone).toOffsetDateTime()), user).addString(account);
    pool.preparedQuery(RATES).execute(t).onSuccess(rows -> {
      Counts total = new Counts(null, "All agents");
      Map<Long, Counts> agents = new LinkedHashMap<>();
      for (Row r : rows) {
        Long agentId = r.getLong("agent_id");
        Counts c = agents.computeIfAbsent(agentId == null ? -1 : agentId,
            k -> new Counts(agentId, agentId == null ? "(no agent)" : r.getString("display_name")));
        long n = r.getLong("n");
        c.add(r.getString("rating"), r.getString("reason"), n);
        total.add(r.getString("rating"), r.getString("reason"), n);
      }
      JsonArray perAgent = new JsonArray();
      agents.values().forEach(c -> perAgent.add(c.json()));
      Responses.json(ctx, 200, new JsonObject().put("period", period).put("from", start.toString())
          .put("to", end.toString()).put("zone", zone.getId()).put("total", total.json()).put("agents", perAgent));
    }).onFailure(ctx::fail);
  }

  /** Kuaishou's two rates over some ratings. */
  static final class Counts {
    final Long agentId;
    final String name;
    long satisfied;
    long neutral;
    long dissatisfied;
    long badAttitude;

    Counts(Long agentId, String name) {
      this.agentId = agentId;
      this.name = name;
    }

    void add(String rating, String reason, long n) {
      switch (rating) {
        case "satisfied" -> satisfied += n;
        case "neutral" -> neutral += n;
        default -> dissatisfied += n;
      }
      if (!"satisfied".equals(rating) && "bad_attitude".equals(reason)) {
        badAttitude += n;
      }
    }

    JsonObject json() {
      long all = satisfied + neutral + dissatisfied;
      long notSatisfied = neutral + dissatisfied;
      return new JsonObject()
          .put("agent", agentId == null ? null : new JsonObject().put("id", agentId).put("displayName", name))
          .put("satisfied", satisfied).put("neutral", neutral).put("dissatisfied", dissatisfied)
          .put("badAttitude", badAttitude)
          .put("satisfactionRate", all == 0 ? null : (double) satisfied / all)
          .put("badAttitudeRate", notSatisfied == 0 ? null : (double) badAttitude / notSatisfied);
    }
  }

  private record Facts(long id, String accountId, String status, String language, Long lastAssigneeId,
                       String platform, String shopName, String buyerName, Instant solvedAt, Instant lastInviteAt) {}

  private static Future<Facts> facts(SqlClient client, long id) {
    return client.preparedQuery(CONVERSATION).execute(Tuple.of(id)).compose(rows -> {
      if (rows.size() == 0) {
        return Future.failedFuture(ApiException.notFound("Conversation"));
      }
      Row r = rows.iterator().next();
      var solved = r.getOffsetDateTime("solved_at");
      var invited = r.getOffsetDateTime("last_invite_at");
      return Future.succeededFuture(new Facts(r.getLong("id"), r.getString("account_id"), r.getString("status"),
          r.getString("language"), r.getLong("last_assignee_id"), r.getString("platform"), r.getString("shop_name"),
          r.getString("buyer_name"), solved == null ? null : solved.toInstant(),
          invited == null ? null : invited.toInstant()));
    });
  }

  /** The agent who served it, or a supervisor/admin of its shop. */
  private static void mayAct(CurrentUser user, Facts f) {
    boolean may = user.oversees() ? user.mayServe(f.accountId)
        : f.lastAssigneeId != null && f.lastAssigneeId == user.id();
    if (!may) {
      throw ApiException.forbidden("Only the agent who served this conversation or a supervisor of its shop may do this");
    }
  }

  /** Null when an invite may be sent now, else the reason shown to the agent. */
  private static String whyNot(Facts f) {
    if (!"closed".equals(f.status)) {
      return NOT_SOLVED;
    }
    if (f.lastInviteAt != null && (f.solvedAt == null || !f.lastInviteAt.isBefore(f.solvedAt))) {
      return "The buyer was already invited to rate this conversation since it was solved.";
    }
    return null;
  }

  private static Instant parse(String t) {
    try {
      return Instant.parse(t);
    } catch (java.time.format.DateTimeParseException e) {
      throw ApiException.badRequest("bad_time", "ratedAt must be an ISO-8601 instant");
    }
  }
}
