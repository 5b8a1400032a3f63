package dev.unibox.bench;

import static dev.unibox.bench.DayResult.pct;

import dev.unibox.bench.DayResult.Line;
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
 * hour, the scenario's shifts with a standby pool and surge windows made to reach that plan ({@link PlannedTeam}),
 * and the whole day run once with ours (priority, SLA clock, surge) by {@link SimulatedDay}. An hour of arrivals
 * that misses urgent ≤ 60 s (99 %), regular ≤ 120 s (95 %) or a shop's platform line gets agents in proportion to
 * how far it missed (and half as many the hour before: a backlog is born before it shows); the planner re-plans
 * with them and the day runs again, up to {@code rounds} times.
 *
 * <p>Run: {@code mvn -q -pl backend -am test-compile exec:java -Dexec.skip=true -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.unibox.bench.StaffingPlanCheck -Dexec.args="scenario=scenarios/promotion-day.yaml rounds=4"}.
 * {@code scenario=all} runs every file in {@code scenarios/}; only that, with the default {@code rounds=4}, writes
 * its section of docs/benchmarks.md. A day takes a few minutes a round.
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
  private record Checked(String file, String name, int rounds, PlannedTeam team, DayResult result, String text) {}

  private static void check(String[] args) throws Exception {
    List<String> words = List.of(args);
    String scenario = words.stream().filter(w -> w.startsWith("scenario=")).map(w -> w.substring(9)).findFirst()
        .orElse(PromotionDayScenario.DEFAULT);
    int rounds = words.stream().filter(w -> w.startsWith("rounds=")).mapToInt(w -> Integer.parseInt(w.substring(7)))
        .findFirst().orElse(DEFAULT_ROUNDS);
    List<String> files = "all".equals(scenario) ? shipped() : List.of(scenario);
    MessageClassifier classifier = PromotionDaySimulation.productClassifier();
    List<Checked> checked = new ArrayList<>();
    for (String file : files) {
      checked.add(check(file, rounds, classifier));
      System.out.println(checked.get(checked.size() - 1).text());
    }
    String command = COMMAND + (args.length == 0 ? "" : " -Dexec.args=\"" + String.join(" ", args) + "\"");
    String report = report(command, rounds, checked);
    if (files.size() > 1) {
      System.out.println(summary(checked));
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

  private static Checked check(String file, int rounds, MessageClassifier classifier) throws Exception {
    PromotionDayScenario day = PromotionDayScenario.load(PromotionDaySimulation.scenarioPath(file), file);
    List<Arrival> arrivals = PromotionDayWorkload.arrivals(day, 24 * 3600, day.seed());
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
      String row = roundRow(round, team, result, missed);
      System.out.println(row);
      roundRows.append(row).append('\n');
      if (missed.isEmpty()) {
        break;
      }
      if (round < rounds) {
        addAgents(team, result, missed, model, extra);
      }
    }
    String text = """
        ### `%s`: %s

        %,d conversations (seed %d), forecast %,.0f; %d chats per agent. The classifier missed %d of the %d truly
        urgent chats (%s); they wait in the regular class. Shifts as in the file (%d agents); standby generated.

        | round | agents (on shift + standby) | surge held on | agent-hours on duty | urgent ≤ 60 s | regular ≤ 120 s | platform lines (≥ 80 %%) | hours that missed |
        |---|---|---|---|---|---|---|---|
        %s
        The last round's plan, hour by hour (forecast conversations and urgent share; the planner's agents for the
        forecast, the extra agents the rounds added, the agents on shift, the standby pool when surge is held on,
        and the speakers per language the plan asks for):

        %s
        The last round's results by hour of arrival (agents on duty: the hour's mean, standby included while surge is on):

        %s
        %s
        %s

        %s
        """.formatted(file, day.name(), arrivals.size(), day.seed(), forecast.stream().mapToDouble(Demand::total).sum(),
        capacity, truth.missed(), truth.urgent(), PromotionDayReport.percent((double) truth.missed() / truth.urgent()),
        team.team().onShift(), roundRows, planTable(team, forecast, model, extra), hourTable(result),
        PromotionDayReport.COLUMNS, result.row(), lateUrgent(result, classifier));
    return new Checked(file, day.name(), round, team, result, text);
  }

  /** Why urgent chats were late in the run: misread by the classifier (they wait as regular) or returning buyers. */
  private static String lateUrgent(DayResult r, MessageClassifier classifier) {
    List<Arrival> late = r.total().urgentLate;
    UrgencyTruth truth = UrgencyTruth.of(late, classifier);
    long returning = late.stream().filter(Arrival::returning).count();
    return ("Urgent chats answered after 60 s in the last round: %d; the classifier called %d of them normal (they "
        + "waited in the regular class), %d were returning buyers (30 s to read the history if new to the agent).")
        .formatted(late.size(), truth.missed(), returning);
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
   * more: not the agents on duty, which count the whole standby pool whenever surge is on.
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

  private static double onDuty(DayResult result, int hour) {
    return result.byHour().get(hour).agentSeconds / 3600;
  }

  private static String roundRow(int round, PlannedTeam team, DayResult r, List<Integer> missed) {
    List<String> misses = new ArrayList<>();
    for (int h : missed) {
      misses.add(missedHour(r, h));
    }
    return "| %d | %d + %d | %s | %.0f | %s | %s | %s | %s |".formatted(round, team.team().onShift(),
        team.standby().size(), windows(team), r.agentHours(), rate(r.urgentIn60(), r.urgent()),
        rate(r.regularIn120(), r.regular()), lines(r.total()), misses.isEmpty() ? "none" : String.join("; ", misses));
  }

  /** {@code 20 (urgent 98.6 %)}: the hour and the targets it missed. */
  private static String missedHour(DayResult r, int hour) {
    return "%02d (%s)".formatted(hour, String.join(", ", misses(r.byHour().get(hour)).stream()
        .map(m -> "%s %.1f %%".formatted(m.what(), m.reached() * 100)).toList()));
  }

  private static String windows(PlannedTeam team) {
    return team.surgeOn().isEmpty() ? "never" : String.join(", ", team.surgeOn().stream()
        .map(w -> PromotionDayScenario.hhmm(w.startSecond() / 60) + "–" + PromotionDayScenario.hhmm(w.endSecond() / 60))
        .toList());
  }

  private static String rate(int within, int of) {
    return "%.1f %% (%d/%d)".formatted(pct(within, of), within, of);
  }

  private static String lines(Tally t) {
    List<String> missed = misses(t).stream().map(Miss::what).toList();
    List<String> out = new ArrayList<>();
    t.lines.forEach((shop, l) -> out.add("%s %s %.1f %%%s".formatted(shop, l.rule.name(), pct(l.within, l.counted),
        missed.contains(shop) ? " (missed)" : "")));
    return String.join(", ", out);
  }

  private static String planTable(PlannedTeam team, List<Demand> forecast, List<HourPlan> model,
                                  Map<Integer, Integer> extra) {
    StringBuilder b = new StringBuilder("""
        | hour | forecast | urgent | model agents | extra | on shift | standby (surge held on) | speakers |
        |---|---|---|---|---|---|---|---|
        """);
    for (HourPlan p : team.plan()) {
      int h = p.hour();
      List<String> speakers = new ArrayList<>();
      p.speakers().forEach((language, n) -> speakers.add(language + " " + n));
      b.append("| %02d | %.0f | %.0f %% | %d | %d | %d | %s | %s |\n".formatted(h, forecast.get(h).total(),
          forecast.get(h).urgentShare() * 100, model.get(h).agents(), extra.getOrDefault(h, 0),
          team.onShiftByHour().get(h).size(), team.held(h) ? String.valueOf(team.standby().size()) : "–",
          String.join(", ", speakers)));
    }
    return b.toString();
  }

  private static String hourTable(DayResult r) {
    List<String> shops = new ArrayList<>(r.total().lines.keySet());
    StringBuilder b = new StringBuilder("| hour | chats | urgent ≤ 60 s | regular ≤ 120 s | ");
    shops.forEach(s -> b.append(s).append(' ').append(r.total().lines.get(s).rule.name()).append(" | "));
    b.append("agents on duty |\n|---|---|---|---|").append("---|".repeat(shops.size())).append("---|\n");
    for (int h = 0; h < 24; h++) {
      Tally t = r.byHour().get(h);
      b.append("| %02d%s | %d | %s | %s | ".formatted(h, shortfall(t) > 0 ? " ✗" : "", t.urgent + t.regular,
          rate(t.urgentIn60, t.urgent), rate(t.regularIn120, t.regular)));
      for (String s : shops) {
        Line l = t.lines.get(s);
        b.append(l == null || l.counted == 0 ? "–" : rate(l.within, l.counted)).append(" | ");
      }
      b.append("%.1f |\n".formatted(onDuty(r, h)));
    }
    return b.toString();
  }

  private static String summary(List<Checked> checked) {
    StringBuilder b = new StringBuilder("""
        | scenario | rounds run | agents (on shift + standby) | surge held on | agent-hours on duty | urgent ≤ 60 s (≥ 99 %) | regular ≤ 120 s (≥ 95 %) | every platform line (≥ 80 %) | hours that missed (last round) |
        |---|---|---|---|---|---|---|---|---|
        """);
    for (Checked c : checked) {
      DayResult r = c.result();
      List<String> dayMissed = misses(r.total()).stream().map(Miss::what).toList();
      boolean urgent = !dayMissed.contains("urgent");
      boolean regular = !dayMissed.contains("regular");
      boolean lines = dayMissed.stream().allMatch(w -> w.equals("urgent") || w.equals("regular"));
      List<Integer> missed = missedHours(r);
      b.append("| `%s` | %d | %d + %d | %s | %.0f | %s %s | %s %s | %s | %s |\n".formatted(c.file(), c.rounds(),
          c.team().team().onShift(), c.team().standby().size(), windows(c.team()), r.agentHours(),
          rate(r.urgentIn60(), r.urgent()), urgent ? "held" : "**missed**", rate(r.regularIn120(), r.regular()),
          regular ? "held" : "**missed**", lines ? "held" : "**missed**: " + lines(r.total()),
          missed.isEmpty() ? "none" : String.join("; ", missed.stream().map(h -> missedHour(r, h)).toList())));
    }
    return b.toString();
  }

  private static String report(String command, int rounds, List<Checked> checked) {
    return """
        Command: `%s`

        Does the staffing planner's recommendation hold when the day is run? For every scenario file: the planner
        (`dev.unibox.planning.StaffingPlanner`, Erlang C with urgent served first, targets urgent ≥ 99 %% within 60 s
        and regular ≥ 95 %% within 120 s) gets a forecast read off the file, per hour: conversations = the sum over
        the hour's minutes of its rate × the multiplier of a peak covering the minute (returning buyers are part of
        that rate in the workload); by language through the shops' shares and language weights; the urgent share from
        the urgency mix of each minute (the peak mix inside a peak); and, at the working load L = the team's chats
        per agent (when buyers queue, the router fills every seat), answer seconds = mean read × (1 + 0.25 (L − 1))
        + 30 s × the returning share, seat seconds = answer + mean handling of the hour's mix × (1 + 0.15 (L − 1)).
        The team is the file's shifts as they are, with its standby pool replaced by one generated to reach the
        plan: surge switches the whole pool on, so the pool has, per language, the most speakers any hour lacks on
        shift and in all the most agents any hour lacks (the file's agent types whose languages are all short,
        else an agent with exactly the languages short; the rest repeats the file's standby types). In every run
        of hours the shifts alone do not reach, a supervisor sets surge `on` at its start and back to `auto` at its
        end (the real `SurgeControl.setMode`; the automatic decision releases the pool once the queue is calm, and
        outside those hours surge is automatic as in the other runs). The day then runs once as in the
        promotion-day simulation, with ours (priority, SLA clock, surge), scored per hour of arrival: urgent ≤ 60 s
        (99 %%), regular ≤ 120 s (95 %%), and each shop's platform line as the reports count it (Pinduoduo 5 minutes
        08–23 shop time, Shopee 12 hours, other platforms the team's 5 minutes; each ≥ 80 %%). An hour that misses
        gets ⌈its staffing × shortfall⌉ agents (at least 1; shortfall = 1 − achieved ÷ target of its worst target;
        staffing = the plan's agents, or the shift's if more) on top of that staffing, and the hour before half as
        many; the planner re-plans with these extras
        and the day runs again, up to %d rounds, stopping when every hour holds. Urgency is scored against the
        ground truth; the chats the classifier misses wait in the regular class.

        %s
        %s""".formatted(command, rounds, summary(checked),
        String.join("\n", checked.stream().map(Checked::text).toList()));
  }
}
