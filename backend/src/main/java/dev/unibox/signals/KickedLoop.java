package dev.unibox.signals;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pass that runs on a timer and whenever it is kicked, at most one at a time on this node: a kick that
 * arrives during a pass schedules exactly one more pass after it, so no change is missed and kicks never
 * pile up. Used by every background loop (routing, outbox, auto-replies, polling, the SLA clock, the event tail).
 */
public final class KickedLoop {

  private static final Logger LOG = LoggerFactory.getLogger(KickedLoop.class);

  private final Vertx vertx;
  private final String name;
  private final Supplier<Future<?>> pass;
  private boolean running;
  private boolean again;
  private long timer = -1;
  private MessageConsumer<Object> consumer;

  /**
   * @param name what the loop does, for the log line of a failed pass
   * @param pass one pass; its failure is logged, and the loop carries on
   */
  public KickedLoop(Vertx vertx, String name, Supplier<Future<?>> pass) {
    this.vertx = vertx;
    this.name = name;
    this.pass = pass;
  }

  /** Runs every {@code periodMillis}; no event-bus kicks (only {@link #kick()}). */
  public Future<Void> start(long periodMillis) {
    timer = vertx.setPeriodic(periodMillis, id -> kick());
    return Future.succeededFuture();
  }

  /** Runs every {@code periodMillis} and on each message to {@code address} that {@code accept} takes. */
  public Future<Void> start(long periodMillis, String address, Predicate<Object> accept) {
    return start(periodMillis, vertx.eventBus().consumer(address), accept);
  }

  /** Runs every {@code periodMillis} and on every message sent to {@code address} on this node only. */
  public Future<Void> startLocal(long periodMillis, String address) {
    return start(periodMillis, vertx.eventBus().localConsumer(address), body -> true);
  }

  private Future<Void> start(long periodMillis, MessageConsumer<Object> kicks, Predicate<Object> accept) {
    timer = vertx.setPeriodic(periodMillis, id -> kick());
    consumer = kicks.handler(m -> {
      if (accept.test(m.body())) {
        kick();
      }
    });
    return consumer.completion();
  }

  /** Runs every {@code periodMillis} and on every message to {@code address}. */
  public Future<Void> start(long periodMillis, String address) {
    return start(periodMillis, address, body -> true);
  }

  public Future<Void> stop() {
    vertx.cancelTimer(timer);
    return consumer == null ? Future.succeededFuture() : consumer.unregister();
  }

  /** Runs a pass now, or once more after the running one. */
  public void kick() {
    if (running) {
      again = true;
      return;
    }
    running = true;
    again = false;
    Future<?> f;
    try {
      f = pass.get();
    } catch (RuntimeException e) {
      f = Future.failedFuture(e);
    }
    f.onFailure(e -> LOG.warn("{} failed: {}", name, e.getMessage())).onComplete(ar -> {
      running = false;
      if (again) {
        kick();
      }
    });
  }
}
