package dev.unibox.reports;

import dev.unibox.auth.AccessPolicy;
import dev.unibox.auth.AuthRoutes;
import dev.unibox.auth.CurrentUser;
import dev.unibox.web.ApiException;
import dev.unibox.web.Responses;
import dev.unibox.events.EventNames;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.time.Clock;

/**
 * GET /api/reports/projections: the caller's shops inside their platform window, each with its indicator,
 * projection, line and the conversations that would save it. PUT /api/reports/projections/:accountId/line
 * sets the shop's own line (a share such as 0.85; null goes back to the platform's) and tells the shop's other
 * overseers at once, whether or not the projection crosses a line. Supervisors and admins.
 */
record ProjectionRoutes(Pool pool, Clock clock, ProjectionWatch watch) {

  void mount(Router router) {
    router.get("/api/reports/projections").handler(this::list);
    router.put("/api/reports/projections/:accountId/line").handler(this::setLine);
  }

  private void list(RoutingContext ctx) {
    CurrentUser user = overseer(ctx);
    watch.current(pool).onSuccess(all -> {
      JsonArray shops = new JsonArray();
      all.stream().filter(p -> user.mayServe(p.projection().accountId())).forEach(p -> shops.add(p.json()));
      Responses.json(ctx, 200, new JsonObject().put("shops", shops));
    }).onFailure(ctx::fail);
  }

  private void setLine(RoutingContext ctx) {
    CurrentUser user = overseer(ctx);
    String accountId = ctx.pathParam("accountId");
    if (!user.mayServe(accountId)) {
      throw ApiException.forbidden("This shop is not yours");
    }
    Object raw = Responses.body(ctx).getValue("line");
    if (raw != null && !(raw instanceof Number)) {
      throw ApiException.badRequest("bad_line", "line must be a share between 0 and 1 (such as 0.85), or null");
    }
    Double line = raw == null ? null : ((Number) raw).doubleValue();
    if (line != null && !(line > 0 && line <= 1)) {
      throw ApiException.badRequest("bad_line", "line must be a share between 0 and 1 (such as 0.85), or null");
    }
    JsonObject changed = new JsonObject().put("accountId", accountId).put("line", line).put("setBy", user.id());
    watch.work().run(change -> ProjectionStore.setLine(change.conn(), accountId, line, user.id(), change.now())
            .compose(v -> change.tellAbout(accountId, null, EventNames.PROJECTION_LINE, changed)))
        .compose(v -> watch.check())
        .onSuccess(n -> Responses.json(ctx, 200, new JsonObject().put("accountId", accountId).put("line", line)))
        .onFailure(e -> ctx.fail(isMissingShop(e) ? ApiException.notFound("Shop") : e));
  }

  private static boolean isMissingShop(Throwable e) {
    return e instanceof io.vertx.pgclient.PgException pg && "23503".equals(pg.getSqlState());
  }

  private static CurrentUser overseer(RoutingContext ctx) {
    return AccessPolicy.requireOverseer(AuthRoutes.user(ctx), "Only supervisors and admins see the platform projection");
  }
}
