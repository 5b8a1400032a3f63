package dev.unibox.gateway;

import dev.unibox.events.EventLog;
import dev.unibox.events.LiveFrame;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.List;

/**
 * What one socket still has to be sent, in log order, each position at most once, within bounded memory.
 * Stored events are read from the log a page at a time, and the next page only once the socket's write
 * queue has room. Live events from the node's tail wait in a queue of at most {@code maxQueued}; when it
 * would overflow it is dropped and the socket catches up from the log instead (everything live is in the
 * log too). Nothing is written while the write queue is full; if it stays full for {@code stallMillis}
 * while events wait, the socket is closed with {@link #CLOSE_TOO_SLOW} and the client resumes from its
 * position. A resume from before the retention mark gets a {@code resync} frame instead of a replay.
 *
 * <p>Why catching up from the log misses nothing: a live event the tail published before a page is read
 * lies below the horizon that page read uses, so the page has it; one published after is in the queue.
 */
final class SocketOutbox {

  /** Close code for a consumer that stayed too slow: like HTTP 408, the client may come back. */
  static final short CLOSE_TOO_SLOW = 4408;
  static final int REPLAY_PAGE = 200;

  /** Reads a page of this socket's user's events after a position. */
  interface Log {
    Future<EventLog.Page> page(long after, int limit);
  }

  private record Frame(long seq, String text) {}

  private final Vertx vertx;
  private final ServerWebSocket ws;
  private final Log log;
  private final long stallMillis;
  private final int maxQueued;
  private final SocketLoad load;
  private final ArrayDeque<Frame> page = new ArrayDeque<>();
  private final ArrayDeque<Frame> live = new ArrayDeque<>();
  private long lastSent;
  /** The log may hold more of this user's events after lastSent than the pages read so far. */
  private boolean moreInLog = true;
  /** Live events were dropped (queue full): once the log has been read to its end, read it again. */
  private boolean behind;
  /** A page read is in flight, or the outbox has not started: nothing is written meanwhile. */
  private boolean reading = true;
  private boolean closed;
  private long stallTimer = -1;

  SocketOutbox(Vertx vertx, ServerWebSocket ws, Log log, long after, long stallMillis, int maxQueued,
               SocketLoad load) {
    this.vertx = vertx;
    this.ws = ws;
    this.log = log;
    this.lastSent = after;
    this.stallMillis = stallMillis;
    this.maxQueued = maxQueued;
    this.load = load;
  }

  /** Starts the replay from the position given at construction (live events are queued until then). */
  void start() {
    ws.drainHandler(v -> {
      calm();
      pump();
    });
    reading = false;
    pump();
  }

  /** A live event for this socket's user, from the node's tail (in log order). */
  void live(LiveFrame event) {
    long seq = event.seq();
    if (closed || behind || seq <= lastSent) {
      return;
    }
    if (live.size() >= maxQueued) {
      load.held(-live.size());
      live.clear();
      behind = true;
      load.overflowed();
    } else {
      live.add(new Frame(seq, event.text()));
      load.held(1);
    }
    pump();
  }

  /** The socket closed (or is being closed): forget what waits. */
  void close() {
    if (closed) {
      return;
    }
    closed = true;
    calm();
    load.held(-(page.size() + live.size()));
    page.clear();
    live.clear();
  }

  private void pump() {
    if (!closed && ws.isClosed()) {
      // the connection is gone but the gateway's close handler has not run yet: drop what waits
      close();
      return;
    }
    while (!closed && !reading) {
      if (page.isEmpty() && !moreInLog && !behind && live.isEmpty()) {
        calm();
        return;
      }
      if (ws.writeQueueFull()) {
        stalled();
        return;
      }
      if (!page.isEmpty()) {
        load.held(-1);
        write(page.poll());
      } else if (moreInLog) {
        read();
      } else if (behind) {
        behind = false;
        moreInLog = true;
      } else {
        load.held(-1);
        write(live.poll());
      }
    }
  }

  private void read() {
    reading = true;
    log.page(lastSent, REPLAY_PAGE).onComplete(ar -> {
      reading = false;
      if (closed) {
        return;
      }
      if (ar.failed()) {
        close();
        ws.close((short) 1011, "resume failed");
        return;
      }
      EventLog.Page p = ar.result();
      if (p.prunedThrough() > lastSent) {
        resync(p);
      } else {
        List<JsonObject> frames = p.frames();
        frames.forEach(f -> page.add(new Frame(f.getLong("seq"), f.encode())));
        load.held(frames.size());
        moreInLog = frames.size() == REPLAY_PAGE;
      }
      pump();
    });
  }

  /** Events after our position were deleted: the client reloads its state and continues from the newest. */
  private void resync(EventLog.Page p) {
    lastSent = Math.max(p.newest(), p.prunedThrough());
    moreInLog = true;
    load.resynced();
    ws.writeTextMessage(new JsonObject().put("type", "resync").put("lastSeq", lastSent)
        .put("oldestSeq", p.prunedThrough() + 1).encode());
  }

  private void write(Frame f) {
    if (f.seq() > lastSent) {
      lastSent = f.seq();
      ws.writeTextMessage(f.text());
    }
  }

  private void stalled() {
    if (stallTimer < 0) {
      stallTimer = vertx.setTimer(stallMillis, t -> {
        stallTimer = -1;
        load.closedSlow();
        close();
        ws.close(CLOSE_TOO_SLOW, "too slow: reconnect with your last seq");
      });
    }
  }

  private void calm() {
    if (stallTimer >= 0) {
      vertx.cancelTimer(stallTimer);
      stallTimer = -1;
    }
  }
}
