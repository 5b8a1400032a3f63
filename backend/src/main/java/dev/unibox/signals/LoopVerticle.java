package dev.unibox.signals;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A background job as a verticle: one {@link KickedLoop} that runs its pass every period, on each message to
 * its kick address (if it has one) and, if asked, once as soon as it is deployed. Undeploying it stops the
 * loop, so no pass starts on a closed pool.
 */
public final class LoopVerticle extends VerticleBase {

  private final String name;
  private final long periodMillis;
  private final Supplier<Future<?>> pass;
  private String kickAddress;
  private Predicate<Object> acceptKick = body -> true;
  private boolean localKicks;
  private boolean passAtStart;
  private Function<Vertx, Future<?>> onStart = v -> Future.succeededFuture();
  private Supplier<Future<?>> onStop = Future::succeededFuture;
  private KickedLoop loop;

  /** @param name what the pass does, for the log line of a failed pass */
  public LoopVerticle(String name, long periodMillis, Supplier<Future<?>> pass) {
    this.name = name;
    this.periodMillis = periodMillis;
    this.pass = pass;
  }

  /** Also runs on every message to this event-bus address. */
  public LoopVerticle kickedOn(String address) {
    return kickedOn(address, body -> true);
  }

  /** Also runs on each message to this event-bus address whose body {@code accept} takes. */
  public LoopVerticle kickedOn(String address, Predicate<Object> accept) {
    this.kickAddress = address;
    this.acceptKick = accept;
    return this;
  }

  /** Also runs on every message to this event-bus address sent on this node (not from other nodes). */
  public LoopVerticle kickedLocallyOn(String address) {
    this.kickAddress = address;
    this.localKicks = true;
    return this;
  }

  /** Also runs once right after it is deployed, instead of waiting a period. */
  public LoopVerticle passAtStart() {
    this.passAtStart = true;
    return this;
  }

  /** Runs {@code step} on this verticle's context before the loop starts; the deployment waits for it. */
  public LoopVerticle onStart(Function<Vertx, Future<?>> step) {
    this.onStart = step;
    return this;
  }

  /** Runs {@code step} once the loop has stopped; the undeployment waits for it. */
  public LoopVerticle onStop(Supplier<Future<?>> step) {
    this.onStop = step;
    return this;
  }

  @Override
  public Future<?> start() {
    loop = new KickedLoop(vertx, name, pass);
    Future<Void> started = onStart.apply(vertx).compose(x -> kickAddress == null ? loop.start(periodMillis)
        : localKicks ? loop.startLocal(periodMillis, kickAddress) : loop.start(periodMillis, kickAddress, acceptKick));
    return passAtStart ? started.onSuccess(v -> loop.kick()) : started;
  }

  @Override
  public Future<?> stop() {
    return loop.stop().compose(v -> onStop.get());
  }
}
