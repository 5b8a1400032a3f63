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
  private final List<String> allowedOrigins;
  private final boolean socketCompression;
  private HttpServer server;
  private Router router;

  /**
   * @param socketCompression permessage-deflate (and per-frame deflate) on WebSockets
   * @param routes            mounted in order (auth first: it guards every later /api route)
   * @param allowedOrigins    browser origins besides this server's own that may open the agent socket
   */
  public HttpVerticle(String host, int port, boolean socketCompression, Pool pool, List<Consumer<Router>> routes,
                      Handler<ServerWebSocket> sockets, List<String> allowedOrigins) {
    this.socketCompression = socketCompression;
    this.allowedOrigins = allowedOrigins;
    this.host = host;
    this.port = port;
    this.pool = pool;
    this.routes = routes;
    this.sockets = sockets;
  }

  @Override
  public Future<?> start() {
    router = Router.router(vertx);
    router.route().handler(SecurityHeaders::handle);
    router.route().handler(FormBodyGuard::handle);
    router.route().handler(PathGuard::handle);
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
    server = vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port).setCompressionSupported(true)
            .setPerMessageWebSocketCompressionSupported(socketCompression)
            .setPerFrameWebSocketCompressionSupported(socketCompression))
        .requestHandler(router)
        .webSocketHandshakeHandler(new OriginCheck(allowedOrigins))
        .webSocketHandler(sockets);
    return server.listen();
  }

  /**
   * Stops taking connections and requests, lets the ones in flight finish (a push being stored is
   * answered, not cut off), then closes; sockets still open after {@code graceSeconds} are closed.
   */
  public Future<Void> drain(long graceSeconds) {
    return server == null ? Future.succeededFuture() : server.shutdown(graceSeconds, java.util.concurrent.TimeUnit.SECONDS);
  }

  /** "METHOD /path" of every route bound to methods (what docs/security.md's matrix must cover). */
  public List<String> methodRoutes() {
    List<String> out = new java.util.ArrayList<>();
    for (var route : router.getRoutes()) {
      if (route.getPath() != null && route.methods() != null) {
        route.methods().forEach(m -> out.add(m.name() + " " + route.getPath()));
      }
    }
    return out;
  }

  public int actualPort() {
    return server.actualPort();
  }
}
