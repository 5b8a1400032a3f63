package dev.unibox.classification;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Trains a model on the corpus training split plus every agent correction, scores it on the test split
 * (never trained on), and stores it as a new version; switching to a version makes it live at once.
 * Training and scoring run off the event loop (the corpus-only model on a thread of its own, any other on a
 * worker, unordered): a training never holds up the other blocking work of the same context (the start,
 * ingest's classification).
 */
record Retraining(Vertx vertx, Pool pool, Clock clock, LiveModel live) {

  /** The active model, or (first start) one trained on the corpus alone, stored and activated. */
  Future<Void> loadActive() {
    return ClassificationStore.activeModel(pool).compose(stored -> stored != null
        ? vertx.executeBlocking(() -> BuyerModel.fromBytes(stored.bytes()), false)
            .map(model -> {
              live.use(stored.version(), model);
              return null;
            })
        : train(null, true).mapEmpty());
  }

  /** Trains and stores a new version (active only when asked); returns its listing with test scores. */
  Future<JsonObject> train(Long userId, boolean activate) {
    return ClassificationStore.correctionsForTraining(pool).compose(corrections -> corrections.isEmpty()
        ? Future.fromCompletionStage(corpusOnly(), vertx.getOrCreateContext())
        : vertx.executeBlocking(() -> {
          List<LabelledMessage> data = new ArrayList<>(Corpus.training());
          data.addAll(corrections);
          return trained(data, corrections.size());
        }, false)).compose(t -> pool.withTransaction(conn -> (activate ? ClassificationStore.deactivateAll(conn)
            : Future.<Void>succeededFuture())
        .compose(v -> ClassificationStore.insertModel(conn, userId, t.trainedOn, t.corrections, t.scores, t.bytes,
            activate, clock.instant())))
        .map(version -> {
          if (activate) {
            live.use(version, t.model);
          }
          return new JsonObject().put("version", version).put("trainedOn", t.trainedOn)
              .put("corrections", t.corrections).put("active", activate).put("testScores", t.scores);
        }));
  }

  /** Makes a stored version live (also to switch back); false when there is no such version. */
  Future<Boolean> activate(long version) {
    return ClassificationStore.model(pool, version).compose(stored -> {
      if (stored == null) {
        return Future.succeededFuture(false);
      }
      return vertx.executeBlocking(() -> BuyerModel.fromBytes(stored.bytes()), false)
          .compose(model -> pool.withTransaction(conn -> ClassificationStore.activate(conn, version))
              .map(v -> {
                live.use(version, model);
                return true;
              }));
    });
  }

  private static CompletableFuture<Trained> corpusOnly;

  /**
   * The model of the corpus alone is the same every time: trained once per process, on a thread of its own.
   * On a Vert.x worker, a Vert.x instance closed during the training (each test's is) interrupted it, and the
   * next start began again: a test run trained it dozens of times over, each cut short.
   */
  private static synchronized CompletableFuture<Trained> corpusOnly() {
    if (corpusOnly == null || corpusOnly.isCompletedExceptionally()) {
      corpusOnly = CompletableFuture.supplyAsync(() -> trained(Corpus.training(), 0), task -> {
        Thread t = new Thread(task, "unibox-corpus-model");
        t.setDaemon(true);
        t.start();
      });
    }
    return corpusOnly;
  }

  private static Trained trained(List<LabelledMessage> data, int corrections) {
    BuyerModel model = BuyerModel.train(data);
    Scores scores = Scores.of(Corpus.test(), m -> {
      BuyerModel.Judgement j = model.judge(m.text());
      return new Scores.Said(j.urgent(), j.category().wire());
    });
    return new Trained(model, model.toBytes(), data.size(), corrections, scores.toJson());
  }

  private record Trained(BuyerModel model, byte[] bytes, int trainedOn, int corrections, JsonObject scores) {}
}
