package dev.unibox.bench;

import static dev.unibox.bench.DayResult.pct;

import java.util.ArrayList;
import java.util.List;

/**
 * The simulation's report (for the default scenario, its section of docs/benchmarks.md): what was simulated, one row
 * per policy, and the verdict.
 */
final class PromotionDayReport {

  static final String HEADING = "Promotion-day simulation";

  /** The head of the results table; {@link DayResult#row()} gives its rows. */
  static final String COLUMNS = """
      | policy | urgent ≤ 60 s | regular ≤ 120 s | Pinduoduo 5-min rate (08–23 shop time) | longest wait | p90 wait | agent utilisation (while buyers wait) | seat-hours idle while buyers wait | occupancy (whole day) | agent-hours on duty | surge activations | SLA breaches recorded |
      |---|---|---|---|---|---|---|---|---|---|---|---|""";

  /** The columns the verdict compares, in the table's order. */
  static final String COMPARED = "urgent ≤ 60 s, regular ≤ 120 s, Pinduoduo 5-minute rate, longest wait, p90 wait, "
      + "seat-hours idle while buyers wait";

  private PromotionDayReport() {}

  /** The first result is ours; it is compared with every other row, column by column. */
  static String table(String command, PromotionDayScenario day, PromotionDayTeam team,
                      PromotionDayScenario.Window window, long seed, int conversations, long peak,
                      List<DayResult> results, UrgencyTruth truth) {
    List<String> verdict = verdicts(results);
    String policy = results.get(0).scenario().policy().name();
    return """
        Command: `%s`

        Scenario `%s`: %s (%s, %s time), seed %d%s: %,d conversations%s; shops %s;
        %s urgent (after-sale problems; ground truth), %s returning buyers. %s; %s, language skills) and a standby pool of %d.
        Every message goes through the real ingest and classifier, the real router, and the real SLA sweep (every
        %d virtual seconds: warnings, surge, shift clock), on one virtual clock. Simulated agents answer after
        reading (slower the more chats they hold; +30 s to read the history of a returning buyer new to them) and
        close after handling. Every row sees the same arrivals and per-conversation draws, in the same run.
        Ours is the product as configured (`routing.policy: %s`, the SLA clock, surge calling the standby
        agents the waiting buyers need); the baseline is plain first-come round-robin (`routing.policy: fifo-round-robin`, same shifts and
        skills, nobody switches the standby pool on); the other rows change one of the two. Buyers write messages of
        the classifier corpus's test split, which the classifier (trained on the training split) never saw; urgency is scored against the corpus
        label (ground truth), and the urgency table below counts the chats it missed or raised falsely. The longest wait
        includes the hours after midnight until the last buyer is answered. **Agent utilisation** = busy chat seats ÷
        seats of agents on duty, while at least one buyer waits in the queue (capacity left idle while buyers wait
        is what routing can waste), and the *seat-hours idle while buyers wait* are that capacity as an amount. The
        verdict compares the amount and names a lower share beside it: the share is taken over the moments a buyer
        waited, so a row that shortens a fully busy backlog, or lets buyers wait only in rare moments when one
        language's seats are full, has fewer or emptier such moments and shows a lower share while it leaves fewer
        seats idle; *occupancy* is the same over the whole day, and *agent-hours* the on-duty
        hours paid (surge adds standby hours); "nobody waited" when no buyer ever waited in the queue (no seat was
        idle while one did: compared as 100 %%). Run with `-Dexec.args=all` for every row, `seed=N` for other arrivals.

        %s
        %s

        Ours against each other row (%s): %s.

        %s
        """.formatted(command, day.file(), day.summary(), day.date(), zoneName(day), seed, window == null ? ""
            : ", " + PromotionDayScenario.hhmm(window.startSecond() / 60) + "–"
            + PromotionDayScenario.hhmm(window.endSecond() / 60) + " only (quick)", conversations, peaks(day, peak),
        shops(day), urgentShare(day), percent(day.returningShare()), shifts(day), capacities(team),
        team.plan().standby().size(), SimulatedDay.SWEEP_SECONDS,
        policy, COLUMNS, String.join("\n", results.stream().map(DayResult::row).toList()), COMPARED,
        String.join("; ", verdict),
        truth.table());
  }

  private static String zoneName(PromotionDayScenario day) {
    String id = day.zone().getId();
    return id.substring(id.lastIndexOf('/') + 1).replace('_', ' ');
  }

