package dev.unibox.adapters.fake;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * Push faults a fake platform can be told to inject, the way real platforms misbehave: drop a push (it
 * then waits in the platform's lost-push queue, if it has one), deliver it twice, deliver it late, or hold
 * pushes back and deliver them in reverse order. Shared by every fake platform server.
 */
public final class PushFaults {

  private final Vertx vertx;
  private int toDrop;
  private int toDuplicate;
  private int toDelay;
  private long delayMs;
  private boolean holding;
  private final List<Supplier<Future<?>>> held = new ArrayList<>();

  public PushFaults(Vertx vertx) {
    this.vertx = vertx;
  }

  /** The next {@code n} pushes are never delivered. */
  public synchronized PushFaults dropNext(int n) {
    toDrop += n;
    return this;
  }

  /** The next {@code n} pushes are delivered twice (the identical signed body). */
  public synchronized PushFaults duplicateNext(int n) {
    toDuplicate += n;
    return this;
  }

  /** The next {@code n} pushes are delivered {@code millis} later. */
  public synchronized PushFaults delayNext(int n, long millis) {
    toDelay += n;
    delayMs = millis;
    return this;
  }

  /** From now on pushes are held back until {@link #releaseHeld(boolean)}. */
  public synchronized PushFaults hold() {
    holding = true;
    return this;
  }

  /** Delivers every held push, newest first when {@code reversed}; stops holding. */
  public Future<Void> releaseHeld(boolean reversed) {
    List<Supplier<Future<?>>> batch;
    synchronized (this) {
      holding = false;
      batch = new ArrayList<>(held);
      held.clear();
    }
    if (reversed) {
      Collections.reverse(batch);
    }
    Future<?> chain = Future.succeededFuture();
    for (Supplier<Future<?>> push : batch) {
      chain = chain.compose(v -> push.get());
    }
    return chain.mapEmpty();
  }

  public synchronized int heldCount() {
    return held.size();
  }

  /**
   * Delivers one push through {@code send}, applying the pending faults. {@code notDelivered} is the
   * outcome reported for a dropped or held push; {@code onDropped} runs for a dropped one.
   */
  public <T> Future<T> deliver(Supplier<Future<T>> send, T notDelivered, Runnable onDropped) {
    boolean drop;
    boolean duplicate;
    long delay;
    synchronized (this) {
      drop = toDrop > 0;
      if (drop) {
        toDrop--;
        onDropped.run();
        return Future.succeededFuture(notDelivered);
      }
      if (holding) {
        held.add(send::get);
        return Future.succeededFuture(notDelivered);
      }
      duplicate = toDuplicate > 0;
      if (duplicate) {
        toDuplicate--;
      }
      delay = toDelay > 0 ? delayMs : 0;
      if (toDelay > 0) {
        toDelay--;
      }
    }
    Supplier<Future<T>> once = duplicate ? () -> send.get().compose(first -> send.get().map(first)) : send;
    if (delay <= 0) {
      return once.get();
    }
    Promise<T> later = Promise.promise();
    vertx.setTimer(delay, t -> once.get().onComplete(later));
    return later.future();
  }
}
