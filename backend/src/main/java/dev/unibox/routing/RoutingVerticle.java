package dev.unibox.routing;

import dev.unibox.signals.Addresses;
import dev.unibox.signals.KickedLoop;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/** Runs the router when kicked and on a periodic sweep, one drain at a time on this node. */
public final class RoutingVerticle extends VerticleBase {

  private final Assigner router;
  private final long sweepMillis;
  private KickedLoop loop;

  public RoutingVerticle(Assigner router, long sweepMillis) {
    this.router = router;
    this.sweepMillis = sweepMillis;
  }

  @Override
  public Future<?> start() {
    loop = new KickedLoop(vertx, "Routing pass", router::drain);
    return loop.start(sweepMillis, Addresses.ROUTING_KICK).onSuccess(v -> loop.kick());
  }

  @Override
  public Future<?> stop() {
    return loop.stop();
  }
}
