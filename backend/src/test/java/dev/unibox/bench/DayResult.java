package dev.unibox.bench;

import dev.unibox.bench.PromotionDayWorkload.Kind;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** One scenario's simulated day scored: answer rates against the targets, waits, seats and surge. */
record DayResult(SimulatedDay.Scenario scenario, int conversations, int urgent, int urgentIn60, int regular,
                 int regularIn120, int pddCounted, int pddIn5min, long longestWaitSeconds, double p90WaitSeconds,
                 double utilisation, double occupancy, double agentHours, int surgeActivations, long breaches,
                 double wallSeconds) {

  /** Scores the followed chats at second {@code end} (a chat never answered waits until then). */
  static DayResult score(SimulatedDay.Scenario scenario, Instant start, List<TrackedChat> all, long end,
                         SeatTally seats, int surgeActivations, long breaches, double wallSeconds) {
    int urgent = 0;
    int urgentIn60 = 0;
    int regular = 0;
    int regularIn120 = 0;
    int pdd = 0;
    int pddIn5 = 0;
    long longest = 0;
    List<Long> waits = new ArrayList<>();
    for (TrackedChat tr : all) {
      long wait = (tr.answeredAt < 0 ? end : tr.answeredAt) - tr.arrival.second();
      waits.add(wait);
      longest = Math.max(longest, wait);
      boolean isUrgent = tr.arrival.kind() == Kind.AFTER_SALE_URGENT;
      if (isUrgent) {
        urgent++;
        urgentIn60 += tr.answeredAt >= 0 && wait <= 60 ? 1 : 0;
      } else {
        regular++;
        regularIn120 += tr.answeredAt >= 0 && wait <= 120 ? 1 : 0;
      }
      if ("pinduoduo".equals(tr.arrival.shop().platform())) {
        int hour = start.plusSeconds(tr.arrival.second()).atZone(ZoneId.of(tr.arrival.shop().zone())).getHour();
        if (hour >= 8 && hour < 23) {
          pdd++;
          pddIn5 += tr.answeredAt >= 0 && wait <= 300 ? 1 : 0;
        }
      }
    }
    waits.sort(Long::compare);
    double p90 = waits.isEmpty() ? 0 : waits.get((int) Math.min(waits.size() - 1, Math.ceil(waits.size() * 0.9) - 1));
    return new DayResult(scenario, all.size(), urgent, urgentIn60, regular, regularIn120, pdd, pddIn5, longest, p90,
        seats.utilisation(), seats.occupancy(), seats.agentHours(), surgeActivations, breaches, wallSeconds);
  }

  String row() {
    return "| %s | %.1f %% (%d/%d) | %.1f %% (%d/%d) | %.1f %% (%d/%d) | %s | %.0f s | %.1f %% | %.1f %% | %.0f | %d | %d |"
        .formatted(scenario.label(), pct(urgentIn60, urgent), urgentIn60, urgent, pct(regularIn120, regular),
            regularIn120, regular, pct(pddIn5min, pddCounted), pddIn5min, pddCounted, duration(longestWaitSeconds),
            p90WaitSeconds, utilisation * 100, occupancy * 100, agentHours, surgeActivations, breaches);
  }

  static double pct(int a, int b) {
    return b == 0 ? 0 : 100.0 * a / b;
  }

  static String duration(long s) {
    return s >= 3600 ? "%dh %02dm".formatted(s / 3600, (s % 3600) / 60)
        : s >= 60 ? "%dm %02ds".formatted(s / 60, s % 60) : s + " s";
  }
}
