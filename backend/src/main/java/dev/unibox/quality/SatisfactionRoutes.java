package dev.unibox.quality;

import dev.unibox.auth.AuthRoutes;
import dev.unibox.auth.CurrentUser;
import dev.unibox.web.ApiException;
import dev.unibox.web.Responses;
import dev.unibox.web.QueryParams;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/** HTTP of satisfaction: a conversation's invite state, the invite, a platform's rating, the rates. */
record SatisfactionRoutes(Satisfaction satisfaction, Clock clock) {

  static final Set<String> RATINGS = Set.of("satisfied", "neutral", "dissatisfied");

  void mount(Router router) {
    router.get("/api/conversations/:id/satisfaction").handler(this::state);
    router.post("/api/conversations/:id/satisfaction/invite").handler(this::invite);
    router.post("/api/conversations/:id/satisfaction/ratings").handler(this::recordPlatformRating);
    router.get("/api/quality/satisfaction").handler(this::rates);
  }

  private void state(RoutingContext ctx) {
    Responses.reply(ctx, 200, satisfaction.state(AuthRoutes.user(ctx), Responses.pathId(ctx, "id")));
  }

  private void invite(RoutingContext ctx) {
    Responses.reply(ctx, 201, "message", satisfaction.invite(AuthRoutes.user(ctx), Responses.pathId(ctx, "id")));
  }

  /** {rating: satisfied|neutral|dissatisfied, reason?: id, ratedAt?: ISO instant}; supervisors only. */
  private void recordPlatformRating(RoutingContext ctx) {
    CurrentUser user = AuthRoutes.user(ctx);
    Access.overseer(user);
    long id = Responses.pathId(ctx, "id");
    JsonObject body = Responses.body(ctx);
    if (!(body.getValue("rating") instanceof String rating) || !RATINGS.contains(rating)) {
      throw ApiException.badRequest("bad_rating", "rating must be satisfied, neutral or dissatisfied");
    }
    Object reason = body.getValue("reason");
    if (reason != null && (!(reason instanceof String s) || !s.matches("[a-z][a-z0-9_]{0,39}"))) {
      throw ApiException.badRequest("bad_reason", "reason is an id such as bad_attitude, slow_reply, not_solved");
    }
    Instant ratedAt = body.getValue("ratedAt") instanceof String t ? parse(t) : null;
    Responses.reply(ctx, 201, "id", satisfaction.recordPlatformRating(user, id, rating, (String) reason, ratedAt));
  }

  /** Satisfaction and bad-attitude rates per agent and in total, for a natural week or month. */
  private void rates(RoutingContext ctx) {
    CurrentUser user = AuthRoutes.user(ctx);
    Access.overseer(user);
    ZoneId zone = QueryParams.zone(ctx);
    String name = QueryParams.oneOf(ctx, "period", "week", List.of("week", "month"));
    LocalDate date = QueryParams.date(ctx, "date", LocalDate.now(clock.withZone(zone)));
    SatisfactionRates.Period period = SatisfactionRates.Period.of(name, date);
    String account = QueryParams.text(ctx, "accountId");
    if (account != null) {
      Access.serves(user, account);
    }
    Responses.reply(ctx, 200, satisfaction.rates(user, period, zone, account).map(rates -> new JsonObject()
        .put("period", name).put("from", period.from().toString()).put("to", period.to().toString())
        .put("zone", zone.getId()).put("total", rates.totalJson()).put("agents", rates.agentsJson())));
  }

  private static Instant parse(String t) {
    try {
      return Instant.parse(t);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("bad_time", "ratedAt must be an ISO-8601 instant");
    }
  }
}
