package dev.unibox.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.reports.PlatformRule;
import dev.unibox.routing.FifoRoundRobinPolicy;
import dev.unibox.routing.PriorityPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How the simulation compares ours with another row: at least as good on a column is enough (a tie at 100 % is no
 * loss), a day on which no buyer ever waited wasted no seat while one did, the seats left idle while buyers waited are
 * compared as an amount (a lower share busy over fewer waiting moments is named, not counted), and a column where ours
 * is behind is named.
 */
class RowComparisonTest {

  private static final SimulatedDay.Scenario OURS = new SimulatedDay.Scenario("ours", new PriorityPolicy(), true);
  private static final SimulatedDay.Scenario FIFO =
      new SimulatedDay.Scenario("fifo", new FifoRoundRobinPolicy(), true);

  @Test
  void tiesAreNoLoss() {
    DayResult ours = day(OURS, 925, 69, 33, 0.90, 1.5, false);
    assertThat(PromotionDayReport.verdicts(List.of(ours, day(FIFO, 925, 69, 33, 0.90, 1.5, false))))
        .containsExactly("fifo: at least as good on all six");
  }

  @Test
  void nobodyWaitingWastesNoSeat() {
    DayResult ours = day(OURS, 925, 69, 33, 1, 0, true);
    assertThat(PromotionDayReport.verdicts(List.of(ours, day(FIFO, 918, 70, 45, 0.889, 1.9, false))))
        .containsExactly("fifo: at least as good on all six");
    assertThat(ours.row()).contains("| nobody waited | 0.00 |");
    assertThat(PromotionDayReport.verdicts(List.of(day(OURS, 925, 69, 33, 0.889, 1.9, false), ours)))
        .containsExactly("ours: behind on seat-hours idle while buyers wait"
            + " (a lower share of busy seats while buyers wait: 88.9 % against nobody waited)");
  }

  @Test
  void theIdleSeatsAreComparedAndALowerShareIsNamedBesideThem() {
    // fewer waiting moments, each with a language's seats full: fewer seats idle, a lower share busy
    DayResult ours = day(OURS, 925, 69, 33, 0.770, 0.11, false);
    assertThat(PromotionDayReport.verdicts(List.of(ours, day(FIFO, 918, 149, 48, 0.878, 2.55, false))))
        .containsExactly("fifo: at least as good on all six"
            + " (a lower share of busy seats while buyers wait: 77.0 % against 87.8 %)");
    assertThat(PromotionDayReport.verdicts(List.of(day(OURS, 925, 69, 33, 0.990, 2.60, false),
        day(FIFO, 925, 69, 33, 0.878, 2.55, false))))
        .containsExactly("fifo: behind on seat-hours idle while buyers wait");
  }

  @Test
  void aColumnBehindIsNamed() {
    DayResult ours = day(OURS, 925, 581, 446, 0.98, 6.4, false);
    assertThat(PromotionDayReport.verdicts(List.of(ours, day(FIFO, 918, 426, 324, 0.97, 7.0, false))))
        .containsExactly("fifo: behind on longest wait, p90 wait");
  }

  /** A day of 929 urgent chats, 4,520 regular ones all answered in time and 1,234 Pinduoduo chats in time. */
  private static DayResult day(SimulatedDay.Scenario scenario, int urgentIn60, long longest, double p90,
                               double utilisation, double idleSeatHours, boolean nobodyWaited) {
    DayResult.Tally total = new DayResult.Tally();
    total.urgent = 929;
    total.urgentIn60 = urgentIn60;
    total.regular = 4520;
    total.regularIn120 = 4520;
    DayResult.Line pdd = new DayResult.Line("pinduoduo", PlatformRule.of("pinduoduo"));
    pdd.counted = 1234;
    pdd.within = 1234;
    total.lines.put("pdd-cn-01", pdd);
    return new DayResult(scenario, 5449, total, List.of(), longest, p90, utilisation, nobodyWaited,
        idleSeatHours, 0.4, 206, 0, 2, 1);
  }
}
