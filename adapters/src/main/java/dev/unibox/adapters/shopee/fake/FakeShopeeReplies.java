package dev.unibox.adapters.shopee.fake;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;

/** Shopee's answer envelope ({@code request_id, error, message[, response]}) and the JSON body of a call. */
final class FakeShopeeReplies {

  private FakeShopeeReplies() {
  }

  static void ok(RoutingContext ctx, JsonObject response) {
    respond(ctx, 200, envelope("", "").put("response", response));
  }

  static void error(RoutingContext ctx, int status, String code, String message) {
    respond(ctx, status, envelope(code, message));
  }

  /** The envelope without a response, for calls (access_token/get) whose fields stand beside it. */
  static JsonObject envelope(String error, String message) {
    return new JsonObject().put("request_id", UUID.randomUUID().toString().replace("-", "")).put("error", error)
        .put("message", message);
  }

  static void respond(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
  }

  /** The call's body as a JSON object; null when it is not one. */
  static JsonObject jsonBody(RoutingContext ctx) {
    try {
      return ctx.body().asJsonObject();
    } catch (RuntimeException notJson) {
      return null;
    }
  }
}
