package dev.unibox.classification;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Urgent recall and precision and category accuracy of a classifier on labelled messages, per language
 * and overall ("all").
 */
public final class Scores {

  /** Counts for one language. */
  public static final class Tally {
    public int messages;
    public int urgent;
    public int caught;
    public int falselyRaised;
    public int categoryRight;

    public int missed() {
      return urgent - caught;
    }

    public double recall() {
      return urgent == 0 ? 1 : (double) caught / urgent;
    }

    public double precision() {
      return caught + falselyRaised == 0 ? 1 : (double) caught / (caught + falselyRaised);
    }

    public double categoryAccuracy() {
      return messages == 0 ? 1 : (double) categoryRight / messages;
    }

    JsonObject toJson() {
      return new JsonObject().put("messages", messages).put("urgent", urgent).put("missed", missed())
          .put("falselyRaised", falselyRaised).put("urgentRecall", recall()).put("urgentPrecision", precision())
          .put("categoryAccuracy", categoryAccuracy());
    }
  }

  /** What a classifier said: urgent, and which category (wire name). */
  public record Said(boolean urgent, String category) {}

  public final Map<String, Tally> byLanguage = new LinkedHashMap<>();

  public static Scores of(Iterable<LabelledMessage> messages, Function<LabelledMessage, Said> classifier) {
    Scores s = new Scores();
    for (String language : Corpus.LANGUAGES) {
      s.byLanguage.put(language, new Tally());
    }
    s.byLanguage.put("all", new Tally());
    for (LabelledMessage m : messages) {
      Said said = classifier.apply(m);
      for (String key : new String[] {m.language(), "all"}) {
        Tally t = s.byLanguage.computeIfAbsent(key, k -> new Tally());
        t.messages++;
        t.urgent += m.urgent() ? 1 : 0;
        t.caught += m.urgent() && said.urgent() ? 1 : 0;
        t.falselyRaised += !m.urgent() && said.urgent() ? 1 : 0;
        t.categoryRight += m.category().wire().equals(said.category()) ? 1 : 0;
      }
    }
    return s;
  }

  public Tally overall() {
    return byLanguage.get("all");
  }

  public JsonObject toJson() {
    JsonObject out = new JsonObject();
    byLanguage.forEach((k, v) -> out.put(k, v.toJson()));
    return out;
  }
}
