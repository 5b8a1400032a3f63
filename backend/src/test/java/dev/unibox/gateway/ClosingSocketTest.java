package dev.unibox.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.events.EventLog;
import dev.unibox.events.LiveFrame;
import dev.unibox.testing.Await;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A socket's connection is gone before the gateway's close handler has closed its outbox: a live event
 * arriving in between is dropped, not written to the closed socket (which would throw on the event loop).
 */
@ExtendWith(VertxExtension.class)
class ClosingSocketTest {

  @Test
  void aLiveEventForASocketWeAreClosingIsDropped(Vertx vertx) throws Exception {
    SocketLoad load = new SocketLoad();
    Promise<String> outcome = Promise.promise();
    HttpServer server = Await.result(vertx.createHttpServer().webSocketHandler(ws -> {
      SocketOutbox outbox = new SocketOutbox(vertx, ws, (after, limit) -> Future.succeededFuture(
          new EventLog.Page(List.of(), 0, 0)), 0, 30_000, 10, load);
      ws.textMessageHandler(go -> {
        outbox.start();
        ws.close((short) 4401, "session ended");
        // nothing tells this outbox about the close: like a live event that reaches the gateway first
        vertx.setPeriodic(1, t -> {
          if (ws.isClosed()) {
            vertx.cancelTimer(t);
            try {
              outbox.live(new LiveFrame(1, new JsonObject().put("type", "event").put("seq", 1L)
                  .put("event", "test.event").encode()));
              outcome.tryComplete("dropped");
            } catch (RuntimeException e) {
              outcome.tryComplete("thrown: " + e);
            }
          }
        });
      });
    }).listen(0, "127.0.0.1"));
    WebSocketClient client = vertx.createWebSocketClient(); // held: an unreachable client is closed by Vert.x
    Await.result(client.connect(server.actualPort(), "127.0.0.1", "/ws").compose(ws -> ws.writeTextMessage("go")));
    assertThat(Await.result(outcome.future())).isEqualTo("dropped");
    Await.result(client.close());
    assertThat(load.heldFrames()).as("nothing kept for the closed socket").isZero();
  }
}
