package dev.unibox.adapters.contract;

import dev.unibox.adapters.spi.AdapterException;
import dev.unibox.adapters.spi.InboundMessage;
import dev.unibox.adapters.spi.OrderEvent;
import dev.unibox.adapters.spi.PlatformAdapter;
import dev.unibox.adapters.spi.PushBatch;
import dev.unibox.adapters.spi.PushRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A webhook on loopback that does with a push what the backend does: the adapter's receivePush, 2xx with
 * the adapter's ack body when accepted, 401/400 when refused. Every delivered message is recorded (with
 * duplicates: deduplication is the caller's business, as in the backend).
 */
public final class ContractWebhook {

  private final Vertx vertx;
  private final List<PushBatch> accepted = new CopyOnWriteArrayList<>();
  private final List<AdapterException> refused = new CopyOnWriteArrayList<>();
  private volatile PlatformAdapter adapter;
  private HttpServer server;

  public ContractWebhook(Vertx vertx) {
    this.vertx = vertx;
  }

  public Future<ContractWebhook> start() {
    return vertx.createHttpServer()
        .requestHandler(request -> request.body().onSuccess(body -> {
          PlatformAdapter a = adapter;
          if (a == null) {
            request.response().setStatusCode(503).end();
            return;
          }
          a.receivePush(new PushRequest(request.headers(), body)).onComplete(ar -> {
            if (ar.succeeded()) {
              accepted.add(ar.result());
              request.response().setStatusCode(200).end(a.pushAckBody());
            } else {
              AdapterException e = ar.cause() instanceof AdapterException ae ? ae : null;
              if (e != null) {
                refused.add(e);
              }
              request.response().setStatusCode(e == null ? 500 : 401).end();
            }
          });
        }))
        .listen(0, "127.0.0.1")
        .map(s -> {
          server = s;
          return this;
        });
  }

  /** The adapter that verifies pushes; it must have been configured with this webhook's URL as callback URL. */
  public ContractWebhook verifyWith(PlatformAdapter adapter) {
    this.adapter = adapter;
    return this;
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.actualPort() + path;
  }

  /** Every message of every accepted push, in arrival order. */
  public List<InboundMessage> received() {
    return accepted.stream().flatMap(b -> b.messages().stream()).toList();
  }

  public List<OrderEvent> orders() {
    return accepted.stream().flatMap(b -> b.orders().stream()).toList();
  }

  public List<AdapterException> refused() {
    return List.copyOf(refused);
  }

  /** The pushes the adapter accepted, in arrival order. */
  public List<PushBatch> accepted() {
    return List.copyOf(accepted);
  }

  public Future<Void> stop() {
    return server == null ? Future.succeededFuture() : server.close();
  }
}
