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
 * policy differs between the two main rows; both run the same engine (SLA clock, surge, shifts).
 *
 * <p>Run: {@code mvn -q -pl backend -am test-compile exec:java -Dexec.skip=true -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.unibox.bench.PromotionDaySimulation} ({@code -Dexec.args=quick} for 6 hours around the
 * peak, printed only; {@code -Dexec.args=all} adds the two mixed rows).
 */
public final class PromotionDaySimulation {

  private static final String COMMAND = "mvn -q -pl backend -am test-compile exec:java -Dexec.skip=true -Dexec.classpathScope=test "
      + "-Dexec.mainClass=dev.unibox.bench.PromotionDaySimulation";

  private PromotionDaySimulation() {}

  public static void main(String[] args) {
    Harness.exitAfter(() -> simulate(args));
  }

  private static void simulate(String[] args) throws Exception {
    boolean quick = args.length > 0 && "quick".equals(args[0]);
    long daySeconds = 24 * 3600;
    List<Arrival> arrivals = PromotionDayWorkload.arrivals(daySeconds, 1111);
    if (quick) {
      // 17:00–23:00 only, shifted to start at midnight would change the shifts: keep times, drop the rest
      arrivals = arrivals.stream().filter(a -> a.second() >= 17 * 3600 && a.second() < 23 * 3600).toList();
    }
    MessageClassifier classifier = productClassifier();
    UrgencyTruth truth = UrgencyTruth.of(arrivals, classifier);
    PromotionDayTeam team = PromotionDayTeam.hire();
    long peak = arrivals.stream().filter(a -> a.second() >= 20 * 3600 && a.second() < 22 * 3600).count();
    System.out.printf("%d conversations (%d in the 20:00-22:00 peak), %d agents in 3 shifts + %d standby%n",
        arrivals.size(), peak, team.agents().size() - team.plan().standby().size(), team.plan().standby().size());
    List<Scenario> scenarios = List.of(
        new Scenario("**ours: priority + SLA clock + surge**", "priority", true),
        new Scenario("baseline: fifo-round-robin", "fifo-round-robin", false),
        new Scenario("priority, surge off", "priority", false),
        new Scenario("fifo-round-robin + surge", "fifo-round-robin", true));
    boolean all = args.length > 0 && "all".equals(args[args.length - 1]);
    List<DayResult> results = new ArrayList<>();
    for (Scenario s : all ? scenarios : scenarios.subList(0, 2)) {
      results.add(SimulatedDay.run(s, arrivals, team, daySeconds, classifier));
    }
    String table = PromotionDayReport.table(COMMAND, arrivals.size(), peak, results, truth);
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
