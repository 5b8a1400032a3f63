package dev.unibox.planning;

import dev.unibox.auth.AuthRoutes;
import dev.unibox.auth.CurrentUser;
import dev.unibox.web.ApiException;
import dev.unibox.web.Responses;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.regex.Pattern;

/**
 * The staffing planner's API (supervisors only):
 * {@code GET /api/planner/scenarios} lists the shipped scenarios;
 * {@code POST /api/planner/plan} with {@code {scenario: "11-11-peak.yaml"}} or {@code {historyDays: 28,
 * holdSeconds?, chatsPerAgent?}} and optional {@code targets {urgentRate, regularRate, maxOccupancy}}
 * returns agents and standby per hour and language.
 */
public final class PlanningRoutes {

  private static final Pattern FILE = Pattern.compile("[a-z0-9][a-z0-9-]{0,60}\\.yaml");

  private final PlanningService planning;

  public PlanningRoutes(PlanningService planning) {
    this.planning = planning;
  }

  public void mount(Router router) {
    router.get("/api/planner/scenarios").handler(this::scenarios);
    router.post("/api/planner/plan").handler(this::plan);
  }

  private void scenarios(RoutingContext ctx) {
    supervisor(ctx);
    planning.scenarios().onSuccess(list -> Responses.json(ctx, 200, new JsonObject().put("scenarios", list)))
        .onFailure(ctx::fail);
  }

  private void plan(RoutingContext ctx) {
    supervisor(ctx);
    JsonObject body = Responses.body(ctx);
    StaffingPlanner.Targets targets = targets(body.getValue("targets"));
    Object scenario = body.getValue("scenario");
    if (scenario != null) {
      if (!(scenario instanceof String file) || !FILE.matcher(file).matches()) {
        throw ApiException.badRequest("bad_scenario", "scenario must be a file name such as 11-11-peak.yaml");
      }
      if (!planning.hasScenario(file)) {
        throw ApiException.notFound("Scenario " + file);
      }
      planning.forScenario(file, targets).onSuccess(plan -> Responses.json(ctx, 200, plan)).onFailure(ctx::fail);
      return;
    }
    int days = whole(body, "historyDays", 28, 1, 365);
    double hold = whole(body, "holdSeconds", 240, 10, 7200);
    int chats = whole(body, "chatsPerAgent", 5, 1, 50);
    planning.fromHistory(days, hold, chats, targets).onSuccess(plan -> Responses.json(ctx, 200, plan))
        .onFailure(ctx::fail);
  }

  private static void supervisor(RoutingContext ctx) {
    CurrentUser user = AuthRoutes.user(ctx);
    if (!user.oversees()) {
      throw ApiException.forbidden("Only supervisors plan staffing");
    }
  }

  private static StaffingPlanner.Targets targets(Object raw) {
    StaffingPlanner.Targets d = StaffingPlanner.Targets.standard();
    if (raw == null) {
      return d;
    }
    if (!(raw instanceof JsonObject t)) {
      throw ApiException.badRequest("bad_targets", "targets must be an object");
    }
    return new StaffingPlanner.Targets(rate(t, "urgentRate", d.urgentRate()), d.urgentSeconds(),
        rate(t, "regularRate", d.regularRate()), d.regularSeconds(), d.readSeconds(),
        rate(t, "maxOccupancy", d.maxOccupancy()));
  }

  private static double rate(JsonObject t, String field, double fallback) {
    Object v = t.getValue(field);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof Number n) || n.doubleValue() <= 0 || n.doubleValue() >= 1) {
      throw ApiException.badRequest("bad_targets", "targets." + field + " must be a number between 0 and 1 (exclusive)");
    }
    return n.doubleValue();
  }

  private static int whole(JsonObject body, String field, int fallback, int min, int max) {
    Object v = body.getValue(field);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof Integer || v instanceof Long) || ((Number) v).longValue() < min || ((Number) v).longValue() > max) {
      throw ApiException.badRequest("bad_" + field, field + " must be a whole number from " + min + " to " + max);
    }
    return ((Number) v).intValue();
  }
}
