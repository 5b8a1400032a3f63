package dev.unibox.reports;

import dev.unibox.auth.AccessPolicy;
import dev.unibox.auth.AuthRoutes;
import dev.unibox.auth.CurrentUser;
import dev.unibox.web.ApiException;
import dev.unibox.web.QueryParams;
import dev.unibox.web.Responses;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.util.List;

/**
 * The stored daily and weekly reports: GET /api/reports/snapshots (list) and /api/reports/snapshots/:id
 * (?format=csv|xlsx to download). Supervisors and admins of the shop; the team report for admins of all shops.
 */
record SnapshotRoutes(Vertx vertx, Pool pool) {

  void mount(Router router) {
    router.get("/api/reports/snapshots").handler(this::list);
    router.get("/api/reports/snapshots/:id").handler(this::one);
  }

  private static CurrentUser overseer(RoutingContext ctx) {
    return AccessPolicy.requireOverseer(AuthRoutes.user(ctx), "Only supervisors and admins see the shops' reports");
  }

  private void list(RoutingContext ctx) {
    CurrentUser user = overseer(ctx);
    String period = QueryParams.oneOf(ctx, "period", null, List.of("day", "week"));
    String scope = QueryParams.text(ctx, "scope");
    var accounts = user.allAccounts() ? ReportQueryStore.allAccounts(pool)
        : io.vertx.core.Future.succeededFuture(List.copyOf(user.accountIds()));
    accounts.compose(ids -> SnapshotStore.snapshots(pool, ids, user.allAccounts(), scope, period)).onSuccess(list -> {
      JsonArray out = new JsonArray();
      list.forEach(s -> out.add(new JsonObject().put("id", s.id()).put("scope", s.scope()).put("period", s.period())
          .put("periodStart", s.periodStart().toString()).put("version", s.version())
          .put("generatedAt", s.generatedAt().toString())));
      Responses.json(ctx, 200, new JsonObject().put("snapshots", out));
    }).onFailure(ctx::fail);
  }

  private void one(RoutingContext ctx) {
    CurrentUser user = overseer(ctx);
    long id = Responses.pathId(ctx, "id");
    String format = QueryParams.oneOf(ctx, "format", "json", List.of("json", "csv", "xlsx"));
    SnapshotStore.snapshot(pool, id).compose(s -> {
      boolean allowed = s != null && (ReportSnapshots.TEAM.equals(s.scope()) ? user.allAccounts() : user.mayServe(s.scope()));
      if (!allowed) {
        throw ApiException.notFound("Report");
      }
      if ("json".equals(format)) {
        Responses.json(ctx, 200, new JsonObject().put("id", s.id()).put("scope", s.scope()).put("period", s.period())
            .put("periodStart", s.periodStart().toString()).put("version", s.version())
            .put("generatedAt", s.generatedAt().toString()).put("report", s.body()));
        return io.vertx.core.Future.succeededFuture();
      }
      return vertx.executeBlocking(() -> "csv".equals(format) ? ReportExport.csv(s.body()) : ReportExport.xlsx(s.body()), false)
          .map(body -> {
            String name = "unibox-" + s.scope() + "-" + s.period() + "-" + s.periodStart() + "-v" + s.version() + "." + format;
            ctx.response().putHeader("content-type", "csv".equals(format) ? "text/csv; charset=utf-8"
                    : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .putHeader("content-disposition", "attachment; filename=\"" + name + "\"").end(body);
            return null;
          });
    }).onFailure(ctx::fail);
  }
}
