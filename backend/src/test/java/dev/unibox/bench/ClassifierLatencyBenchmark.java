package dev.unibox.bench;

import dev.unibox.classification.BuyerModel;
import dev.unibox.classification.Corpus;
import dev.unibox.classification.LabelledMessage;
import dev.unibox.config.ClassificationRulesLoader;
import dev.unibox.domain.LinguaLanguageDetector;
import dev.unibox.domain.MessageClassifier;
import dev.unibox.domain.TextJudge;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Per-message latency of classification (a harness, not a test), one thread: the trained model alone
 * (folding, cues, Chinese characters, an urgency and a category maxent model), language detection alone (before: Lingua for every message; now:
 * script first, Lingua for Latin text only), and the whole MessageClassifier as
 * ingest calls it, over the test split's messages; then a 900 KB message (only its start is classified).
 * Each call is timed on its own with System.nanoTime and the thread's CPU time after a warm-up of {@value #WARM_UP_CALLS} calls per
 * stage (the JIT has compiled the hot paths by then). Prints p50/p99/max and the load average before and
 * after, and writes them into docs/benchmarks.md.
 */
public final class ClassifierLatencyBenchmark {

  static final String COMMAND = "mvn -q -pl backend -am test-compile exec:java -Dexec.skip=true "
      + "-Dexec.classpathScope=test -Dexec.mainClass=dev.unibox.bench.ClassifierLatencyBenchmark";
  private static final int WARM_UP_CALLS = 50_000;
  private static final int ROUNDS = 40;
  private static final int LONG_CALLS = 200;

  private ClassifierLatencyBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<String> messages = Corpus.test().stream().map(LabelledMessage::text).toList();
    BuyerModel model = BuyerModel.train(Corpus.training());
    TextJudge judge = text -> model.judge(text).verdict();
    LinguaLanguageDetector detector = new LinguaLanguageDetector();
    LinguaAlone linguaAlone = new LinguaAlone();
    MessageClassifier full = new MessageClassifier(
        ClassificationRulesLoader.load(BenchmarkDoc.root().resolve("config/classification.yaml")), detector, judge);
    String longText = longText(900 * 1024);
    double loadBefore = load();

    long[][] alone = measure(messages, model::judge);
    long[][] before = measure(messages, linguaAlone::detect);
    long[][] detection = measure(messages, detector::detect);
    long[][] whole = measure(messages, full::classify);
    long[][] huge = measure(List.of(longText), full::classify, LONG_CALLS / 4, LONG_CALLS);
    double loadAfter = load();
    int cores = Runtime.getRuntime().availableProcessors();
    String table = """
        | stage | calls timed | wall p50 | wall p99 | wall max | CPU p50 | CPU p99 | CPU max |
        |---|---|---|---|---|---|---|---|
        | trained model (fold, cues, Chinese characters, urgency and category maxent models) | %s |
        | language detection before: Lingua over five languages for every message | %s |
        | language detection now: script first, Lingua (en/ms/vi) for Latin text only | %s |
        | MessageClassifier as ingest calls it (model + language detection + platform signal) | %s |
        | MessageClassifier on a 900 KB message (first %d characters classified) | %s |
        """.formatted(row(alone), row(before), row(detection), row(whole), MessageClassifier.MAX_CLASSIFIED_CHARS, row(huge));
    System.out.println(table);
    System.out.printf(Locale.ROOT, "load average %.1f before, %.1f after, %d cores%n", loadBefore, loadAfter, cores);
    BenchmarkDoc.writeSection("Classification latency per message", """
        Command: `%s`

        One thread. Each stage first runs %d warm-up calls, then classifies each of the %d test-split messages
        %d times, every call timed on its own with System.nanoTime (wall) and with the thread's CPU time
        (ThreadMXBean: what the call itself computed, without the time the thread waited for a core); the
        900 KB message is classified %d times. Load average of the machine %.1f before and %.1f after the
        run, on %d cores: it is shared with other builds, so the wall p99 and max mostly measure waiting for a
        core; the CPU columns are the classifier's own cost. Ingest classifies on a
        worker thread (executeBlocking), never on the event loop. Target: p99 ≤ 200 µs per message.

        %s
        """.formatted(COMMAND, WARM_UP_CALLS, messages.size(), ROUNDS, LONG_CALLS, loadBefore, loadAfter, cores,
        table));
  }

  private static long[][] measure(List<String> messages, Consumer<String> work) {
    return measure(messages, work, WARM_UP_CALLS, messages.size() * ROUNDS);
  }

  /** Sorted wall and CPU nanoseconds per call. */
  private static long[][] measure(List<String> messages, Consumer<String> work, int warmUp, int calls) {
    for (int i = 0; i < warmUp; i++) {
      work.accept(messages.get(i % messages.size()));
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[] wall = new long[calls];
    long[] cpu = new long[calls];
    for (int i = 0; i < calls; i++) {
      String m = messages.get(i % messages.size());
      long c = threads.getCurrentThreadCpuTime();
      long t = System.nanoTime();
      work.accept(m);
      wall[i] = System.nanoTime() - t;
      cpu[i] = threads.getCurrentThreadCpuTime() - c;
    }
    Arrays.sort(wall);
    Arrays.sort(cpu);
    return new long[][] {wall, cpu};
  }

  /** A long paste: buyer sentences over and over, a complaint near the start. */
  private static String longText(int chars) {
    StringBuilder b = new StringBuilder("the cup arrived broken, i want a refund. ");
    while (b.length() < chars) {
      b.append("here is the whole chat log i copied from the other app, line after line. ");
    }
    return b.substring(0, chars);
  }

  private static String row(long[][] wallAndCpu) {
    long[] wall = wallAndCpu[0];
    long[] cpu = wallAndCpu[1];
    return "%d | %s | %s | %s | %s | %s | %s".formatted(wall.length, us(wall, 0.5), us(wall, 0.99), us(wall, 1.0),
        us(cpu, 0.5), us(cpu, 0.99), us(cpu, 1.0));
  }

  private static String us(long[] sorted, double q) {
    int i = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
    return String.format(Locale.ROOT, "%.0f µs", sorted[Math.max(0, i)] / 1000.0);
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }
}
