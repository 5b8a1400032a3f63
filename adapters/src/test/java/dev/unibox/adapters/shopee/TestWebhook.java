package dev.unibox.adapters.shopee;

import dev.unibox.adapters.spi.AdapterException;
import dev.unibox.adapters.spi.PlatformAdapter;
import dev.unibox.adapters.spi.PushBatch;
import dev.unibox.adapters.spi.PushRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A webhook receiver on loopback that does what the backend does with a push: hands it to an
 * adapter's receivePush, answers 200 with an empty body when accepted and 401 when refused.
 */
public final class TestWebhook {

  public static final String PATH = "/webhooks/shopee";

  private final Vertx vertx;
  private final List<PushBatch> accepted = new CopyOnWriteArrayList<>();
  private final List<AdapterException> refused = new CopyOnWriteArrayList<>();
  private volatile PlatformAdapter adapter;
  private HttpServer server;

  public TestWebhook(Vertx vertx) {
    this.vertx = vertx;
  }

  public Future<TestWebhook> start() {
    return vertx.createHttpServer()
        .requestHandler(request -> request.body().onSuccess(body -> adapter.receivePush(
            new PushRequest(request.headers(), body)).onComplete(ar -> {
              if (ar.succeeded()) {
                accepted.add(ar.result());
                request.response().setStatusCode(200).end();
              } else if (ar.cause() instanceof AdapterException e) {
                refused.add(e);
                request.response().setStatusCode(401).end();
              } else {
                request.response().setStatusCode(500).end();
              }
            })))
        .listen(0, "127.0.0.1")
        .map(s -> {
          server = s;
          return this;
        });
  }

  /** The adapter that verifies pushes; it must have been configured with {@link #url()} as callback URL. */
  public TestWebhook verifyWith(PlatformAdapter adapter) {
    this.adapter = adapter;
    return this;
  }

  public String url() {
    return "http://127.0.0.1:" + server.actualPort() + PATH;
  }

  public List<PushBatch> accepted() {
    return List.copyOf(accepted);
  }

  public List<AdapterException> refused() {
    return List.copyOf(refused);
  }

  public Future<Void> stop() {
    return server == null ? Future.succeededFuture() : server.close();
  }
}
