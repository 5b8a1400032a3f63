package dev.unibox.bench;

import static dev.unibox.bench.DayResult.pct;

import dev.unibox.bench.DayResult.Line;
import dev.unibox.bench.DayResult.Tally;
import dev.unibox.bench.PromotionDayWorkload.Arrival;
import dev.unibox.domain.MessageClassifier;
import dev.unibox.planning.Demand;
import dev.unibox.planning.HourPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The tables and text {@link StaffingPlanCheck} prints and writes to docs/benchmarks.md. */
final class StaffingPlanReport {

  private StaffingPlanReport() {}

  /** Why urgent chats were late in the run: misread by the classifier (they wait as regular) or returning buyers. */
  static String lateUrgent(DayResult r, MessageClassifier classifier) {
    List<Arrival> late = r.total().urgentLate;
    UrgencyTruth truth = UrgencyTruth.of(late, classifier);
    long returning = late.stream().filter(Arrival::returning).count();
    return ("Urgent chats answered after 60 s in the last round: %d; the classifier called %d of them normal (they "
        + "waited in the regular class), %d were returning buyers (30 s to read the history if new to the agent).")
        .formatted(late.size(), truth.missed(), returning);
  }

  /** What the forecast's answer times alone leave reachable: the lowest ceiling of any hour, per target. */
  static String ceilings(List<HourPlan> model) {
    return ("The forecast's answer times alone let at most %s of urgent chats be answered within 60 s and %s of the "
        + "others within 120 s, whatever the staffing; where that is at or below a target, the planner aims for the "
        + "target's share of it.")
        .formatted(PromotionDayReport.percent(model.stream().mapToDouble(HourPlan::urgentCeiling).min().orElse(1)),
            PromotionDayReport.percent(model.stream().mapToDouble(HourPlan::regularCeiling).min().orElse(1)));
  }

  static double onDuty(DayResult result, int hour) {
    return result.byHour().get(hour).agentSeconds / 3600;
  }

  static String roundRow(int round, PlannedTeam team, DayResult r, List<Integer> missed) {
    List<String> misses = new ArrayList<>();
    for (int h : missed) {
      misses.add(missedHour(r, h));
    }
    return "| %d | %d + %d | %s | %.0f | %s | %s | %s | %s |".formatted(round, team.team().onShift(),
        team.standby().size(), windows(team), r.agentHours(), rate(r.urgentIn60(), r.urgent()),
        rate(r.regularIn120(), r.regular()), lines(r.total()), misses.isEmpty() ? "none" : String.join("; ", misses));
  }

  /** {@code 20 (urgent 98.6 %)}: the hour and the targets it missed. */
  static String missedHour(DayResult r, int hour) {
    return "%02d (%s)".formatted(hour, String.join(", ", StaffingPlanCheck.misses(r.byHour().get(hour)).stream()
        .map(m -> "%s %.1f %%".formatted(m.what(), m.reached() * 100)).toList()));
  }

  /** {@code 07:00–09:00 (4), 20:00–22:00 (55)}: the planned windows and how many agents each calls. */
  static String windows(PlannedTeam team) {
    return team.team().windows().isEmpty() ? "never" : String.join(", ", team.team().windows().stream()
        .map(w -> "%s–%s (%d)".formatted(PromotionDayScenario.hhmm(w.startHour() * 60L),
            PromotionDayScenario.hhmm(w.endHour() * 60L), w.agents().size()))
        .toList());
  }

  static String rate(int within, int of) {
    return "%.1f %% (%d/%d)".formatted(pct(within, of), within, of);
  }

  static String lines(Tally t) {
    List<String> missed = StaffingPlanCheck.misses(t).stream().map(StaffingPlanCheck.Miss::what).toList();
    List<String> out = new ArrayList<>();
    t.lines.forEach((shop, l) -> out.add("%s %s %.1f %%%s".formatted(shop, l.rule.name(), pct(l.within, l.counted),
        missed.contains(shop) ? " (missed)" : "")));
    return String.join(", ", out);
  }

  static String planTable(PlannedTeam team, List<Demand> forecast, List<HourPlan> model,
                          Map<Integer, Integer> extra) {
    StringBuilder b = new StringBuilder("""
        | hour | forecast | urgent | model agents | extra | on shift | standby called | speakers |
        |---|---|---|---|---|---|---|---|
        """);
    for (HourPlan p : team.plan()) {
      int h = p.hour();
      List<String> speakers = new ArrayList<>();
      p.speakers().forEach((language, n) -> speakers.add(language + " " + n));
      b.append("| %02d | %.0f | %.0f %% | %d | %d | %d | %s | %s |\n".formatted(h, forecast.get(h).total(),
          forecast.get(h).urgentShare() * 100, model.get(h).agents(), extra.getOrDefault(h, 0),
          team.onShiftByHour().get(h).size(), team.called(h).isEmpty() ? "–" : String.valueOf(team.called(h).size()),
          String.join(", ", speakers)));
    }
    return b.toString();
  }

