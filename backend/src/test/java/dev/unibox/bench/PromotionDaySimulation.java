package dev.unibox.bench;

import dev.unibox.bench.PromotionDayWorkload.Arrival;
import dev.unibox.bench.SimulatedDay.Scenario;
import dev.unibox.classification.BuyerModel;
import dev.unibox.classification.Corpus;
import dev.unibox.config.ClassificationRulesLoader;
import dev.unibox.domain.LinguaLanguageDetector;
import dev.unibox.domain.MessageClassifier;
import dev.unibox.domain.Priority;
import dev.unibox.domain.TextJudge;
import dev.unibox.routing.DeadlinePolicy;
import dev.unibox.routing.FifoRoundRobinPolicy;
import dev.unibox.routing.PriorityPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * Promotion-day simulation (a harness, not a test). A synthetic Double Eleven in Kuala Lumpur time
 * ({@link PromotionDayWorkload}) answered by three shifts and a standby pool ({@link PromotionDayTeam}).
 *
 * <p>Every message goes through the real ingest (classification by the config rules, Lingua and the trained model),
 * the real {@link dev.unibox.routing.Assigner} assigns, the real SLA sweep warns, raises and runs surge and the
 * shift clock, all on one virtual clock ({@link SimulatedDay}); {@link SimulatedAgents} answer and close.
 * Identical arrivals and per-conversation draws for every policy, in one run. Only the routing
 * policy and whether surge may switch the standby pool on differ between the rows; all run the same engine
 * (SLA clock, surge, shifts).
 *
 * <p>Run: {@code mvn -q -pl backend -am test-compile exec:java -Dexec.skip=true -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.unibox.bench.PromotionDaySimulation} (ours and the baseline). Arguments, in any order:
 * {@code quick} for 6 hours around the peak, ours against the two other rows with surge, printed only;
 * {@code all} for every row (ours, the baseline, strict priority with and without surge, round-robin with
 * surge); {@code seed=N} for other arrivals (default 1111).
 */
public final class PromotionDaySimulation {

  private static final String COMMAND = "mvn -q -pl backend -am test-compile exec:java -Dexec.skip=true -Dexec.classpathScope=test "
      + "-Dexec.mainClass=dev.unibox.bench.PromotionDaySimulation";
  private static final long DEFAULT_SEED = 1111;

  private PromotionDaySimulation() {}

  public static void main(String[] args) {
    Harness.exitAfter(() -> simulate(args));
  }

  private static void simulate(String[] args) throws Exception {
    List<String> words = List.of(args);
    boolean quick = words.contains("quick");
    boolean all = words.contains("all");
    long seed = words.stream().filter(w -> w.startsWith("seed=")).mapToLong(w -> Long.parseLong(w.substring(5)))
        .findFirst().orElse(DEFAULT_SEED);
    long daySeconds = 24 * 3600;
    List<Arrival> arrivals = PromotionDayWorkload.arrivals(daySeconds, seed);
    if (quick) {
      // 17:00–23:00 only, shifted to start at midnight would change the shifts: keep times, drop the rest
      arrivals = arrivals.stream().filter(a -> a.second() >= 17 * 3600 && a.second() < 23 * 3600).toList();
    }
    MessageClassifier classifier = productClassifier();
    UrgencyTruth truth = UrgencyTruth.of(arrivals, classifier);
    PromotionDayTeam team = PromotionDayTeam.hire();
    long peak = arrivals.stream().filter(a -> a.second() >= 20 * 3600 && a.second() < 22 * 3600).count();
    System.out.printf("seed %d: %d conversations (%d in the 20:00-22:00 peak), %d agents in 3 shifts + %d standby%n",
        seed, arrivals.size(), peak, team.agents().size() - team.plan().standby().size(), team.plan().standby().size());
    Scenario ours = new Scenario("**ours: deadline + SLA clock + surge**", new DeadlinePolicy(), true);
    Scenario baseline = new Scenario("baseline: fifo-round-robin", new FifoRoundRobinPolicy(), false);
    Scenario strict = new Scenario("priority + SLA clock + surge", new PriorityPolicy(), true);
    Scenario strictAlone = new Scenario("priority, surge off", new PriorityPolicy(), false);
    Scenario fifoSurge = new Scenario("fifo-round-robin + surge", new FifoRoundRobinPolicy(), true);
    // quick: ours against the two rows that share its surge; all: every row
    List<Scenario> scenarios = words.contains("only") ? List.of() : all ? List.of(ours, baseline, strict, strictAlone, fifoSurge)
        : quick ? List.of(ours, strict, fifoSurge) : List.of(ours, baseline);
    List<Scenario> tried = new ArrayList<>(scenarios);
    words.stream().filter(w -> w.startsWith("try=")).flatMap(w -> List.of(w.substring(4).split(",")).stream())
        .forEach(v -> {
          String[] ra = v.split("/");
          tried.add(new Scenario("deadline " + v, new DeadlinePolicy(
              java.time.Duration.ofSeconds(Long.parseLong(ra[1])), java.time.Duration.ofSeconds(Long.parseLong(ra[2])),
              ra[0].equals("B")), true));
        });
    scenarios = tried;
    List<DayResult> results = new ArrayList<>();
    for (Scenario s : scenarios) {
      results.add(SimulatedDay.run(s, arrivals, team, daySeconds, classifier));
    }
    String command = COMMAND + (seed == DEFAULT_SEED ? "" : " -Dexec.args=seed=" + seed);
    String table = PromotionDayReport.table(command, seed, arrivals.size(), peak, results, truth);
    System.out.println(table);
    if (!quick) {
      BenchmarkDoc.writeSection(PromotionDayReport.HEADING, table);
    }
  }

  /** The product's classifier: the model trained on the corpus training split (buyers write from the test split). */
  private static MessageClassifier productClassifier() {
    BuyerModel model = BuyerModel.train(Corpus.training());
    TextJudge judge = text -> {
      BuyerModel.Judgement j = model.judge(text);
      return new TextJudge.Verdict(j.urgent() ? Priority.URGENT : Priority.NORMAL, j.category(), j.confidence());
    };
    return new MessageClassifier(
        ClassificationRulesLoader.load(BenchmarkDoc.root().resolve("config/classification.yaml")),
        new LinguaLanguageDetector(), judge);
  }
}
