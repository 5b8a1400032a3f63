package dev.unibox.reports;

import dev.unibox.events.EventNames;
import dev.unibox.events.UnitOfWork;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Projects every shop's platform indicator (after each rollup sweep) and tells the shop's supervisors and
 * admins on their sockets when the projection falls below the line, and again when it is back above.
 */
public final class ProjectionWatch {

  private final UnitOfWork work;

  ProjectionWatch(Vertx vertx, Pool pool, Clock clock) {
    this.work = new UnitOfWork(vertx, pool, clock);
  }

  /** A shop and its projection. */
  record ShopProjection(ProjectionStore.Shop shop, Projection projection) {

    JsonObject json() {
      return ProjectionWatch.json(shop, projection);
    }
  }

  /** Each shop inside its window now, with its projection, in shop order. */
  Future<List<ShopProjection>> current(SqlClient c) {
    Instant now = work.clock().instant();
    return ProjectionStore.shops(c).compose(shops -> {
      Map<String, ProjectionStore.Shop> open = new LinkedHashMap<>();
      Map<String, Projection.Window> windows = new LinkedHashMap<>();
      Map<String, LocalDate> days = new LinkedHashMap<>();
      for (ProjectionStore.Shop shop : shops) {
        Projection.Window w = Projection.window(PlatformRule.of(shop.platform()), shop.zone(), now);
        if (w != null) {
          open.put(shop.accountId(), shop);
          windows.put(shop.accountId(), w);
          days.put(shop.accountId(), w.day());
        }
      }
      if (open.isEmpty()) {
        return Future.succeededFuture(List.of());
      }
      return ProjectionStore.waits(c, days).map(waits -> {
        List<ShopProjection> out = new ArrayList<>();
        open.forEach((id, shop) -> {
          PlatformRule rule = PlatformRule.of(shop.platform());
          double line = shop.ownLine() != null ? shop.ownLine() : rule.line();
          Projection p = Projection.of(id, rule, line, windows.get(id), waits.getOrDefault(id, List.of()), now);
          out.add(new ShopProjection(shop, p));
        });
        return out;
      });
    });
  }

  /** The unit of work of projection changes (a shop's own line is one too). */
  UnitOfWork work() {
    return work;
  }

  /** One pass: stores each shop's state and raises an event for every shop that crossed its line. */
  public Future<Integer> check() {
    return work.run(unit -> {
      SqlConnection c = unit.conn();
      Instant now = unit.now();
      return ProjectionStore.lockChecks(c).compose(x -> current(c)).compose(projections -> {
      if (projections.isEmpty()) {
        return Future.succeededFuture(0);
      }
      Map<String, JsonObject> byShop = new LinkedHashMap<>();
      projections.forEach(p -> byShop.put(p.projection().accountId(), p.json()));
      return ProjectionStore.setStates(c, projections.stream().map(ShopProjection::projection).toList(), now)
          .compose(changes -> {
            Future<Void> chain = Future.succeededFuture();
            int raised = 0;
            for (ProjectionStore.Change change : changes) {
              if (!change.below() && !Boolean.TRUE.equals(change.wasBelow())) {
                continue;
              }
              raised++;
              String type = change.below() ? EventNames.PROJECTION_ALERT : EventNames.PROJECTION_RECOVERED;
              JsonObject data = new JsonObject().put("projection", byShop.get(change.accountId()));
              chain = chain.compose(v -> unit.tellAbout(change.accountId(), null, type, data));
            }
            int n = raised;
            return chain.map(n);
          });
      });
    });
  }

  static JsonObject json(ProjectionStore.Shop shop, Projection p) {
    JsonArray savers = new JsonArray();
    p.savers().forEach(s -> savers.add(new JsonObject().put("conversationId", s.conversationId())
        .put("buyerName", s.buyerName()).put("deadline", s.deadline().toString())));
    return new JsonObject().put("accountId", p.accountId()).put("shopName", shop.shopName())
        .put("platform", shop.platform()).put("rule", p.rule()).put("line", p.line())
        .put("ownLine", shop.ownLine() != null).put("day", p.day().toString())
        .put("windowEnd", p.windowEnd().toString()).put("met", p.met()).put("missed", p.missed())
        .put("pending", p.pending()).put("current", p.current()).put("projected", p.projected())
        .put("below", p.below()).put("savers", savers);
  }
}
