package dev.unibox.events;

import dev.unibox.signals.Addresses;
import dev.unibox.signals.LoopVerticle;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;

/**
 * The node's live feed: reads the event log in position order up to the horizon and publishes each event
 * to its recipients' addresses. Commits kick it; a short timer also runs it, for writers on other nodes
 * and for a horizon that moved because a writer rolled back. One read at a time (a {@link LoopVerticle}):
 * kicks during a read make it read again right after, so a burst of commits costs a few reads, not one per
 * commit.
 */
public final class EventTail {

  private static final String KICK = "unibox.events.appended";
  private static final int PAGE = 2000;

  private final Vertx vertx;
  private final Pool pool;
  /** Written on the tail's context only; volatile for the metrics scrape. */
  private volatile long position = -1;

  public EventTail(Vertx vertx, Pool pool) {
    this.vertx = vertx;
    this.pool = pool;
  }

  /** After a commit that appended events (any node's tail on this event bus reads them). */
  public static void kick(Vertx vertx) {
    vertx.eventBus().publish(KICK, null);
  }

  /**
   * Reads every {@code pollMs} and on each kick of this node, starting from the current horizon (older events
   * reach a socket through its own replay).
   */
  public LoopVerticle job(long pollMs) {
    return new LoopVerticle("Event tail read", pollMs, this::read).kickedLocallyOn(KICK)
        .onStart(v -> {
          LiveFrame.registerCodec(v);
          return EventLog.newest(pool).onSuccess(newest -> position = newest);
        })
        .onStop(() -> {
          LiveFrame.unregisterCodec(vertx);
          return Future.succeededFuture();
        });
  }

  /** The newest log position this node has delivered to its sockets: with the log's newest, the tail's lag. */
  public void register(MeterRegistry registry) {
    Gauge.builder("unibox_event_tail_position", () -> position)
        .description("Newest event id this node's tail has delivered to its sockets").register(registry);
  }

  /** Delivers every event after the position, a page at a time. */
  private Future<Void> read() {
    return EventLog.after(pool, position, PAGE).compose(page -> {
      for (EventLog.Stored e : page) {
        LiveFrame frame = new LiveFrame(e.id(), e.frame().encode());
        for (Long user : e.recipients()) {
          vertx.eventBus().publish(Addresses.user(user), frame);
        }
        position = e.id();
      }
      return page.size() == PAGE ? read() : Future.succeededFuture();
    });
  }
}
