package dev.unibox.reports;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reports composed: the rollup sweep (a verticle on a timer) and the report routes. See docs/reports.md. */
public final class ReportsModule {

  private static final Logger LOG = LoggerFactory.getLogger(ReportsModule.class);
  static final long SWEEP_MILLIS = 5_000;

  private final RollupSweep sweep;
  private final ReportRoutes routes;

  public ReportsModule(Vertx vertx, Pool pool, Clock clock) {
    this.sweep = new RollupSweep(pool, clock);
    this.routes = new ReportRoutes(vertx, pool, new ReportService(pool), clock);
  }

  public RollupSweep sweep() {
    return sweep;
  }

  public void mount(Router router) {
    routes.mount(router);
  }

  /** Sweeps every few seconds, one sweep at a time. */
  public VerticleBase sweeper() {
    return new VerticleBase() {
      private boolean running;

      @Override
      public Future<?> start() {
        vertx.setPeriodic(0, SWEEP_MILLIS, id -> {
          if (running) {
            return;
          }
          running = true;
          sweep.sweep().onComplete(r -> {
            running = false;
            if (r.failed()) {
              LOG.warn("Report rollup sweep failed; the next one retries", r.cause());
            }
          });
        });
        return Future.succeededFuture();
      }
    };
  }
}
