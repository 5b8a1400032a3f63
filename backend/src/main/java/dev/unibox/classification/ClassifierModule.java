package dev.unibox.classification;

import dev.unibox.domain.SlaPolicy;
import dev.unibox.domain.TextJudge;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.time.Clock;

/**
 * The trained urgency/category classifier (docs/routing.md): the live model ingest asks, agents'
 * corrections, and the admins' retrain and switch. {@link #start()} loads the active model version
 * from the database, or trains the first one from the corpus.
 */
public final class ClassifierModule {

  private final LiveModel live = new LiveModel();
  private final Retraining retraining;
  private final CorrectionRoutes corrections;
  private final ModelRoutes models;

  public ClassifierModule(Vertx vertx, Pool pool, Clock clock, SlaPolicy sla) {
    this.retraining = new Retraining(vertx, pool, clock, live);
    this.corrections = new CorrectionRoutes(vertx, pool, clock, sla);
    this.models = new ModelRoutes(pool, clock, retraining, live);
  }

  public Future<Void> start() {
    return retraining.loadActive();
  }

  public TextJudge judge() {
    return live;
  }

  public void mount(Router router) {
    corrections.mount(router);
    models.mount(router);
  }
}
