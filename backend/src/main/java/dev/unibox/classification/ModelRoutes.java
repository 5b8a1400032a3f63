package dev.unibox.classification;

import dev.unibox.auth.AccessPolicy;
import dev.unibox.auth.AuthRoutes;
import dev.unibox.auth.CurrentUser;
import dev.unibox.web.ApiException;
import dev.unibox.web.QueryParams;
import dev.unibox.web.Responses;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Admins: list model versions with their test-split scores (and the old word lists' on the same split), retrain (a new inactive version), switch
 * to a version (or back). Supervisors and admins: how many corrections agents made (quality report).
 */
record ModelRoutes(Pool pool, Clock clock, Retraining retraining, LiveModel live, WordListBaseline baseline) {

  void mount(Router router) {
    router.get("/api/classifier/models").handler(this::list);
    router.post("/api/classifier/models").handler(this::retrain);
    router.post("/api/classifier/models/:version/activate").handler(this::activate);
    router.get("/api/quality/classification-corrections").handler(this::corrections);
  }

  private void list(RoutingContext ctx) {
    admin(AuthRoutes.user(ctx));
    Responses.reply(ctx, 200, baseline.scores().compose(words -> ClassificationStore.models(pool).map(models ->
        new JsonObject().put("activeVersion", live.version()).put("models", new JsonArray(models))
            .put("wordListScores", words))));
  }

  private void retrain(RoutingContext ctx) {
    CurrentUser user = admin(AuthRoutes.user(ctx));
    Responses.reply(ctx, 201, "model", retraining.train(user.id(), false));
  }

  private void activate(RoutingContext ctx) {
    admin(AuthRoutes.user(ctx));
    long version = Responses.pathId(ctx, "version");
    retraining.activate(version).onSuccess(found -> {
      if (!found) {
        ctx.fail(ApiException.notFound("Model version"));
        return;
      }
      Responses.json(ctx, 200, new JsonObject().put("activeVersion", version));
    }).onFailure(ctx::fail);
  }

  /** Corrections in [from, to] (default: the last 24 hours) in the caller's shops. */
  private void corrections(RoutingContext ctx) {
    CurrentUser user = AccessPolicy.requireOverseer(AuthRoutes.user(ctx),
        "Only supervisors and admins see the quality report");
    Instant to = QueryParams.instant(ctx, "to", clock.instant());
    Instant from = QueryParams.instant(ctx, "from", to.minus(Duration.ofDays(1)));
    ClassificationStore.correctionCounts(pool, from, to, user.shops())
        .onSuccess(counts -> Responses.json(ctx, 200, new JsonObject().put("from", from.toString())
            .put("to", to.toString()).put("corrections", counts)))
        .onFailure(ctx::fail);
  }

  /** The model serves every shop, so only an admin of every shop may retrain or switch it. */
  private static CurrentUser admin(CurrentUser user) {
    AccessPolicy.requireGlobalAdmin(user, "manage the classifier");
    return user;
  }
}
