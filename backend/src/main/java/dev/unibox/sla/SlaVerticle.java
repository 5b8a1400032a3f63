package dev.unibox.sla;

import dev.unibox.routing.RoutingKick;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the SLA sweep periodically (one run at a time on this node) and kicks routing when it changed seats or the queue. */
public final class SlaVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(SlaVerticle.class);

  private final SlaSweep sweep;
  private final long periodMillis;
  private long timer;
  private boolean running;

  public SlaVerticle(SlaSweep sweep, long periodMillis) {
    this.sweep = sweep;
    this.periodMillis = periodMillis;
  }

  @Override
  public Future<?> start() {
    timer = vertx.setPeriodic(periodMillis, id -> tick());
    tick();
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return Future.succeededFuture();
  }

  private void tick() {
    if (running) {
      return;
    }
    running = true;
    sweep.run()
        .onSuccess(r -> {
          if (r.routingChanged()) {
            RoutingKick.send(vertx);
          }
        })
        .onFailure(e -> LOG.warn("SLA sweep failed: {}", e.getMessage()))
        .onComplete(ar -> running = false);
  }
}
