package dev.unibox.classification;

import dev.unibox.config.ClassificationRulesLoader;
import dev.unibox.domain.Classification;
import dev.unibox.domain.LanguageDetector;
import dev.unibox.domain.MessageClassifier;
import dev.unibox.domain.Priority;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;

/**
 * The old word-list classifier's scores on the corpus test split, shown beside every model so an admin
 * sees what the trained models gain. The word lists do not change while the service runs: scored once,
 * on a worker thread.
 */
public final class WordListBaseline {

  private final Vertx vertx;
  private final Path wordLists;
  private Future<JsonObject> scores;

  WordListBaseline(Vertx vertx, Path wordLists) {
    this.vertx = vertx;
    this.wordLists = wordLists;
  }

  synchronized Future<JsonObject> scores() {
    if (scores == null || scores.failed()) {
      scores = vertx.executeBlocking(() -> score(wordLists).toJson(), false);
    }
    return scores;
  }

  /** The word lists of this file (config/classification.yaml) scored on the test split. */
  public static Scores score(Path wordLists) {
    return score(wordLists, Corpus.test());
  }

  public static Scores score(Path wordLists, java.util.List<LabelledMessage> messages) {
    MessageClassifier words = new MessageClassifier(ClassificationRulesLoader.load(wordLists),
        text -> LanguageDetector.UNDETERMINED);
    return Scores.of(messages, m -> {
      Classification c = words.classify(m.text());
      return new Scores.Said(c.priority().level() >= Priority.URGENT.level(), c.category().wire());
    });
  }
}
