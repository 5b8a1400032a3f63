package dev.unibox.sla;

import dev.unibox.auth.AccessPolicy;
import dev.unibox.auth.AuthRoutes;
import dev.unibox.auth.CurrentUser;
import dev.unibox.signals.Kicks;
import dev.unibox.web.ApiException;
import dev.unibox.web.Responses;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** GET/POST /api/surge: supervisors see surge mode and switch it on, off or back to automatic. */
public record SurgeRoutes(Vertx vertx, SurgeControl surge) {

  public void mount(Router router) {
    router.get("/api/surge").handler(this::status);
    router.post("/api/surge").handler(this::setMode);
  }

  private void status(RoutingContext ctx) {
    AccessPolicy.requireOverseer(AuthRoutes.user(ctx), "Only supervisors see surge mode");
    Responses.reply(ctx, 200, "surge", surge.status());
  }

  private void setMode(RoutingContext ctx) {
    CurrentUser user = AuthRoutes.user(ctx);
    AccessPolicy.requireGlobalOverseer(user, "switch surge mode");
    JsonObject body = Responses.body(ctx);
    String mode = body.getValue("mode") instanceof String s ? s : "";
    if (!SurgeControl.MODES.contains(mode)) {
      throw ApiException.badRequest("bad_mode", "mode must be one of " + SurgeControl.MODES);
    }
    Responses.reply(ctx, 200, "surge", surge.setMode(user.id(), user.displayName(), mode)
        .onSuccess(s -> Kicks.routing(vertx)));
  }
}
