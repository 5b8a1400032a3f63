package dev.unibox.web;

import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** JSON answers and the one failure handler that turns every error into {error, message}. */
public final class Responses {

  private static final Logger LOG = LoggerFactory.getLogger(Responses.class);

  private Responses() {}

  public static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("content-type", "application/json; charset=utf-8")
        .end(body.encode());
  }

  /** Answers with the future's JSON, or hands its failure to the failure handler. */
  public static void reply(RoutingContext ctx, int status, Future<JsonObject> answer) {
    answer.onSuccess(body -> json(ctx, status, body)).onFailure(ctx::fail);
  }

  /** Answers {@code {key: value}} with the future's value. */
  public static void reply(RoutingContext ctx, int status, String key, Future<?> value) {
    reply(ctx, status, value.map(v -> new JsonObject().put(key, v)));
  }

  public static void error(RoutingContext ctx, int status, String code, String message) {
    if (!ctx.response().ended()) {
      json(ctx, status, new JsonObject().put("error", code).put("message", message));
    }
  }

  public static void fail(RoutingContext ctx, Throwable failure) {
    if (failure instanceof ApiException api) {
      LOG.info("{} {} -> {} {}", ctx.request().method(), ctx.request().path(), api.status(), api.code());
      error(ctx, api.status(), api.code(), api.getMessage());
    } else if (failure instanceof DecodeException) {
      error(ctx, 400, "bad_json", "The body is not valid JSON");
    } else if (failure instanceof io.vertx.ext.web.handler.HttpException http && http.getStatusCode() == 400) {
      // the router refused the request line itself, e.g. a query string with a broken %-escape
      error(ctx, 400, "bad_request", "The request was not understood");
    } else if (failure instanceof io.vertx.pgclient.PgException pg && "22021".equals(pg.getSqlState())) {
      // a NUL (or broken encoding) in a text that reached a statement: the transaction rolled back
      LOG.info("{} {} -> 400 bad_text", ctx.request().method(), ctx.request().path());
      error(ctx, 400, "bad_text", "Text must not contain NUL characters");
    } else if (failure == null && ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
      error(ctx, ctx.statusCode(), ctx.statusCode() == 413 ? "too_large" : "bad_request",
          ctx.statusCode() == 413 ? "The body is too large" : "The request was not understood");
    } else {
      LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), failure);
      error(ctx, 500, "internal", "Something went wrong on our side; it has been logged");
    }
  }

  /** Parses the JSON body as an object, or answers 400. */
  public static JsonObject body(RoutingContext ctx) {
    try {
      JsonObject body = ctx.body().asJsonObject();
      if (body == null) {
        throw ApiException.badRequest("bad_request", "A JSON object body is required");
      }
      return body;
    } catch (DecodeException | ClassCastException e) {
      throw ApiException.badRequest("bad_json", "The body is not a JSON object");
    }
  }

  public static long pathId(RoutingContext ctx, String name) {
    try {
      return Long.parseLong(ctx.pathParam(name));
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("bad_id", name + " must be a number");
    }
  }
}
