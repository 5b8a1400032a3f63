package dev.unibox.bench;

import dev.unibox.bench.DayResult.Tally;
import dev.unibox.bench.PromotionDayWorkload.Arrival;
import dev.unibox.domain.MessageClassifier;
import dev.unibox.planning.Demand;
import dev.unibox.planning.HourPlan;
import dev.unibox.planning.StaffingPlanner;
import dev.unibox.planning.Targets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Checks the staffing planner ({@link StaffingPlanner}) against the promotion-day simulation (a harness, not a test).
 * For a scenario file: the forecast read off it ({@link ScenarioForecast}), the planner's agents and speakers per
 * hour, the scenario's shifts with a standby pool and the surge windows that call from it what each hour lacks
 * ({@link PlannedTeam}),
 * and the whole day run once with ours (priority, SLA clock, surge) by {@link SimulatedDay}. An hour of arrivals
 * that misses urgent ≤ 60 s (99 %), regular ≤ 120 s (95 %) or a shop's platform line gets agents in proportion to
 * how far it missed (and half as many the hour before: a backlog is born before it shows); the planner re-plans
 * with them and the day runs again, up to {@code rounds} times. The last round's team then runs under every other
 * policy of the promotion-day simulation ({@code compare}; always with {@code scenario=all}), and ours is compared
 * with each row column by column.
 *
 * <p>Run: {@code mvn -q -pl backend -am test-compile exec:java -Dexec.skip=true -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.unibox.bench.StaffingPlanCheck -Dexec.args="scenario=scenarios/promotion-day.yaml rounds=4"}.
 * {@code scenario=all} runs every file in {@code scenarios/}; only that, with the default {@code rounds=4} and each
 * file's own seed, writes its section of docs/benchmarks.md. {@code seed=N} draws other arrivals (and other buyers'
 * texts) than the file's seed. A day takes a few minutes a round.
 */
public final class StaffingPlanCheck {

  static final String HEADING = "Staffing planner checked by the simulation";
  static final int DEFAULT_ROUNDS = 4;
  private static final String COMMAND = "mvn -q -pl backend -am test-compile exec:java -Dexec.skip=true "
      + "-Dexec.classpathScope=test -Dexec.mainClass=dev.unibox.bench.StaffingPlanCheck";

  private StaffingPlanCheck() {}

  public static void main(String[] args) {
    Harness.exitAfter(() -> check(args));
  }

  /** One scenario checked: its text for the report and its last round. */
  record Checked(String file, String name, int rounds, PlannedTeam team, DayResult result, String text) {}

  private static void check(String[] args) throws Exception {
    List<String> words = List.of(args);
    String scenario = words.stream().filter(w -> w.startsWith("scenario=")).map(w -> w.substring(9)).findFirst()
        .orElse(PromotionDayScenario.DEFAULT);
    int rounds = words.stream().filter(w -> w.startsWith("rounds=")).mapToInt(w -> Integer.parseInt(w.substring(7)))
        .findFirst().orElse(DEFAULT_ROUNDS);
    Long seed = words.stream().filter(w -> w.startsWith("seed=")).map(w -> Long.parseLong(w.substring(5))).findFirst()
        .orElse(null);
    boolean compare = words.contains("compare") || "all".equals(scenario);
    List<String> files = "all".equals(scenario) ? shipped() : List.of(scenario);
    MessageClassifier classifier = PromotionDaySimulation.productClassifier();
    List<Checked> checked = new ArrayList<>();
    for (String file : files) {
      checked.add(check(file, rounds, seed, compare, classifier));
      System.out.println(checked.get(checked.size() - 1).text());
    }
    String command = COMMAND + (args.length == 0 ? "" : " -Dexec.args=\"" + String.join(" ", args) + "\"");
    String report = StaffingPlanReport.report(command, rounds, checked);
    if (files.size() > 1) {
      System.out.println(StaffingPlanReport.summary(checked));
    }
    if ("all".equals(scenario) && rounds == DEFAULT_ROUNDS && args.length == 1) {
      BenchmarkDoc.writeSection(HEADING, report);
    }
  }

