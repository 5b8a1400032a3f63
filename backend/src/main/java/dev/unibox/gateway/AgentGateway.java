package dev.unibox.gateway;

import dev.unibox.cluster.NodeSockets;
import dev.unibox.config.UniboxConfig;
import dev.unibox.events.EventLog;
import dev.unibox.events.EventNames;
import dev.unibox.events.LiveFrame;
import dev.unibox.signals.Addresses;
import dev.unibox.signals.Kicks;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agents' socket at /ws. First frame authenticates ({type:auth, token, lastSeq}); the gateway then
 * subscribes to the user's event-bus address (fed by the node's EventTail in log order), replays stored
 * events after lastSeq, and forwards live events, each at most once and in log order, through the socket's
 * {@link SocketOutbox} (backpressure, bounded memory, resync after retention). A user's first
 * socket makes them online, their last one closing makes them offline; sockets beyond the per-user cap
 * are refused.
 */
public final class AgentGateway implements Handler<ServerWebSocket> {

  /** WebSocket close codes: 4xxx are the application's own (4401 like HTTP 401), 1011 is "internal error". */
  private static final short CLOSE_UNKNOWN_PATH = 4404;
  private static final short CLOSE_UNAUTHENTICATED = 4401;
  private static final short CLOSE_SERVER_ERROR = 1011;

  private static final Logger LOG = LoggerFactory.getLogger(AgentGateway.class);
  private static final long AUTH_TIMEOUT_MS = 10_000;
  /** Same as shifts.Addresses.PRESENCE_CHANGED: supervisors are told (gateway must not depend on shifts). */

  private final Vertx vertx;
  private final Pool pool;
  private final SocketSessions sessions;
  /** Open sockets per user on this node; touched only on the event loop of the HTTP verticle. */
  private final Map<Long, Integer> sockets = new HashMap<>();
  /** Authenticated sockets on this node, read by the metrics scrape from another thread. */
  private final java.util.concurrent.atomic.AtomicInteger open = new java.util.concurrent.atomic.AtomicInteger();
  private final int maxSocketsPerUser;
  private final NodeSockets presence;
  private final UniboxConfig.EventsConfig limits;
  private final SocketLoad load = new SocketLoad();

  public int openSockets() {
    return open.get();
  }

  public SocketLoad load() {
    return load;
  }

  /** @param limits how long a socket may stall and how many live events it may hold */
  public AgentGateway(Vertx vertx, Pool pool, SocketSessions sessions, int maxSocketsPerUser, NodeSockets presence,
                      UniboxConfig.EventsConfig limits) {
    this.vertx = vertx;
    this.pool = pool;
    this.sessions = sessions;
    this.maxSocketsPerUser = maxSocketsPerUser;
    this.presence = presence;
    this.limits = limits;
  }

  @Override
  public void handle(ServerWebSocket ws) {
    if (!"/ws".equals(ws.path())) {
      ws.close(CLOSE_UNKNOWN_PATH, "unknown path");
      return;
    }
    new Session(ws).begin();
  }

  private final class Session {
    private final ServerWebSocket ws;
    private long userId = -1;
    private SocketOutbox outbox;
    private MessageConsumer<LiveFrame> consumer;
    private boolean closed;

    Session(ServerWebSocket ws) {
      this.ws = ws;
    }

    void begin() {
      long timer = vertx.setTimer(AUTH_TIMEOUT_MS, t -> {
        if (userId < 0 && !closed) {
          ws.close(CLOSE_UNAUTHENTICATED, "auth frame expected");
        }
      });
      ws.closeHandler(v -> {
        closed = true;
        vertx.cancelTimer(timer);
        sessions.release(ws);
        end();
      });
      ws.exceptionHandler(e -> LOG.debug("socket error: {}", e.getMessage()));
      ws.textMessageHandler(this::onText);
    }

    private void onText(String text) {
      JsonObject frame;
      try {
        frame = new JsonObject(text);
      } catch (DecodeException e) {
        send(new JsonObject().put("type", "error").put("error", "bad_json").put("message", "Frames are JSON objects"));
        return;
      }
      String type = frame.getString("type", "");
      if ("ping".equals(type)) {
        send(new JsonObject().put("type", "pong"));
      } else if ("auth".equals(type) && userId < 0) {
        Object token = frame.getValue("token");
        Object lastSeq = frame.getValue("lastSeq", 0);
        long after = lastSeq instanceof Number n ? Math.max(0, n.longValue()) : 0;
        sessions.admit(token instanceof String s ? s : null, ws)
            .onSuccess(id -> authenticated(id, after))
            .onFailure(e -> ws.close(CLOSE_UNAUTHENTICATED, "invalid or expired token"));
      } else if (userId < 0) {
        ws.close(CLOSE_UNAUTHENTICATED, "auth frame expected");
      }
    }

    private void authenticated(long id, long after) {
      if (closed) {
        return;
      }
      if (sockets.getOrDefault(id, 0) >= maxSocketsPerUser) {
        ws.close((short) 4429, "too many open sockets for this user");
        return;
      }
      userId = id;
      outbox = new SocketOutbox(vertx, ws, (from, limit) -> EventLog.page(pool, id, from, limit), after,
          limits.socketStallSeconds() * 1000L, limits.socketQueuedEvents(), load);
      // local: every node's event tail delivers to the sockets on that node
      consumer = vertx.eventBus().localConsumer(Addresses.user(id), msg -> outbox.live(msg.body()));
      sockets.merge(id, 1, Integer::sum);
      open.incrementAndGet();
      Future<Void> online = presence.opened(id).map(cameOnline -> {
        if (cameOnline) {
          Kicks.routing(vertx);
          vertx.eventBus().publish(Addresses.PRESENCE_CHANGED, id);
        }
        return null;
      });
      consumer.completion()
          .compose(v -> online)
          .compose(v -> EventLog.newest(pool))
          .onSuccess(newest -> {
            send(new JsonObject().put("type", "hello").put("userId", id).put("lastSeq", newest));
            outbox.start();
          })
          .onFailure(e -> {
            LOG.warn("Resume for user {} failed: {}", id, e.getMessage());
            ws.close(CLOSE_SERVER_ERROR, "resume failed");
          });
    }

    /** Answers of our own (hello, pong, error): skipped while the write queue is full, so pings cannot pile them up. */
    private void send(JsonObject frame) {
      if (!closed && !ws.writeQueueFull()) {
        ws.writeTextMessage(frame.encode());
      }
    }

    private void end() {
      if (userId < 0) {
        return;
      }
      if (consumer != null) {
        consumer.unregister();
      }
      outbox.close();
      open.decrementAndGet();
      if (sockets.merge(userId, -1, Integer::sum) <= 0) {
        sockets.remove(userId);
      }
      long user = userId;
      presence.closed(user)
          .onSuccess(wentOffline -> {
            if (wentOffline) {
              vertx.eventBus().publish(Addresses.PRESENCE_CHANGED, user);
            }
          })
          .onFailure(e -> LOG.warn("Could not record the closed socket of user {}: {}", user, e.getMessage()));
    }
  }
}
