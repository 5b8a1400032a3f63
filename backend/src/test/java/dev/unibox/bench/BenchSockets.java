package dev.unibox.bench;

import dev.unibox.auth.TokenService;
import dev.unibox.testing.Await;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Authenticated agent sockets for the harnesses: opened, resumed from a position, hello awaited. */
final class BenchSockets {

  /** Told every {@code event} frame with the index (in the list given to {@link #connect}) of its user. */
  interface FrameSink {
    void accept(JsonObject frame, int user);
  }

  /**
   * Every client this harness opened: Vert.x closes a client that becomes unreachable (and its sockets with
   * it, at the next garbage collection), so they live as long as the harness.
   */
  private static final List<WebSocketClient> CLIENTS = Collections.synchronizedList(new ArrayList<>());

  private BenchSockets() {}

  /** Opens {@code socketsPerUser} sockets per user on 127.0.0.1:{@code port} and waits for every hello. */
  static List<WebSocket> connect(Vertx vertx, int port, TokenService tokens, List<Long> users, int socketsPerUser,
                                 long lastSeq, FrameSink sink) throws Exception {
    return connect(vertx, port, users.stream().map(id -> tokens.issue(id, 0)).toList(), socketsPerUser, lastSeq,
        false, sink);
  }

  /**
   * The same with one session token per user; {@code compression} asks the server for permessage-deflate.
   */
  static List<WebSocket> connect(Vertx vertx, int port, List<String> tokens, int socketsPerUser, long lastSeq,
                                 boolean compression, FrameSink sink) throws Exception {
    // the client's default of 50 connections per server would queue every further connect
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxConnections(tokens.size() * socketsPerUser + 1).setTryUsePerMessageCompression(compression));
    CLIENTS.add(client);
    List<WebSocket> sockets = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch hellos = new CountDownLatch(tokens.size() * socketsPerUser);
    for (int u = 0; u < tokens.size(); u++) {
      String token = tokens.get(u);
      int user = u;
      for (int k = 0; k < socketsPerUser; k++) {
        Await.result(client.connect(port, "127.0.0.1", "/ws").map(ws -> {
          ws.textMessageHandler(text -> {
            JsonObject frame = new JsonObject(text);
            if ("hello".equals(frame.getString("type"))) {
              hellos.countDown();
            } else if (sink != null && "event".equals(frame.getString("type"))) {
              sink.accept(frame, user);
            }
          });
          ws.writeTextMessage(new JsonObject().put("type", "auth").put("token", token).put("lastSeq", lastSeq).encode());
          sockets.add(ws);
          return ws;
        }));
      }
    }
    if (!hellos.await(5, TimeUnit.MINUTES)) {
      throw new IllegalStateException("not every socket got its hello: " + hellos.getCount() + " missing");
    }
    return sockets;
  }
}
