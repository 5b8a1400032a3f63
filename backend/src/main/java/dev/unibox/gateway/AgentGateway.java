package dev.unibox.gateway;

import dev.unibox.cluster.NodeSockets;
import dev.unibox.auth.TokenService;
import dev.unibox.events.EventLog;
import dev.unibox.events.EventNames;
import dev.unibox.routing.RoutingKick;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
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
 * subscribes to the user's event-bus address, replays stored events after lastSeq, and forwards live
 * events, each at most once and in sequence order. A user's first socket makes them online, their last
 * one closing makes them offline.
 */
public final class AgentGateway implements Handler<ServerWebSocket> {

  private static final Logger LOG = LoggerFactory.getLogger(AgentGateway.class);
  private static final long AUTH_TIMEOUT_MS = 10_000;
  private static final int REPLAY_PAGE = 500;
  /** Same as shifts.Presence.CHANGED: supervisors are told (gateway must not depend on shifts). */
  private static final String PRESENCE_CHANGED = "unibox.presence.changed";

  private final Vertx vertx;
  private final Pool pool;
  private final TokenService tokens;
  /** Open sockets per user on this node; touched only on the event loop of the HTTP verticle. */
  private final Map<Long, Integer> sockets = new HashMap<>();
  private final NodeSockets presence;

  public AgentGateway(Vertx vertx, Pool pool, TokenService tokens, NodeSockets presence) {
    this.vertx = vertx;
    this.pool = pool;
    this.tokens = tokens;
    this.presence = presence;
  }

  @Override
  public void handle(ServerWebSocket ws) {
    if (!"/ws".equals(ws.path())) {
      ws.close((short) 4404, "unknown path");
      return;
    }
    new Session(ws).begin();
  }

  private final class Session {
    private final ServerWebSocket ws;
    private long userId = -1;
    private long lastSent;
    private boolean filling = true;
    private final java.util.TreeMap<Long, JsonObject> buffered = new java.util.TreeMap<>();
    private io.vertx.core.eventbus.MessageConsumer<JsonObject> consumer;
    private boolean closed;

    Session(ServerWebSocket ws) {
      this.ws = ws;
    }

    void begin() {
      long timer = vertx.setTimer(AUTH_TIMEOUT_MS, t -> {
        if (userId < 0 && !closed) {
          ws.close((short) 4401, "auth frame expected");
        }
      });
      ws.closeHandler(v -> {
        closed = true;
        vertx.cancelTimer(timer);
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
        tokens.verify(token instanceof String s ? s : null)
            .onSuccess(id -> authenticated(id, after))
            .onFailure(e -> ws.close((short) 4401, "invalid or expired token"));
      } else if (userId < 0) {
        ws.close((short) 4401, "auth frame expected");
      }
    }

    private void authenticated(long id, long after) {
      if (closed) {
        return;
      }
      userId = id;
      lastSent = after;
      consumer = vertx.eventBus().consumer(EventNames.userAddress(id), msg -> onLive(msg.body()));
      sockets.merge(id, 1, Integer::sum);
      Future<Void> online = presence.opened(id).map(cameOnline -> {
        if (cameOnline) {
          RoutingKick.send(vertx);
          vertx.eventBus().publish(PRESENCE_CHANGED, id);
        }
        return null;
      });
      consumer.completion()
          .compose(v -> online)
          .compose(v -> EventLog.lastSeq(pool, id))
          .onSuccess(newest -> send(new JsonObject().put("type", "hello").put("userId", id).put("lastSeq", newest)))
          .compose(v -> replay())
          .onFailure(e -> {
            LOG.warn("Resume for user {} failed: {}", id, e.getMessage());
            ws.close((short) 1011, "resume failed");
          });
    }

    /**
     * Stored events after lastSent, page by page; then whatever arrived live meanwhile. Sequence numbers
     * are contiguous per user and commit-ordered, so a live event that skips ahead means the missing ones
     * are already in the store: fetch them instead of dropping anything.
     */
    private Future<Void> replay() {
      filling = true;
      return EventLog.after(pool, userId, lastSent, REPLAY_PAGE).compose(frames -> {
        frames.forEach(this::deliver);
        if (frames.size() == REPLAY_PAGE && !closed) {
          return replay();
        }
        filling = false;
        flushBuffered();
        return Future.succeededFuture();
      });
    }

    private void onLive(JsonObject frame) {
      long seq = frame.getLong("seq");
      if (seq <= lastSent) {
        return;
      }
      buffered.put(seq, frame);
      if (filling) {
        return;
      }
      flushBuffered();
      if (!buffered.isEmpty()) {
        replay().onFailure(e -> ws.close((short) 1011, "resume failed"));
      }
    }

    private void flushBuffered() {
      while (!buffered.isEmpty() && buffered.firstKey() <= lastSent + 1) {
        deliver(buffered.pollFirstEntry().getValue());
      }
    }

    private void deliver(JsonObject frame) {
      long seq = frame.getLong("seq");
      if (seq > lastSent) {
        lastSent = seq;
        send(frame);
      }
    }

    private void send(JsonObject frame) {
      if (!closed) {
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
      if (sockets.merge(userId, -1, Integer::sum) <= 0) {
        sockets.remove(userId);
      }
      long user = userId;
      presence.closed(user)
          .onSuccess(wentOffline -> {
            if (wentOffline) {
              vertx.eventBus().publish(PRESENCE_CHANGED, user);
            }
          })
          .onFailure(e -> LOG.warn("Could not record the closed socket of user {}: {}", user, e.getMessage()));
    }
  }
}