  /** The scenario files shipped in {@code scenarios/}, by name. */
  static List<String> shipped() throws Exception {
    try (Stream<Path> files = Files.list(BenchmarkDoc.root().resolve("scenarios"))) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted()
          .map(n -> "scenarios/" + n).toList();
    }
  }

  /** @param seed the arrivals' seed, null for the file's own */
  private static Checked check(String file, int rounds, Long seed, boolean compare, MessageClassifier classifier)
      throws Exception {
    PromotionDayScenario day = PromotionDayScenario.load(PromotionDaySimulation.scenarioPath(file), file);
    long drawn = seed == null ? day.seed() : seed;
    List<Arrival> arrivals = PromotionDayWorkload.arrivals(day, 24 * 3600, drawn);
    UrgencyTruth truth = UrgencyTruth.of(arrivals, classifier);
    int capacity = ScenarioForecast.capacity(day);
    List<Demand> forecast = ScenarioForecast.of(day, capacity);
    StaffingPlanner planner = new StaffingPlanner(capacity, Targets.PROMOTION_DAY);
    List<HourPlan> model = planner.plan(forecast);
    Map<Integer, Integer> extra = new TreeMap<>();
    System.out.printf("%s: %s, %d conversations, %d chats per agent%n", file, day.name(), arrivals.size(), capacity);
    StringBuilder roundRows = new StringBuilder();
    PlannedTeam team = null;
    DayResult result = null;
    int round = 0;
    while (round < rounds) {
      round++;
      team = PlannedTeam.of(day, planner.plan(forecast, extra), capacity);
      result = SimulatedDay.run(PromotionDaySimulation.ours(), day, arrivals, team.team(), 24 * 3600, classifier);
      List<Integer> missed = missedHours(result);
      String row = StaffingPlanReport.roundRow(round, team, result, missed);
      System.out.println(row);
      roundRows.append(row).append('\n');
      if (missed.isEmpty()) {
        break;
      }
      if (round < rounds) {
        addAgents(team, result, missed, model, extra);
      }
    }
    String comparison = compare ? compared(day, arrivals, team, result, classifier) : "";
    String text = """
        ### `%s`: %s

        %,d conversations (seed %d), forecast %,.0f; %d chats per agent. The classifier missed %d of the %d truly
        urgent chats (%s); they wait in the regular class. Shifts as in the file (%d agents); standby generated.
        %s

        | round | agents (on shift + standby) | planned windows (agents called) | agent-hours on duty | urgent ≤ 60 s | regular ≤ 120 s | platform lines (≥ 80 %%) | hours that missed |
        |---|---|---|---|---|---|---|---|
        %s
        The last round's plan, hour by hour (forecast conversations and urgent share; the planner's agents for the
        forecast, the extra agents the rounds added, the agents on shift, the standby agents the windows call, and
        the speakers per language the plan asks for):

        %s
        The last round's results by hour of arrival (agents on duty: the hour's mean, standby included while active):

        %s
        %s
        %s

        %s

        %s""".formatted(file, day.name(), arrivals.size(), drawn, forecast.stream().mapToDouble(Demand::total).sum(),
        capacity, truth.missed(), truth.urgent(), PromotionDayReport.percent((double) truth.missed() / truth.urgent()),
        team.team().onShift(), StaffingPlanReport.ceilings(model), roundRows,
        StaffingPlanReport.planTable(team, forecast, model, extra),
        StaffingPlanReport.hourTable(result), PromotionDayReport.COLUMNS, result.row(),
        StaffingPlanReport.lateUrgent(result, classifier), comparison);
    return new Checked(file, day.name(), round, team, result, text);
  }

  /**
   * The last round's planned team (shifts, standby pool and planned windows) under the other policies of the
   * promotion-day simulation, the same arrivals: does the default policy hold its own at the planner's staffing?
   */
  private static String compared(PromotionDayScenario day, List<Arrival> arrivals, PlannedTeam team, DayResult ours,
                                 MessageClassifier classifier) throws Exception {
    List<DayResult> rows = new ArrayList<>(List.of(ours));
    for (SimulatedDay.Scenario other : PromotionDaySimulation.others()) {
      rows.add(SimulatedDay.run(other, day, arrivals, team.team(), 24 * 3600, classifier));
    }
    return """
        The same planned team under the simulation's other policies (same arrivals, shifts, standby pool and planned
        windows; surge as each row says):

        %s
        %s

        Ours against each other row (%s): %s.
        """.formatted(PromotionDayReport.COLUMNS, String.join("\n", rows.stream().map(DayResult::row).toList()),
        PromotionDayReport.COMPARED, String.join("; ", PromotionDayReport.verdicts(rows)));
  }

  /** Hours of arrival whose chats missed urgent ≤ 60 s at 99 %, regular ≤ 120 s at 95 % or a platform line. */
  static List<Integer> missedHours(DayResult result) {
    List<Integer> out = new ArrayList<>();
    for (int h = 0; h < 24; h++) {
      if (shortfall(result.byHour().get(h)) > 0) {
        out.add(h);
      }
    }
    return out;
  }

  /** A target a group of chats missed: what, the share it reached, and 1 − reached ÷ target. */
  record Miss(String what, double reached, double shortfall) {}

  /** The targets a group of chats (an hour, or the day) missed: urgent, regular, each shop's platform line. */
  static List<Miss> misses(Tally t) {
    List<Miss> out = new ArrayList<>();
    Targets targets = Targets.PROMOTION_DAY;
    miss(out, "urgent", t.urgentIn60, t.urgent, targets.urgentRate());
    miss(out, "regular", t.regularIn120, t.regular, targets.regularRate());
    t.lines.forEach((shop, l) -> miss(out, shop, l.within, l.counted, l.rule.line()));
    return out;
  }

  private static void miss(List<Miss> out, String what, int within, int of, double target) {
    if (of > 0 && within < target * of) {
      double reached = (double) within / of;
      out.add(new Miss(what, reached, 1 - reached / target));
    }
  }

  /** How far a group of chats fell short of its worst target, as a share of that target (0 when all hold). */
  static double shortfall(Tally t) {
    return misses(t).stream().mapToDouble(Miss::shortfall).max().orElse(0);
  }

  /**
   * Raises the extra agents of every missed hour: the hour's staffing times its shortfall, at least one, on top of
   * that staffing; the hour before gets half as many. The staffing is the plan's agents, or the shift's when it has
   * more: not the agents on duty, which count the whole standby pool whenever surge itself is on.
   */
  private static void addAgents(PlannedTeam team, DayResult result, List<Integer> missed, List<HourPlan> model,
                                Map<Integer, Integer> extra) {
    Map<Integer, Integer> more = new TreeMap<>();
    for (int h : missed) {
      int add = Math.max(1, (int) Math.ceil(staffed(team, h) * shortfall(result.byHour().get(h))));
      more.merge(h, add, Math::max);
      if (h > 0) {
        more.merge(h - 1, (add + 1) / 2, Math::max);
      }
    }
    more.forEach((h, add) -> extra.put(h, Math.max(extra.getOrDefault(h, 0) + add,
        staffed(team, h) + add - model.get(h).agents())));
  }

  private static int staffed(PlannedTeam team, int hour) {
    return Math.max(team.plan().get(hour).agents(), team.onShiftByHour().get(hour).size());
  }
}
