package dev.unibox.planning;

import dev.unibox.auth.AccessPolicy;
import dev.unibox.auth.AuthRoutes;
import dev.unibox.auth.CurrentUser;
import dev.unibox.web.QueryParams;
import dev.unibox.web.Responses;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;

/**
 * The staffing plan (docs/api.md, "Staffing plan"): supervisors and admins plan from their shops' history; applying
 * a plan or removing planned surge windows changes the whole inbox's roster and surge, so it takes a supervisor or
 * admin of every shop (as editing the roster does).
 */
public record StaffingRoutes(StaffingService staffing, Clock clock) {

  public void mount(Router router) {
    router.get("/api/staffing/plan").handler(this::plan);
    router.post("/api/staffing/plan/apply").handler(this::apply);
    router.get("/api/staffing/windows").handler(this::windows);
    router.delete("/api/staffing/windows").handler(this::removeWindows);
  }

  private void plan(RoutingContext ctx) {
    CurrentUser user = overseer(ctx);
    PlanRequest request = PlanRequest.read(name -> QueryParams.text(ctx, name));
    Responses.reply(ctx, 200, staffing.plan(user, request).map(StaffingPlan::json));
  }

  private void apply(RoutingContext ctx) {
    CurrentUser user = overseer(ctx);
    AccessPolicy.requireGlobalOverseer(user, "apply a staffing plan");
    Responses.reply(ctx, 200, staffing.apply(user, PlanRequest.read(Responses.body(ctx))));
  }

  private void windows(RoutingContext ctx) {
    overseer(ctx);
    Responses.reply(ctx, 200, staffing.windows(date(ctx)));
  }

  private void removeWindows(RoutingContext ctx) {
    AccessPolicy.requireGlobalOverseer(AuthRoutes.user(ctx), "remove planned surge windows");
    Responses.reply(ctx, 200, staffing.removeWindows(date(ctx)));
  }

  private static CurrentUser overseer(RoutingContext ctx) {
    return AccessPolicy.requireOverseer(AuthRoutes.user(ctx), "Only supervisors and admins plan staffing");
  }

  /** {@code date}, tomorrow in the roster's zone when absent. */
  private LocalDate date(RoutingContext ctx) {
    LocalDate tomorrow = clock.instant().atZone(staffing.zone()).toLocalDate().plusDays(1);
    return QueryParams.date(ctx, "date", tomorrow);
  }
}