  private static String peaks(PromotionDayScenario day, long peak) {
    if (day.peaks().isEmpty()) {
      return ", no peak";
    }
    List<String> each = new ArrayList<>();
    for (PromotionDayScenario.Peak p : day.peaks()) {
      double base = day.perMinuteByHour()[p.startMinute() / 60];
      each.add("%s–%s (%s× the hour's %s per minute)".formatted(PromotionDayScenario.hhmm(p.startMinute()),
          PromotionDayScenario.hhmm(p.endMinute()), number(p.multiplier()), number(base)));
    }
    return ", %,d of them in the peak %s".formatted(peak, String.join(", ", each));
  }

  private static String shops(PromotionDayScenario day) {
    return String.join(", ", day.shops().stream().map(s -> "%s %s (%s)".formatted(s.accountId(),
        percent(s.share()), String.join("/", s.languages()))).toList());
  }

  private static String urgentShare(PromotionDayScenario day) {
    double normal = day.mix().get(PromotionDayWorkload.Kind.AFTER_SALE_URGENT);
    double peak = day.peakMix().get(PromotionDayWorkload.Kind.AFTER_SALE_URGENT);
    return normal == peak || day.peaks().isEmpty() ? percent(normal)
        : percent(normal) + " (" + percent(peak) + " in a peak)";
  }

  private static String shifts(PromotionDayScenario day) {
    return (day.shifts().size() == 1 ? "One shift" : day.shifts().size() + " shifts") + " ("
        + String.join(", ", day.shifts().stream().map(s -> "%s %s–%s: %d".formatted(s.name(), s.start(), s.end(),
        s.agents().size())).toList()) + " agents";
  }

  private static String capacities(PromotionDayTeam team) {
    List<Integer> caps = team.agents().stream().map(PromotionDayTeam.Agent::capacity).distinct().sorted().toList();
    return caps.size() == 1 ? caps.get(0) + " chats each" : "up to " + caps.get(caps.size() - 1) + " chats each";
  }

  /**
   * The first result (ours) against each other row, column by column: "at least as good" is what the
   * comparison asks (a tie at 100 % is not a loss), and a column where ours is behind is named.
   */
  static List<String> verdicts(List<DayResult> results) {
    DayResult ours = results.get(0);
    List<String> verdict = new ArrayList<>();
    for (DayResult other : results.subList(1, results.size())) {
      List<String> worse = new ArrayList<>();
      behind(worse, "urgent ≤ 60 s", pct(ours.urgentIn60(), ours.urgent()), pct(other.urgentIn60(), other.urgent()), true);
      behind(worse, "regular ≤ 120 s", pct(ours.regularIn120(), ours.regular()),
          pct(other.regularIn120(), other.regular()), true);
      behind(worse, "Pinduoduo 5-minute rate", pct(ours.pddIn5min(), ours.pddCounted()),
          pct(other.pddIn5min(), other.pddCounted()), true);
      behind(worse, "longest wait", ours.longestWaitSeconds(), other.longestWaitSeconds(), false);
      behind(worse, "p90 wait", ours.p90WaitSeconds(), other.p90WaitSeconds(), false);
      behind(worse, "seat-hours idle while buyers wait", Math.round(ours.idleSeatHoursWhileWaiting() * 3600),
          Math.round(other.idleSeatHoursWhileWaiting() * 3600), false);
      boolean lowerShare = Math.round(ours.utilisation() * 1000) < Math.round(other.utilisation() * 1000);
      verdict.add(other.scenario().label() + ": " + (worse.isEmpty() ? "at least as good on all six"
          : "behind on " + String.join(", ", worse))
          + (lowerShare ? " (a lower share of busy seats while buyers wait: " + share(ours) + " against "
              + share(other) + ")" : ""));
    }
    return verdict;
  }

  private static String share(DayResult r) {
    return r.nobodyWaited() ? "nobody waited" : "%.1f %%".formatted(r.utilisation() * 100);
  }

  static String percent(double share) {
    return number(Math.round(share * 1000) / 10.0) + " %";
  }

  private static String number(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }

  private static void behind(List<String> worse, String what, double ours, double other, boolean higherIsBetter) {
    if (higherIsBetter ? ours < other : ours > other) {
      worse.add(what);
    }
  }
}
