package dev.unibox.bench;

import dev.unibox.bench.PromotionDayWorkload.Arrival;
import dev.unibox.bench.SimulatedDay.Scenario;
import dev.unibox.classification.BuyerModel;
import dev.unibox.classification.Corpus;
import dev.unibox.config.ClassificationRulesLoader;
import dev.unibox.domain.LinguaLanguageDetector;
import dev.unibox.domain.MessageClassifier;
import dev.unibox.domain.TextJudge;
import dev.unibox.routing.DeadlinePolicy;
import dev.unibox.routing.FifoRoundRobinPolicy;
import dev.unibox.routing.PriorityPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Promotion-day simulation (a harness, not a test). A day read from a scenario file under {@code scenarios/}
 * ({@link PromotionDayScenario}): its buyers ({@link PromotionDayWorkload}) answered by its shifts and standby
 * pool ({@link PromotionDayTeam}).
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
 * {@code scenario=FILE} (default {@code scenarios/promotion-day.yaml}; a path or relative to the repository root);
 * {@code quick} for the scenario's quick window (the hours around its first peak unless the file says), ours
 * against the two other rows with surge, printed only;
 * {@code all} for every row (ours, the baseline, the deadline policy with surge, priority without surge,
 * round-robin with surge); {@code seed=N} for other arrivals (default: the file's seed);
 * {@code try=REACH/AGING[/mixed|/aged],...} adds rows of the deadline policy with other settings. Only the whole
 * day of the default scenario and its seed with the standard rows rewrites its section of docs/benchmarks.md;
 * every other scenario only prints.
 */
public final class PromotionDaySimulation {

  private static final String COMMAND = "mvn -q -pl backend -am test-compile exec:java -Dexec.skip=true -Dexec.classpathScope=test "
      + "-Dexec.mainClass=dev.unibox.bench.PromotionDaySimulation";

  private PromotionDaySimulation() {}

  public static void main(String[] args) {
    Harness.exitAfter(() -> simulate(args));
  }

  private static void simulate(String[] args) throws Exception {
    List<String> words = List.of(args);
    boolean quick = words.contains("quick");
    boolean all = words.contains("all");
    String file = words.stream().filter(w -> w.startsWith("scenario=")).map(w -> w.substring(9)).findFirst()
        .orElse(PromotionDayScenario.DEFAULT);
    Path path = scenarioPath(file);
    PromotionDayScenario day = PromotionDayScenario.load(path, file);
    boolean isDefault = path.toAbsolutePath().normalize()
        .equals(BenchmarkDoc.root().resolve(PromotionDayScenario.DEFAULT).toAbsolutePath().normalize());
    long seed = words.stream().filter(w -> w.startsWith("seed=")).mapToLong(w -> Long.parseLong(w.substring(5)))
        .findFirst().orElse(day.seed());
    long daySeconds = 24 * 3600;
    List<Arrival> arrivals = PromotionDayWorkload.arrivals(day, daySeconds, seed);
    PromotionDayScenario.Window window = quick ? day.quickWindow() : null;
    if (window != null) {
      // only the window's arrivals; shifting them to start at midnight would change the shifts: keep times
      arrivals = arrivals.stream().filter(a -> a.second() >= window.startSecond() && a.second() < window.endSecond())
          .toList();
    }
    MessageClassifier classifier = productClassifier();
    UrgencyTruth truth = UrgencyTruth.of(arrivals, classifier);
    PromotionDayTeam team = PromotionDayTeam.hire(day);
    long peak = arrivals.stream().filter(a -> day.inPeak(a.second())).count();
    if (!isDefault) {
      System.out.println("scenario " + file + ": " + day.name());
    }
    if (quick && window == null) {
      System.out.println("quick: the scenario has no peak and no quick window, so the whole day runs");
    }
    System.out.printf("seed %d: %d conversations (%s), %d agents in %d shifts + %d standby%n", seed, arrivals.size(),
        day.peaks().isEmpty() ? "no peak" : peak + " in the " + day.peakHours() + " peak", team.onShift(),
        day.shifts().size(), team.plan().standby().size());
    List<Scenario> others = others();
    // all: every row; quick: ours against the deadline policy and round-robin, both with surge; else the baseline
    List<Scenario> scenarios = new ArrayList<>(List.of(ours()));
    scenarios.addAll(all ? others : quick ? List.of(others.get(1), others.get(3)) : List.of(others.get(0)));
    // try=REACH/AGING[/mixed|/aged],...: more rows of the deadline policy with other settings (seconds; mixed: no
    // urgent tier; aged: the aged tier before the urgent one), with surge
    words.stream().filter(w -> w.startsWith("try=")).flatMap(w -> List.of(w.substring(4).split(",")).stream())
        .forEach(v -> {
          String[] p = v.split("/");
          scenarios.add(new Scenario("deadline " + v + " + SLA clock + surge", new DeadlinePolicy(
              Duration.ofSeconds(Long.parseLong(p[0])), Duration.ofSeconds(Long.parseLong(p[1])),
              tiers(p.length < 3 ? "" : p[2])), true));
        });
    List<DayResult> results = new ArrayList<>();
    for (Scenario s : scenarios) {
      results.add(SimulatedDay.run(s, day, arrivals, team, daySeconds, classifier));
    }
    String command = COMMAND + (args.length == 0 ? "" : " -Dexec.args=\"" + String.join(" ", args) + "\"");
    String table = PromotionDayReport.table(command, day, team, window, seed, arrivals.size(), peak, results, truth);
    System.out.println(table);
    // the section in docs/benchmarks.md is the whole promotion day of its own seed with the standard rows
    if (isDefault && !quick && seed == day.seed() && scenarios.size() == (all ? 5 : 2)) {
      BenchmarkDoc.writeSection(PromotionDayReport.HEADING, table);
    }
  }

  private static DeadlinePolicy.Tiers tiers(String word) {
    return switch (word) {
      case "" -> DeadlinePolicy.Tiers.URGENT;
      case "mixed" -> DeadlinePolicy.Tiers.NONE;
      case "aged" -> DeadlinePolicy.Tiers.AGED_THEN_URGENT;
      default -> throw new IllegalArgumentException("try=REACH/AGING/" + word + ": expected mixed or aged");
    };
  }

  /** A scenario file: a path, or relative to the repository root. */
  static Path scenarioPath(String file) {
    return Path.of(file).isAbsolute() || Files.exists(Path.of(file)) ? Path.of(file) : BenchmarkDoc.root().resolve(file);
  }

  /** The product as configured: the priority policy, the SLA clock and surge. */
  static Scenario ours() {
    return new Scenario("**ours: priority + SLA clock + surge**", new PriorityPolicy(), true);
  }

  /**
   * The rows ours is compared with, in the table's order: the baseline (first-come round-robin, nobody switches
   * the standby pool on), the deadline policy with surge, the priority policy without surge, round-robin with surge.
   */
  static List<Scenario> others() {
    return List.of(new Scenario("baseline: fifo-round-robin", new FifoRoundRobinPolicy(), false),
        new Scenario("deadline + SLA clock + surge", new DeadlinePolicy(), true),
        new Scenario("priority, surge off", new PriorityPolicy(), false),
        new Scenario("fifo-round-robin + surge", new FifoRoundRobinPolicy(), true));
  }

  /** The product's classifier: the model trained on the corpus training split (buyers write from the test split). */
  static MessageClassifier productClassifier() {
    BuyerModel model = BuyerModel.train(Corpus.training());
    TextJudge judge = text -> model.judge(text).verdict();
    return new MessageClassifier(
        ClassificationRulesLoader.load(BenchmarkDoc.root().resolve("config/classification.yaml")),
        new LinguaLanguageDetector(), judge);
  }
}
