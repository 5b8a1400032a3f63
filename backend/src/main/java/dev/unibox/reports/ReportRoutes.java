package dev.unibox.reports;

import dev.unibox.auth.AuthRoutes;
import dev.unibox.auth.CurrentUser;
import dev.unibox.web.ApiException;
import dev.unibox.web.QueryParams;
import dev.unibox.web.Responses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * GET /api/reports (JSON) and /api/reports/export?format=csv|xlsx. Supervisors and admins see their shops
 * (an admin of all shops: every shop); an agent sees only their own figures in the shops they serve.
 */
public record ReportRoutes(Vertx vertx, Pool pool, ReportService service, Clock clock) {

  static final int MAX_DAYS = 400;
  /** groupBy=dayhour: at most this many days (744 groups). */
  static final int MAX_CLOCK_HOUR_DAYS = 31;

  public void mount(Router router) {
    router.get("/api/reports").handler(ctx -> Responses.reply(ctx, 200, filter(ctx).compose(service::report)));
    router.get("/api/reports/export").handler(this::export);
  }

  private void export(RoutingContext ctx) {
    String format = QueryParams.oneOf(ctx, "format", "csv", List.of("csv", "xlsx"));
    filter(ctx).compose(service::report)
        .compose(r -> vertx.executeBlocking(() -> "csv".equals(format) ? ReportExport.csv(r) : ReportExport.xlsx(r), false)
            .map(body -> {
              String name = "unibox-report-" + r.getString("from") + "-" + r.getString("to") + "." + format;
              ctx.response().putHeader("content-type", "csv".equals(format) ? "text/csv; charset=utf-8"
                      : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                  .putHeader("content-disposition", "attachment; filename=\"" + name + "\"").end(body);
              return null;
            }))
        .onFailure(ctx::fail);
  }

  /** The request's filter, scoped to what the caller may see; bad values are 400, foreign shops 403. */
  Future<ReportFilter> filter(RoutingContext ctx) {
    CurrentUser user = AuthRoutes.user(ctx);
    ZoneId zone = QueryParams.zone(ctx);
    LocalDate today = clock.instant().atZone(zone).toLocalDate();
    LocalDate to = QueryParams.date(ctx, "to", today);
    LocalDate from = QueryParams.date(ctx, "from", to.minusDays(6));
    if (from.isAfter(to)) {
      throw ApiException.badRequest("bad_date", "from must not be after to");
    }
    if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
      throw ApiException.badRequest("bad_date", "a report covers at most " + MAX_DAYS + " days");
    }
    String groupBy = ctx.request().getParam("groupBy", "day");
    if (!ReportQueryStore.GROUPS.containsKey(groupBy)) {
      throw ApiException.badRequest("bad_groupBy", "groupBy must be one of " + new java.util.TreeSet<>(ReportQueryStore.GROUPS.keySet()));
    }
    if ("dayhour".equals(groupBy) && ChronoUnit.DAYS.between(from, to) >= MAX_CLOCK_HOUR_DAYS) {
      throw ApiException.badRequest("bad_date", "a report per clock hour covers at most " + MAX_CLOCK_HOUR_DAYS + " days");
    }
    String platform = QueryParams.text(ctx, "platform");
    String team = QueryParams.text(ctx, "team");
    String shop = QueryParams.text(ctx, "accountId");
    Long agent = agent(ctx, user);
    if (shop != null && !user.mayServe(shop)) {
      throw ApiException.forbidden("This shop is not yours");
    }
    Future<List<String>> scope = shop != null ? Future.succeededFuture(List.of(shop))
        : user.allAccounts() ? ReportQueryStore.allAccounts(pool) : Future.succeededFuture(List.copyOf(user.accountIds()));
    return scope.map(accounts -> new ReportFilter(from, to, accounts, platform, team, agent, groupBy, zone));
  }

  private static Long agent(RoutingContext ctx, CurrentUser user) {
    Long asked = QueryParams.id(ctx, "agentId");
    if (user.oversees()) {
      return asked;
    }
    if (asked != null && asked != user.id()) {
      throw ApiException.forbidden("Agents see only their own figures");
    }
    return user.id();
  }
}
