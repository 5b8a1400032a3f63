package dev.unibox.ops;

import dev.unibox.web.Responses;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.CheckResult;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Probes for an orchestrator. {@code /health/live}: the process answers on its event loop (restart it if
 * not). {@code /health/ready}: the database answers, the node is a cluster member (when clustered) and not
 * draining, with the leases (accounts and jobs) it runs; send traffic only while ready. Both without login:
 * they reveal no data.
 */
public final class HealthRoutes {

  private final HealthChecks ready;

  public HealthRoutes(io.vertx.core.Vertx vertx, Pool pool, String node, BooleanSupplier member,
                      BooleanSupplier draining, Supplier<List<String>> leases) {
    ready = HealthChecks.create(vertx)
        .register("database", 2_000, p -> pool.query("SELECT 1").execute()
            .onSuccess(r -> p.complete(Status.OK()))
            .onFailure(e -> p.complete(Status.KO(new JsonObject().put("error", "the database does not answer")))))
        .register("cluster", p -> p.complete(member.getAsBoolean()
            ? Status.OK(new JsonObject().put("node", node)) : Status.KO(new JsonObject().put("node", node))))
        .register("serving", p -> p.complete(draining.getAsBoolean()
            ? Status.KO(new JsonObject().put("draining", true)) : Status.OK()))
        .register("leases", p -> p.complete(Status.OK(new JsonObject().put("held", leases.get()))));
  }

  public void mount(Router router) {
    router.get("/health/live").handler(ctx -> Responses.json(ctx, 200, new JsonObject().put("status", "UP")));
    router.get("/health/ready").handler(this::ready);
  }

  private void ready(RoutingContext ctx) {
    Future<CheckResult> result = ready.checkStatus();
    result.onComplete(ar -> {
      JsonObject body = ar.succeeded() ? ar.result().toJson() : new JsonObject().put("status", "DOWN");
      boolean up = ar.succeeded() && ar.result().getUp();
      Responses.json(ctx, up ? 200 : 503, body);
    });
  }
}
