package dev.unibox.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.config.UniboxConfig;
import dev.unibox.testing.AgentSocket;
import dev.unibox.testing.Await;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.TestEvents;
import dev.unibox.testing.TestInbox;
import dev.unibox.testing.TestInboxExtension;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A client that stops reading (a real WebSocket on loopback, paused after hello, with a small receive
 * buffer) while about 13 MB of events are written for it: the server holds at most the live queue plus one
 * replay page for it, closes it with 4408 once its write queue has stayed full for the stall limit, and a
 * reconnect from the last position it did read gets every remaining event exactly once, in order.
 */
@InboxTest
class SlowConsumerTest implements TestInboxExtension.Tuning {

  private static final int STALL_SECONDS = 2;
  private static final int QUEUED = 50;
  private static final int EVENTS = 800;
  private static final int PAD = 16 * 1024;

  private TestInbox inbox;

  @Override
  public UniboxConfig tune(UniboxConfig c) {
    return c.withEvents(new UniboxConfig.EventsConfig(14, STALL_SECONDS, QUEUED));
  }

  @Test
  void aConsumerThatStopsReadingDuringLiveDeliveryIsBoundedClosedAndResumesExactly() throws Exception {
    long lin = inbox.createUser("lin", "supervisor", 0);
    String token = inbox.login("lin");
    StalledClient client = StalledClient.connect(inbox, token, 0);
    long held = 0;
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < EVENTS; i += 100) {
      ids.addAll(TestEvents.append(inbox, List.of(lin), i, 100, PAD, Instant.now()));
      held = Math.max(held, heldNow());
    }
    checkBoundedClosedAndResumed(client, token, ids, held);
    assertThat(meter("unibox_socket_overflows")).as("the live queue overflowed and was dropped, not grown")
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void aConsumerThatStopsReadingDuringReplayIsBoundedClosedAndResumesExactly() throws Exception {
    long lin = inbox.createUser("lin", "supervisor", 0);
    String token = inbox.login("lin");
    List<Long> ids = TestEvents.append(inbox, List.of(lin), 0, EVENTS, PAD, Instant.now());
    StalledClient client = StalledClient.connect(inbox, token, 0);
    checkBoundedClosedAndResumed(client, token, ids, heldNow());
  }

  private void checkBoundedClosedAndResumed(StalledClient client, String token, List<Long> ids, long heldSoFar)
      throws Exception {
    long[] held = {heldSoFar};
    Await.until("the stalled socket closed for being slow", () -> {
      held[0] = Math.max(held[0], heldNow());
      return meter("unibox_socket_slow_closed") >= 1;
    });
    assertThat(held[0]).as("events held in memory for the stalled socket")
        .isLessThanOrEqualTo(QUEUED + SocketOutbox.REPLAY_PAGE);

    client.resume();
    assertThat(client.awaitClosed()).isEqualTo(SocketOutbox.CLOSE_TOO_SLOW);
    List<Long> first = client.seqs();
    assertThat(first.size()).as("the client stopped before it had everything").isLessThan(ids.size());
    assertThat(first).containsExactlyElementsOf(ids.subList(0, first.size()));
    assertThat(heldNow()).as("nothing held once the socket is gone").isZero();

    long position = first.isEmpty() ? 0 : first.get(first.size() - 1);
    try (AgentSocket again = inbox.socket(token, position)) {
      long last = ids.get(ids.size() - 1);
      again.next(f -> f.getLong("seq", 0L) == last);
      List<Long> rest = again.events().stream().map(f -> f.getLong("seq")).toList();
      List<Long> all = new ArrayList<>(first);
      all.addAll(rest);
      assertThat(all).as("every event once, in order, across the close").containsExactlyElementsOf(ids);
    }
  }

  private long heldNow() {
    return (long) inbox.app.meters().get("unibox_socket_held_events").gauge().value();
  }

  private double meter(String name) {
    MeterRegistry registry = inbox.app.meters();
    return registry.get(name).functionCounter().count();
  }

  /** A raw agent socket that stops reading right after hello and keeps what it had read. */
  private static final class StalledClient {
    /** Held so that it is not garbage-collected: Vert.x closes an unreachable client's connections. */
    private final WebSocketClient client;
    private final WebSocket ws;
    private final ConcurrentLinkedQueue<JsonObject> events = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Context> context = new AtomicReference<>();
    private volatile Short closeCode;

    private StalledClient(WebSocketClient client, WebSocket ws) {
      this.client = client;
      this.ws = ws;
    }

    static StalledClient connect(TestInbox inbox, String token, long lastSeq) throws Exception {
      WebSocketClient raw = inbox.vertx.createWebSocketClient(
          new WebSocketClientOptions().setReceiveBufferSize(16 * 1024).setMaxMessageSize(1024 * 1024));
      WebSocket ws = Await.result(raw.connect(
          new WebSocketConnectOptions().setHost("127.0.0.1").setPort(inbox.app.httpPort()).setURI("/ws")));
      StalledClient client = new StalledClient(raw, ws);
      ws.textMessageHandler(text -> {
        JsonObject frame = new JsonObject(text);
        if ("hello".equals(frame.getString("type"))) {
          client.context.set(Vertx.currentContext());
          ws.pause();
        } else if ("event".equals(frame.getString("type"))) {
          client.events.add(frame);
        }
      });
      ws.closeHandler(v -> client.closeCode = ws.closeStatusCode());
      ws.writeTextMessage(new JsonObject().put("type", "auth").put("token", token).put("lastSeq", lastSeq).encode());
      Await.until("hello, then the client stops reading", () -> client.context.get() != null);
      return client;
    }

    void resume() {
      context.get().runOnContext(v -> ws.resume());
    }

    Short awaitClosed() throws InterruptedException {
      Await.until("client sees the close", () -> closeCode != null);
      return closeCode;
    }

    List<Long> seqs() {
      return events.stream().map(f -> f.getLong("seq")).toList();
    }
  }
}
