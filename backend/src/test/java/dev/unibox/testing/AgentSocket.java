package dev.unibox.testing;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A real WebSocket client on loopback, speaking the agent protocol (auth frame, hello, seq-numbered events). */
public final class AgentSocket implements AutoCloseable {

  /** Held so that it is not garbage-collected: Vert.x closes an unreachable client's connections. */
  private final WebSocketClient client;
  private final WebSocket ws;
  private final LinkedBlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
  private final List<JsonObject> seen = new ArrayList<>();
  private volatile Short closeCode;

  private AgentSocket(WebSocketClient client, WebSocket ws) {
    this.client = client;
    this.ws = ws;
    ws.textMessageHandler(t -> frames.add(new JsonObject(t)));
    ws.closeHandler(v -> closeCode = ws.closeStatusCode());
  }

  public static AgentSocket connect(Vertx vertx, int port, String token, long lastSeq) throws Exception {
    AgentSocket socket = open(vertx, port);
    if (token != null) {
      socket.send(new JsonObject().put("type", "auth").put("token", token).put("lastSeq", lastSeq));
    }
    return socket;
  }

  public static AgentSocket open(Vertx vertx, int port) throws Exception {
    WebSocketClient client = vertx.createWebSocketClient();
    WebSocket ws = Await.result(client
        .connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/ws")));
    return new AgentSocket(client, ws);
  }

  public void send(JsonObject frame) {
    ws.writeTextMessage(frame.encode());
  }

  /** Waits for the next frame matching; frames passed over stay in {@link #seen()}. */
  public JsonObject next(Predicate<JsonObject> match) throws InterruptedException {
    long deadline = System.nanoTime() + Await.TIMEOUT.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      JsonObject f = left <= 0 ? null : frames.poll(left, TimeUnit.NANOSECONDS);
      if (f == null) {
        throw new AssertionError("no matching frame; seen so far: " + seen);
      }
      seen.add(f);
      if (match.test(f)) {
        return f;
      }
    }
  }

  public JsonObject nextEvent(String name) throws InterruptedException {
    return next(f -> "event".equals(f.getString("type")) && name.equals(f.getString("event")));
  }

  /** The server's hello frame (the socket is authenticated; it holds userId and lastSeq). */
  public JsonObject hello() throws InterruptedException {
    return next(f -> "hello".equals(f.getString("type")));
  }

  /** The id of the conversation in the next conversation.assigned event. */
  public long nextAssigned() throws InterruptedException {
    return nextEvent("conversation.assigned").getJsonObject("data").getJsonObject("conversation").getLong("id");
  }

  /** The data of the next message.status event of this message (status, error). */
  public JsonObject messageStatus(long messageId) throws InterruptedException {
    return next(f -> "message.status".equals(f.getString("event"))
        && f.getJsonObject("data").getLong("messageId") == messageId).getJsonObject("data");
  }

  public List<JsonObject> seen() {
    return seen;
  }

  /** Events received so far (after draining what is queued now). */
  public List<JsonObject> events() {
    frames.drainTo(seen);
    return seen.stream().filter(f -> "event".equals(f.getString("type"))).toList();
  }

  public Short awaitClosed() throws InterruptedException {
    Await.until("socket closed", () -> closeCode != null);
    return closeCode;
  }

  @Override
  public void close() throws Exception {
    if (closeCode == null) {
      Await.result(ws.close());
    }
    client.close();
  }
}
