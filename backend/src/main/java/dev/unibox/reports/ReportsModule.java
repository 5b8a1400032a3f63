package dev.unibox.reports;

import dev.unibox.config.UniboxConfig.ReportsConfig;
import dev.unibox.signals.LoopVerticle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/** Reports composed: the rollup sweep (a verticle on a timer) and the report routes. See docs/reports.md. */
public final class ReportsModule {

  static final long SWEEP_MILLIS = 5_000;

  static final int SNAPSHOT_EVERY_SWEEPS = 12;

  private final RollupSweep sweep;
  private final ReportSnapshots snapshots;
  private final ReportMailer mailer;
  private final ProjectionWatch projections;
  private final List<Consumer<Router>> routes;

  public ReportsModule(Vertx vertx, Pool pool, Clock clock, ReportsConfig config) {
    this.sweep = new RollupSweep(pool, clock);
    ReportService service = new ReportService(pool);
    this.snapshots = new ReportSnapshots(pool, service, clock, config::recipientsOf);
    this.mailer = new ReportMailer(vertx, pool, config.mail(), clock);
    this.projections = new ProjectionWatch(vertx, pool, clock);
    this.routes = List.of(new SnapshotRoutes(vertx, pool)::mount, new ProjectionRoutes(pool, clock, projections)::mount,
        new ReportRoutes(vertx, pool, service, clock)::mount);
  }

  public RollupSweep sweep() {
    return sweep;
  }

  public ProjectionWatch projections() {
    return projections;
  }

  public void mount(Router router) {
    routes.forEach(r -> r.accept(router));
  }

  /** Closes the mail connection. */
  public Future<Void> stop() {
    return mailer.close();
  }

  /**
   * Sweeps every few seconds, one sweep at a time, and projects each shop's platform indicator from the fresh
   * rollups; every minute stores the due daily/weekly reports and sends their e-mails. Stopping the verticle
   * stops the loop, so no sweep starts on a closed pool.
   */
  public LoopVerticle sweeper() {
    int[] ticks = {0};
    return new LoopVerticle("Report rollup sweep, projection or report storing", SWEEP_MILLIS, () -> {
      boolean snapshot = ++ticks[0] % SNAPSHOT_EVERY_SWEEPS == 0;
      return sweep.sweep().compose(r -> projections.check()).compose(r -> snapshot
          ? snapshots.generateDue().compose(n -> mailer.sendDue()).mapEmpty()
          : Future.succeededFuture());
    });
  }
}
