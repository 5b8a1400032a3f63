package dev.unibox.sla;

import dev.unibox.signals.KickedLoop;
import dev.unibox.signals.Kicks;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/** Runs the SLA sweep periodically (one run at a time on this node) and kicks routing when it changed seats or the queue. */
public final class SlaVerticle extends VerticleBase {

  private final SlaSweep sweep;
  private final long periodMillis;
  private KickedLoop loop;

  public SlaVerticle(SlaSweep sweep, long periodMillis) {
    this.sweep = sweep;
    this.periodMillis = periodMillis;
  }

  @Override
  public Future<?> start() {
    loop = new KickedLoop(vertx, "SLA sweep", () -> sweep.run().onSuccess(r -> {
      if (r.routingChanged()) {
        Kicks.routing(vertx);
      }
    }));
    return loop.start(periodMillis).onSuccess(v -> loop.kick());
  }

  @Override
  public Future<?> stop() {
    return loop.stop();
  }
}
