package dev.unibox.bench;

import dev.unibox.classification.BuyerModel;
import dev.unibox.classification.Corpus;
import dev.unibox.classification.LabelledMessage;
import dev.unibox.config.ClassificationRulesLoader;
import dev.unibox.domain.LinguaLanguageDetector;
import dev.unibox.domain.MessageClassifier;
import dev.unibox.domain.Priority;
import dev.unibox.domain.TextJudge;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Per-message latency of classification (a harness, not a test): the trained model alone (folding,
 * cues, two maxent models) and the whole MessageClassifier as ingest calls it (plus Lingua language
 * detection), over the test split's messages, after a warm-up. Prints p50/p99/max and the machine's
 * load, and writes them into docs/benchmarks.md.
 */
public final class ClassifierLatencyBenchmark {

  static final String COMMAND = "mvn -q -pl backend -am test-compile exec:java -Dexec.skip=true "
      + "-Dexec.classpathScope=test -Dexec.mainClass=dev.unibox.bench.ClassifierLatencyBenchmark";
  private static final int ROUNDS = 20;

  private ClassifierLatencyBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<LabelledMessage> messages = Corpus.test();
    BuyerModel model = BuyerModel.train(Corpus.training());
    TextJudge judge = text -> {
      BuyerModel.Judgement j = model.judge(text);
      return new TextJudge.Verdict(j.urgent() ? Priority.URGENT : Priority.NORMAL, j.category(), j.confidence());
    };
    MessageClassifier full = new MessageClassifier(
        ClassificationRulesLoader.load(BenchmarkDoc.root().resolve("config/classification.yaml")),
        new LinguaLanguageDetector(), judge);
    for (int i = 0; i < 5; i++) {
      messages.forEach(m -> full.classify(m.text()));
    }
    long[] alone = measure(messages, m -> model.judge(m.text()));
    long[] whole = measure(messages, m -> full.classify(m.text()));
    double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    int cores = Runtime.getRuntime().availableProcessors();
    String table = """
        | stage | messages timed | p50 | p99 | max |
        |---|---|---|---|---|
        | trained model (fold, cues, two maxent models) | %d | %s | %s | %s |
        | MessageClassifier as ingest calls it (+ Lingua language detection) | %d | %s | %s | %s |
        """.formatted(alone.length, us(alone, 0.5), us(alone, 0.99), us(alone, 1.0),
        whole.length, us(whole, 0.5), us(whole, 0.99), us(whole, 1.0));
    System.out.println(table);
    System.out.printf(Locale.ROOT, "load average %.1f on %d cores%n", load, cores);
    BenchmarkDoc.writeSection("Classification latency per message (issue 17)", """
        Command: `%s`

        Each of the %d test-split messages classified %d times after a warm-up, one thread. Measured with a
        load average of %.1f on %d cores (other builds running), so these are upper bounds. Ingest runs
        classification on a worker thread (executeBlocking, ordered), never on the event loop, whatever
        these figures are.

        %s
        """.formatted(COMMAND, messages.size(), ROUNDS, load, cores, table));
  }

  private static long[] measure(List<LabelledMessage> messages, java.util.function.Consumer<LabelledMessage> work) {
    long[] nanos = new long[messages.size() * ROUNDS];
    int n = 0;
    for (int r = 0; r < ROUNDS; r++) {
      for (LabelledMessage m : messages) {
        long t = System.nanoTime();
        work.accept(m);
        nanos[n++] = System.nanoTime() - t;
      }
    }
    Arrays.sort(nanos);
    return nanos;
  }

  private static String us(long[] sorted, double q) {
    int i = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
    return String.format(Locale.ROOT, "%.0f µs", sorted[Math.max(0, i)] / 1000.0);
  }
}
