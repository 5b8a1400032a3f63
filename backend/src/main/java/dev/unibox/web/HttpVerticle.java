package dev.unibox.web;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.sqlclient.Pool;
import java.util.List;
import java.util.function.Consumer;

/** The one HTTP server: API, platform webhooks, agent socket and the built web app. */
public final class HttpVerticle extends VerticleBase {

  private final String host;
  private final int port;
  private final Pool pool;
  private final List<Consumer<Router>> routes;
  private final Handler<ServerWebSocket> sockets;
  private HttpServer server;

  /** @param routes mounted in order (auth first: it guards every later /api route) */
  public HttpVerticle(String host, int port, Pool pool, List<Consumer<Router>> routes, Handler<ServerWebSocket> sockets) {
    this.host = host;
    this.port = port;
    this.pool = pool;
    this.routes = routes;
    this.sockets = sockets;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    router.route().handler(SecurityHeaders::handle);
    router.get("/health").handler(ctx -> pool.query("SELECT 1").execute()
        .onSuccess(r -> Responses.json(ctx, 200, new JsonObject().put("status", "up")))
        .onFailure(e -> Responses.error(ctx, 503, "database_down", "The database does not answer")));
    router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(64 * 1024));
    routes.forEach(r -> r.accept(router));
    router.route("/api/*").handler(ctx -> Responses.error(ctx, 404, "not_found", "No such API endpoint"));
    router.route().handler(StaticHandler.create("webroot").setIndexPage("index.html").setCachingEnabled(false));
    // Client-side routes of the single-page app all load its index page.
    router.get().handler(ctx -> ctx.response().putHeader("content-type", "text/html; charset=utf-8")
        .sendFile("webroot/index.html"));
    router.route().failureHandler(ctx -> Responses.fail(ctx, ctx.failure()));
    server = vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port).setCompressionSupported(true))
        .requestHandler(router)
        .webSocketHandler(sockets);
    return server.listen();
  }

  public int actualPort() {
    return server.actualPort();
  }
}
