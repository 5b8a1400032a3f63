package dev.unibox.ops;

import dev.unibox.config.UniboxConfig.MetricsConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * {@code GET /metrics} in Prometheus' text format on its own port, so the public port never exposes it;
 * with a token configured the scraper must send {@code Authorization: Bearer <token>} (compared in constant time).
 */
public final class MetricsServer extends VerticleBase {

  private final MetricsConfig config;
  private final PrometheusMeterRegistry registry;
  private HttpServer server;

  public MetricsServer(MetricsConfig config, PrometheusMeterRegistry registry) {
    this.config = config;
    this.registry = registry;
  }

  @Override
  public Future<?> start() {
    server = vertx.createHttpServer(new HttpServerOptions().setHost(config.host()).setPort(config.port()))
        .requestHandler(this::handle);
    return server.listen();
  }

  private void handle(HttpServerRequest req) {
    if (!"/metrics".equals(req.path())) {
      req.response().setStatusCode(404).end();
      return;
    }
    if (!authorised(req.getHeader("Authorization"))) {
      req.response().setStatusCode(401).putHeader("WWW-Authenticate", "Bearer").end();
      return;
    }
    vertx.executeBlocking(registry::scrape, false).onComplete(ar -> {
      if (ar.failed()) {
        req.response().setStatusCode(503).end();
      } else {
        req.response().putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8").end(ar.result());
      }
    });
  }

  private boolean authorised(String header) {
    if (config.token().isEmpty()) {
      return true;
    }
    String expected = "Bearer " + config.token();
    return header != null && MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8),
        expected.getBytes(StandardCharsets.UTF_8));
  }

  public int actualPort() {
    return server.actualPort();
  }
}
