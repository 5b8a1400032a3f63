package dev.unibox.adapters.fake;

import io.vertx.core.Vertx;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

/**
 * The HTTP client a fake platform delivers its pushes with. A platform posts pushes to a shop's callback on
 * many connections at once; Vert.x's default client keeps at most 5 connections per host and queues the
 * rest, so a fake built on it would hold back its own pushes and every measurement of our webhook beyond
 * 5 in flight would measure that queue instead.
 */
public final class PushClient {

  /** Connections per callback host; beyond the in-flight counts any benchmark or test drives. */
  public static final int CONNECTIONS = 512;

  private PushClient() {
  }

  public static WebClient create(Vertx vertx) {
    return WebClient.create(vertx, new WebClientOptions(), new PoolOptions().setHttp1MaxSize(CONNECTIONS));
  }
}