  static String hourTable(DayResult r) {
    List<String> shops = new ArrayList<>(r.total().lines.keySet());
    StringBuilder b = new StringBuilder("| hour | chats | urgent ≤ 60 s | regular ≤ 120 s | ");
    shops.forEach(s -> b.append(s).append(' ').append(r.total().lines.get(s).rule.name()).append(" | "));
    b.append("agents on duty |\n|---|---|---|---|").append("---|".repeat(shops.size())).append("---|\n");
    for (int h = 0; h < 24; h++) {
      Tally t = r.byHour().get(h);
      b.append("| %02d%s | %d | %s | %s | ".formatted(h, StaffingPlanCheck.shortfall(t) > 0 ? " ✗" : "", t.urgent + t.regular,
          rate(t.urgentIn60, t.urgent), rate(t.regularIn120, t.regular)));
      for (String s : shops) {
        Line l = t.lines.get(s);
        b.append(l == null || l.counted == 0 ? "–" : rate(l.within, l.counted)).append(" | ");
      }
      b.append("%.1f |\n".formatted(onDuty(r, h)));
    }
    return b.toString();
  }

  static String summary(List<StaffingPlanCheck.Checked> checked) {
    StringBuilder b = new StringBuilder("""
        | scenario | rounds run | agents (on shift + standby) | planned windows (agents called) | agent-hours on duty | urgent ≤ 60 s (≥ 99 %) | regular ≤ 120 s (≥ 95 %) | every platform line (≥ 80 %) | hours that missed (last round) |
        |---|---|---|---|---|---|---|---|---|
        """);
    for (StaffingPlanCheck.Checked c : checked) {
      DayResult r = c.result();
      List<String> dayMissed = StaffingPlanCheck.misses(r.total()).stream().map(StaffingPlanCheck.Miss::what).toList();
      boolean urgent = !dayMissed.contains("urgent");
      boolean regular = !dayMissed.contains("regular");
      boolean lines = dayMissed.stream().allMatch(w -> w.equals("urgent") || w.equals("regular"));
      List<Integer> missed = StaffingPlanCheck.missedHours(r);
      b.append("| `%s` | %d | %d + %d | %s | %.0f | %s %s | %s %s | %s | %s |\n".formatted(c.file(), c.rounds(),
          c.team().team().onShift(), c.team().standby().size(), windows(c.team()), r.agentHours(),
          rate(r.urgentIn60(), r.urgent()), urgent ? "held" : "**missed**", rate(r.regularIn120(), r.regular()),
          regular ? "held" : "**missed**", lines ? "held" : "**missed**: " + lines(r.total()),
          missed.isEmpty() ? "none" : String.join("; ", missed.stream().map(h -> missedHour(r, h)).toList())));
    }
    return b.toString();
  }

  static String report(String command, int rounds, List<StaffingPlanCheck.Checked> checked) {
    return """
        Command: `%s`

        Does the staffing planner's recommendation hold when the day is run? For every scenario file: the planner
        (`dev.unibox.planning.StaffingPlanner`, Erlang C with urgent served first, targets urgent ≥ 99 %% within 60 s
        and regular ≥ 95 %% within 120 s) gets a forecast read off the file, per hour: conversations = the sum over
        the hour's minutes of its rate × the multiplier of a peak covering the minute (returning buyers are part of
        that rate in the workload); by language through the shops' shares and language weights; the urgent share from
        the urgency mix of each minute (the peak mix inside a peak); and, at the working load L = the team's chats
        per agent (when buyers queue, the router fills every seat), answer times = the read draw in ten equal shares
        × (1 + 0.25 (L − 1)), the returning share of each 30 s more (the planner counts, per answer time, the wait
        left of the window; answers past it cap the target), seat seconds = the answer times' mean + mean handling of
        the hour's mix × (1 + 0.15 (L − 1)).
        The team is the file's shifts as they are, with its standby pool replaced by one generated to reach the
        plan in its worst hour: per language, the most speakers any hour lacks on shift, and in all the most agents
        any hour lacks (the file's agent types whose languages are all short, else an agent with exactly the
        languages short; the rest repeats the file's standby types). The planned surge windows are the product's
        (`StandbyCalls`): per hour, greedily the fewest of the pool that close what the shifts lack, consecutive hours
        calling the same agents merged, stored with their agents as applying a staffing plan stores them; the real
        shift states make exactly those agents routable inside each window (surge itself stays automatic, as in the
        other runs, and calls the standby agents the waiting buyers need when the queue predicts breaches). Agent-hours count an agent
        while the state the product wrote is on shift or standby active (plus the seats of chats an agent off duty
        still holds). The day then runs once as in the promotion-day simulation, with ours (priority, SLA clock, surge), scored per hour of arrival: urgent ≤ 60 s
        (99 %%), regular ≤ 120 s (95 %%), and each shop's platform line as the reports count it (Pinduoduo 5 minutes
        08–23 shop time, Shopee 12 hours, other platforms the team's 5 minutes; each ≥ 80 %%). An hour that misses
        gets ⌈its staffing × shortfall⌉ agents (at least 1; shortfall = 1 − achieved ÷ target of its worst target;
        staffing = the plan's agents, or the shift's if more) on top of that staffing, and the hour before half as
        many; the planner re-plans with these extras
        and the day runs again, up to %d rounds, stopping when every hour holds. Urgency is scored against the
        ground truth; the chats the classifier misses wait in the regular class.

        %s
        %s""".formatted(command, rounds, summary(checked),
        String.join("\n", checked.stream().map(StaffingPlanCheck.Checked::text).toList()));
  }
}
