package dev.unibox.routing;

import dev.unibox.signals.Addresses;
import dev.unibox.signals.KickedLoop;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;

/** Runs the router when kicked and on a periodic sweep, one drain at a time on this node. */
public final class RoutingVerticle extends VerticleBase {

  /** Told after each drain how long it took and how many conversations it assigned (metrics). */
  @FunctionalInterface
  public interface PassListener {
    void passed(Duration took, int assigned);
  }

  private final Assigner router;
  private final long sweepMillis;
  private final PassListener listener;
  private KickedLoop loop;

  public RoutingVerticle(Assigner router, long sweepMillis, PassListener listener) {
    this.router = router;
    this.sweepMillis = sweepMillis;
    this.listener = listener;
  }

  @Override
  public Future<?> start() {
    loop = new KickedLoop(vertx, "Routing pass", () -> {
      long started = System.nanoTime();
      return router.drain().onSuccess(n -> listener.passed(Duration.ofNanos(System.nanoTime() - started), n));
    });
    return loop.start(sweepMillis, Addresses.ROUTING_KICK).onSuccess(v -> loop.kick());
  }

  @Override
  public Future<?> stop() {
    return loop.stop();
  }
}
