package dev.unibox.bench;

import static dev.unibox.bench.DayResult.pct;

import java.util.ArrayList;
import java.util.List;

/** The promotion-day section of docs/benchmarks.md: what was simulated, one row per scenario, and the verdict. */
final class PromotionDayReport {

  static final String HEADING = "Promotion-day simulation";

  private PromotionDayReport() {}

  /** The first result is ours; it is compared with every other row, column by column. */
  static String table(String command, long seed, int conversations, long peak, List<DayResult> results,
                      UrgencyTruth truth) {
    DayResult ours = results.get(0);
    List<String> verdict = new ArrayList<>();
    for (DayResult other : results.subList(1, results.size())) {
      List<String> worse = new ArrayList<>();
      notBetter(worse, "urgent ≤ 60 s", pct(ours.urgentIn60(), ours.urgent()), pct(other.urgentIn60(), other.urgent()), true);
      notBetter(worse, "regular ≤ 120 s", pct(ours.regularIn120(), ours.regular()),
          pct(other.regularIn120(), other.regular()), true);
      notBetter(worse, "Pinduoduo 5-minute rate", pct(ours.pddIn5min(), ours.pddCounted()),
          pct(other.pddIn5min(), other.pddCounted()), true);
      notBetter(worse, "longest wait", ours.longestWaitSeconds(), other.longestWaitSeconds(), false);
      notBetter(worse, "p90 wait", ours.p90WaitSeconds(), other.p90WaitSeconds(), false);
      notBetter(worse, "agent utilisation while buyers wait", ours.utilisation(), other.utilisation(), true);
      verdict.add(other.scenario().label() + ": " + (worse.isEmpty() ? "better on all six"
          : "NOT better on " + String.join(", ", worse)));
    }
    String policy = ours.scenario().policy().name();
    return """
        Command: `%s`

        A synthetic Double Eleven (2026-11-11, Kuala Lumpur time), seed %d: %,d conversations, %,d of them in the
        20:00–22:00 flash-sale peak (10× the normal 5 per minute); shops Shopee MY (ms/en/zh), Shopee TW (zh-Hant),
        Pinduoduo (zh) and Lazada TH (th/en); 22 %% urgent (after-sale problems; ground truth), 15 %%
        returning buyers. Three shifts (7 / 9 / 3 agents, 5 chats each, language skills) and a standby pool of %d.
        Every message goes through the real ingest and classifier, the real router, and the real SLA sweep (every
        %d virtual seconds: warnings, surge, shift clock), on one virtual clock. Simulated agents answer after
        reading (slower the more chats they hold; +30 s to read the history of a returning buyer new to them) and
        close after handling. Every row sees the same arrivals and per-conversation draws, in the same run.
        Ours is the product as configured (`routing.policy: %s`, the SLA clock, surge switching the standby
        pool on); the baseline is plain first-come round-robin (`routing.policy: fifo-round-robin`, same shifts and
        skills, nobody switches the standby pool on); the other rows change one of the two. Buyers write messages of
        the classifier corpus's test split, which the classifier (trained on the training split) never saw; urgency is scored against the corpus
        label (ground truth), and the urgency table below counts the chats it missed or raised falsely. The longest wait
        includes the hours after midnight until the last buyer is answered. **Agent utilisation** = busy chat seats ÷
        seats of agents on duty, while at least one buyer waits in the queue (capacity left idle while buyers wait
        is what routing can waste); *occupancy* is the same over the whole day, and *agent-hours* the on-duty
        hours paid (surge adds standby hours). Run with `-Dexec.args=all` for every row, `seed=N` for other arrivals.

        | policy | urgent ≤ 60 s | regular ≤ 120 s | Pinduoduo 5-min rate (08–23 shop time) | longest wait | p90 wait | agent utilisation (while buyers wait) | occupancy (whole day) | agent-hours on duty | surge activations | SLA breaches recorded |
        |---|---|---|---|---|---|---|---|---|---|---|
        %s

        Ours against each other row (urgent ≤ 60 s, regular ≤ 120 s, Pinduoduo 5-minute rate, longest wait,
        p90 wait, agent utilisation while buyers wait): %s.

        %s
        """.formatted(command, seed, conversations, peak, PromotionDayTeam.STANDBY, SimulatedDay.SWEEP_SECONDS,
        policy, String.join("\n", results.stream().map(DayResult::row).toList()), String.join("; ", verdict),
        truth.table());
  }

  private static void notBetter(List<String> worse, String what, double ours, double other, boolean higherIsBetter) {
    if (!(higherIsBetter ? ours > other : ours < other)) {
      worse.add(what);
    }
  }
}
