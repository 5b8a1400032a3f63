package dev.unibox.events;

import dev.unibox.signals.Addresses;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's live feed: reads the event log in position order up to the horizon and publishes each event
 * to its recipients' addresses. Commits kick it; a short timer also runs it, for writers on other nodes
 * and for a horizon that moved because a writer rolled back. One read at a time; kicks during a read
 * make it read again right after, so a burst of commits costs a few reads, not one per commit.
 */
public final class EventTail {

  private static final Logger LOG = LoggerFactory.getLogger(EventTail.class);
  private static final String KICK = "unibox.events.appended";
  private static final int PAGE = 2000;

  private final Vertx vertx;
  private final Pool pool;
  /** Written on the tail's context only; volatile for the metrics scrape. */
  private volatile long position = -1;
  private boolean reading;
  private boolean again;
  private long timer;
  private io.vertx.core.eventbus.MessageConsumer<Object> kicks;

  public EventTail(Vertx vertx, Pool pool) {
    this.vertx = vertx;
    this.pool = pool;
  }

  /** After a commit that appended events (any node's tail on this event bus reads them). */
  public static void kick(Vertx vertx) {
    vertx.eventBus().publish(KICK, null);
  }

  /** Starts from the current horizon (older events reach a socket through its own replay). */
  public io.vertx.core.Future<Void> start(long pollMs) {
    // every read runs on this one context, so the fields need no locking
    io.vertx.core.Context context = vertx.getOrCreateContext();
    return EventLog.newest(pool).map(newest -> {
      position = newest;
      kicks = vertx.eventBus().localConsumer(KICK, m -> context.runOnContext(v -> read()));
      timer = vertx.setPeriodic(pollMs, t -> context.runOnContext(v -> read()));
      return null;
    });
  }

  /** The newest log position this node has delivered to its sockets: with the log's newest, the tail's lag. */
  public void register(MeterRegistry registry) {
    Gauge.builder("unibox_event_tail_position", () -> position)
        .description("Newest event id this node's tail has delivered to its sockets").register(registry);
  }

  public void stop() {
    vertx.cancelTimer(timer);
    if (kicks != null) {
      kicks.unregister();
    }
  }

  private void read() {
    if (reading) {
      again = true;
      return;
    }
    reading = true;
    again = false;
    EventLog.after(pool, position, PAGE).onComplete(ar -> {
      reading = false;
      if (ar.failed()) {
        LOG.warn("Event tail read failed: {}", ar.cause().getMessage());
        return;
      }
      for (EventLog.Stored e : ar.result()) {
        for (Long user : e.recipients()) {
          vertx.eventBus().publish(Addresses.user(user), e.frame());
        }
        position = e.id();
      }
      if (again || ar.result().size() == PAGE) {
        read();
      }
    });
  }
}
