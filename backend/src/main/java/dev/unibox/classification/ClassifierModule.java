package dev.unibox.classification;

import dev.unibox.domain.SlaPolicy;
import dev.unibox.domain.TextJudge;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The trained urgency/category classifier (docs/routing.md): the live model ingest asks, agents'
 * corrections, and the admins' retrain and switch. {@link #start()} loads the active model version
 * from the database, or trains the first one from the corpus, in the background: the service is up at
 * once and the word lists decide until the model is live.
 */
public final class ClassifierModule {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ClassifierModule.class);

  private final LiveModel live = new LiveModel();
  private final Retraining retraining;
  private final CorrectionRoutes corrections;
  private final ModelRoutes models;

  /** @param wordLists config/classification.yaml: the old word lists, scored beside each model for comparison */
  public ClassifierModule(Vertx vertx, Pool pool, Clock clock, SlaPolicy sla, Path wordLists) {
    this.retraining = new Retraining(vertx, pool, clock, live);
    this.corrections = new CorrectionRoutes(vertx, pool, clock, sla);
    this.models = new ModelRoutes(pool, clock, retraining, live, new WordListBaseline(vertx, wordLists));
  }

  public Future<Void> start() {
    retraining.loadActive().onFailure(e -> LOG.error("The classifier model could not be loaded; word lists decide", e));
    return Future.succeededFuture();
  }

  public TextJudge judge() {
    return live;
  }

  public void mount(Router router) {
    corrections.mount(router);
    models.mount(router);
  }
}
