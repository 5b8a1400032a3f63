package dev.unibox.signals;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
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
  private boolean passAtStart;
  private KickedLoop loop;

  /** @param name what the pass does, for the log line of a failed pass */
  public LoopVerticle(String name, long periodMillis, Supplier<Future<?>> pass) {
    this.name = name;
    this.periodMillis = periodMillis;
    this.pass = pass;
  }

  /** Also runs on every message to this event-bus address. */
  public LoopVerticle kickedOn(String address) {
    this.kickAddress = address;
    return this;
  }

  /** Also runs once right after it is deployed, instead of waiting a period. */
  public LoopVerticle passAtStart() {
    this.passAtStart = true;
    return this;
  }

  @Override
  public Future<?> start() {
    loop = new KickedLoop(vertx, name, pass);
    Future<Void> started = kickAddress == null ? loop.start(periodMillis) : loop.start(periodMillis, kickAddress);
    return passAtStart ? started.onSuccess(v -> loop.kick()) : started;
  }

  @Override
  public Future<?> stop() {
    return loop.stop();
  }
}
