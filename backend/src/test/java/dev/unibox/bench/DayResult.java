package dev.unibox.bench;

import dev.unibox.bench.PromotionDayWorkload.Kind;
import dev.unibox.reports.PlatformRule;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One scenario's simulated day scored: answer rates against the targets, waits, seats and surge; the same rates for
 * the chats that arrived in each hour of the day, with the agents on duty in it.
 */
record DayResult(SimulatedDay.Scenario scenario, int conversations, Tally total, List<Tally> byHour,
                 long longestWaitSeconds, double p90WaitSeconds, double utilisation, boolean nobodyWaited,
                 double idleSeatHoursWhileWaiting, double occupancy, double agentHours, int surgeActivations,
                 long breaches, double wallSeconds) {

  /**
   * First answers within the targets for a group of chats (the day, or one hour of arrivals): urgent ≤ 60 s,
   * regular ≤ 120 s (urgent by ground truth), and each shop's platform line as the reports count it
   * ({@link PlatformRule}: Pinduoduo's 5 minutes 08–23 shop time, Shopee's 12 hours, else the team's 5 minutes).
   */
  static final class Tally {
    int urgent;
    int urgentIn60;
    int regular;
    int regularIn120;
    /** Agent-seconds on duty (on shift, or standby while surge is on); filled for the hours only. */
    double agentSeconds;
    final Map<String, Line> lines = new TreeMap<>();
    /** The truly urgent chats not answered within 60 s. */
    final List<PromotionDayWorkload.Arrival> urgentLate = new ArrayList<>();

    void add(TrackedChat tr, long wait, Instant start) {
      boolean answered = tr.answeredAt >= 0;
      if (tr.arrival.kind() == Kind.AFTER_SALE_URGENT) {
        urgent++;
        if (answered && wait <= 60) {
          urgentIn60++;
        } else {
          urgentLate.add(tr.arrival);
        }
      } else {
        regular++;
        regularIn120 += answered && wait <= 120 ? 1 : 0;
      }
      PromotionDayScenario.Shop shop = tr.arrival.shop();
      Line line = lines.computeIfAbsent(shop.accountId(), k -> new Line(shop.platform(), PlatformRule.of(shop.platform())));
      LocalTime local = start.plusSeconds(tr.arrival.second()).atZone(ZoneId.of(shop.zone())).toLocalTime();
      if (line.rule.windowStart() == null
          || (!local.isBefore(line.rule.windowStart()) && local.isBefore(line.rule.windowEnd()))) {
        line.counted++;
        line.within += answered && wait <= line.rule.withinSeconds() ? 1 : 0;
      }
    }
  }

  /** A shop's platform line: chats the platform counts and those answered within its window. */
  static final class Line {
    final String platform;
    final PlatformRule rule;
    int counted;
    int within;

    Line(String platform, PlatformRule rule) {
      this.platform = platform;
      this.rule = rule;
    }
  }

  /**
   * Scores the followed chats at second {@code end} (a chat never answered waits until then); each chat counts in the
   * hour of the day its buyer wrote (the day starts at midnight in the scenario's zone).
   */
  static DayResult score(SimulatedDay.Scenario scenario, Instant start, List<TrackedChat> all, long end,
                         SeatTally seats, double[] onDutySecondsByHour, int surgeActivations, long breaches,
                         double wallSeconds) {
    Tally total = new Tally();
    List<Tally> byHour = new ArrayList<>();
    for (int h = 0; h < 24; h++) {
      byHour.add(new Tally());
      byHour.get(h).agentSeconds = onDutySecondsByHour[h];
    }
    long longest = 0;
    List<Long> waits = new ArrayList<>();
    for (TrackedChat tr : all) {
      long wait = (tr.answeredAt < 0 ? end : tr.answeredAt) - tr.arrival.second();
      waits.add(wait);
      longest = Math.max(longest, wait);
      total.add(tr, wait, start);
      byHour.get((int) Math.min(23, tr.arrival.second() / 3600)).add(tr, wait, start);
    }
    waits.sort(Long::compare);
    double p90 = waits.isEmpty() ? 0 : waits.get((int) Math.min(waits.size() - 1, Math.ceil(waits.size() * 0.9) - 1));
    return new DayResult(scenario, all.size(), total, byHour, longest, p90, seats.utilisation(), seats.nobodyWaited(),
        seats.idleSeatHoursWhileWaiting(), seats.occupancy(), seats.agentHours(), surgeActivations, breaches, wallSeconds);
  }

  int urgent() {
    return total.urgent;
  }

  int urgentIn60() {
    return total.urgentIn60;
  }

  int regular() {
    return total.regular;
  }

  int regularIn120() {
    return total.regularIn120;
  }

  int pddCounted() {
    return total.lines.values().stream().filter(l -> "pinduoduo".equals(l.platform)).mapToInt(l -> l.counted).sum();
  }

  int pddIn5min() {
    return total.lines.values().stream().filter(l -> "pinduoduo".equals(l.platform)).mapToInt(l -> l.within).sum();
  }

  String row() {
    return ("| %s | %.1f %% (%d/%d) | %.1f %% (%d/%d) | %.1f %% (%d/%d) | %s | %.0f s | %s | %.2f | %.1f %% | %.0f"
        + " | %d | %d |")
        .formatted(scenario.label(), pct(urgentIn60(), urgent()), urgentIn60(), urgent(), pct(regularIn120(), regular()),
            regularIn120(), regular(), pct(pddIn5min(), pddCounted()), pddIn5min(), pddCounted(),
            duration(longestWaitSeconds), p90WaitSeconds,
            nobodyWaited ? "nobody waited" : "%.1f %%".formatted(utilisation * 100), idleSeatHoursWhileWaiting,
            occupancy * 100, agentHours,
            surgeActivations, breaches);
  }

  static double pct(int a, int b) {
    return b == 0 ? 0 : 100.0 * a / b;
  }

  static String duration(long s) {
    return s >= 3600 ? "%dh %02dm".formatted(s / 3600, (s % 3600) / 60)
        : s >= 60 ? "%dm %02ds".formatted(s / 60, s % 60) : s + " s";
  }
}
