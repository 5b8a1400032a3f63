package dev.unibox.routing;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the router when kicked and on a periodic sweep. At most one drain runs at a time on this node;
 * a kick during a drain schedules one more.
 */
public final class RoutingVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(RoutingVerticle.class);

  private final Router router;
  private final long sweepMillis;
  private boolean running;
  private boolean again;
  private long timer;

  public RoutingVerticle(Router router, long sweepMillis) {
    this.router = router;
    this.sweepMillis = sweepMillis;
  }

  @Override
  public Future<?> start() {
    timer = vertx.setPeriodic(sweepMillis, id -> kick());
    return vertx.eventBus().<Void>consumer(RoutingKick.ADDRESS, msg -> kick()).completion()
        .onSuccess(v -> kick());
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return Future.succeededFuture();
  }

  private void kick() {
    if (running) {
      again = true;
      return;
    }
    running = true;
    again = false;
    router.drain()
        .onFailure(e -> LOG.warn("Routing pass failed: {}", e.getMessage()))
        .onComplete(ar -> {
          running = false;
          if (again) {
            kick();
          }
        });
  }
}
