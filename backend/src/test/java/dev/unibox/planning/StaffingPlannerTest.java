package dev.unibox.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StaffingPlannerTest {

  private static final StaffingPlanner PLANNER = new StaffingPlanner(5, Targets.PROMOTION_DAY);

  private static Demand hour(int hour, Map<String, Double> arrivals) {
    return hour(hour, arrivals, AnswerTimes.single(28));
  }

  private static Demand hour(int hour, Map<String, Double> arrivals, AnswerTimes answers) {
    return new Demand(hour, arrivals, 0.22, 370, answers);
  }

  private static AnswerTimes points(double... secondsThenShare) {
    List<AnswerTimes.Point> points = new ArrayList<>();
    for (int i = 0; i < secondsThenShare.length; i += 2) {
      points.add(new AnswerTimes.Point(secondsThenShare[i], secondsThenShare[i + 1]));
    }
    return new AnswerTimes(points);
  }

  @Test
  void erlangCMatchesTheTextbookValue() {
    // 10 Erlangs on 12 servers: the classic table gives 0.4494
    assertEquals(0.4494, PriorityQueueModel.waitChance(12, 10), 0.0001);
    assertEquals(1, PriorityQueueModel.waitChance(10, 10));
    assertEquals(0, PriorityQueueModel.waitChance(3, 0));
  }

  @Test
  void urgentBuyersWaitLessThanTheOthersOnTheSameSeats() {
    PriorityQueueModel queue = PriorityQueueModel.of(60, 0.15, 0.22, 370);
    assertTrue(queue.urgentWithin(30) > queue.regularWithin(30), queue.toString());
    assertEquals(0, PriorityQueueModel.of(50, 0.15, 0.22, 370).regularWithin(30), "seats that cannot keep up: nobody in time");
    assertEquals(1, PriorityQueueModel.of(0, 0, 0.22, 370).urgentWithin(0), "nobody writes: nobody waits");
  }

  @Test
  void theRecommendedStaffingIsTheFewestThatMeetBothTargets() {
    Demand peak = hour(20, Map.of("zh", 1800.0, "ms", 700.0, "th", 300.0));
    HourPlan plan = PLANNER.plan(List.of(peak)).get(0);
    assertTrue(plan.urgentRate() >= 0.99 && plan.regularRate() >= 0.95, plan.toString());
    assertTrue(plan.occupancy() < 1, plan.toString());
    HourPlan oneFewer = PLANNER.plan(List.of(peak), Map.of(20, -1)).get(0);
    assertEquals(plan.agents() - 1, oneFewer.agents());
    assertTrue(oneFewer.urgentRate() < 0.99 || oneFewer.regularRate() < 0.95, oneFewer.toString());
  }

  @Test
  void oneAnswerTimePlansAsTheMeanAlwaysDid() {
    // the counts the planner gave when it took a single mean answer time off each window
    List<HourPlan> plan = PLANNER.plan(List.of(hour(20, Map.of("zh", 1800.0, "ms", 700.0, "th", 300.0))));
    assertEquals(60, plan.get(0).agents());
    assertEquals(Map.of("zh", 40, "ms", 17, "th", 8), plan.get(0).speakers());
    assertEquals(1, plan.get(0).urgentCeiling());
    assertEquals(1, plan.get(0).regularCeiling());
  }

  @Test
  void slowAnswersForSomeChatsNeedMoreAgentsThanTheirMean() {
    // a tenth of the chats leave 1 s of the urgent window: the seats must rarely all be taken
    AnswerTimes spread = points(25, 0.9, 59, 0.1);
    assertEquals(28.4, spread.mean(), 1e-9);
    int atMean = PLANNER.plan(List.of(hour(20, Map.of("zh", 2800.0), AnswerTimes.single(28.4)))).get(0).agents();
    HourPlan plan = PLANNER.plan(List.of(hour(20, Map.of("zh", 2800.0), spread))).get(0);
    assertTrue(plan.agents() > atMean, plan.agents() + " vs " + atMean);
    assertTrue(plan.urgentRate() >= 0.99, plan.toString());
    assertEquals(1, plan.urgentCeiling());
  }

  @Test
  void answersSlowerThanTheWindowCapTheTargetInsteadOfTheAgents() {
    // 2 % of urgent chats take 70 s to answer: at most 98 % within 60 s, however many agents
    HourPlan capped = PLANNER.plan(List.of(hour(20, Map.of("zh", 2800.0), points(20, 0.98, 70, 0.02)))).get(0);
    assertEquals(0.98, capped.urgentCeiling(), 1e-12);
    assertEquals(1, capped.regularCeiling());
    assertTrue(capped.agents() < 80, capped.toString());
    assertTrue(capped.urgentRate() >= 0.99 * 0.98 && capped.urgentRate() < 0.98, capped.toString());
    HourPlan oneFewer = PLANNER.plan(List.of(hour(20, Map.of("zh", 2800.0), points(20, 0.98, 70, 0.02))),
        Map.of(20, -1)).get(0);
    assertTrue(oneFewer.urgentRate() < 0.99 * 0.98 || oneFewer.regularRate() < 0.95, oneFewer.toString());
    // a ceiling exactly at the target is reachable only with endless agents: the same cap
    HourPlan tied = PLANNER.plan(List.of(hour(20, Map.of("zh", 2800.0), points(20, 0.99, 70, 0.01)))).get(0);
    assertEquals(0.99, tied.urgentCeiling(), 1e-12);
    assertTrue(tied.agents() < 80, tied.toString());
    // past both windows: the regular target is capped too
    HourPlan slow = PLANNER.plan(List.of(hour(20, Map.of("zh", 2800.0), points(20, 0.9, 130, 0.1)))).get(0);
    assertEquals(0.9, slow.regularCeiling(), 1e-12);
    assertTrue(slow.agents() < 80 && slow.regularRate() >= 0.95 * 0.9, slow.toString());
  }

  @Test
  void anAnswerCountsWhenTheWaitFitsInWhatItLeavesOfTheWindow() {
    AnswerTimes answers = points(10, 0.5, 60, 0.3, 61, 0.2);
    // waits of at most w seconds: a chance of w / 100
    assertEquals(0.5 * 0.5 + 0.3 * 0, answers.within(60, w -> w / 100), 1e-12);
    assertEquals(0.8, answers.ceiling(60), 1e-12);
    assertEquals(1, answers.ceiling(61), 1e-12);
    assertEquals(10 * 0.5 + 60 * 0.3 + 61 * 0.2, answers.mean(), 1e-12);
    assertEquals(AnswerTimes.single(4), AnswerTimes.equalShares(List.of(4.0)));
  }

  @Test
  void moreBuyersNeedMoreAgentsAndEveryLanguageGetsSpeakers() {
    List<HourPlan> day = PLANNER.plan(List.of(hour(3, Map.of("zh", 40.0, "th", 5.0)),
        hour(12, Map.of("zh", 250.0, "th", 40.0)), hour(20, Map.of("zh", 2500.0, "th", 400.0))));
    assertTrue(day.get(0).agents() < day.get(1).agents() && day.get(1).agents() < day.get(2).agents(), day.toString());
    for (HourPlan h : day) {
      assertTrue(h.speakers().get("th") >= 1 && h.speakers().get("th") < h.speakers().get("zh"), h.toString());
      assertTrue(h.speakers().values().stream().allMatch(n -> n <= h.agents()), h.toString());
    }
  }

  @Test
  void aQuietHourNeedsNobodyAndExtraAgentsAreAdded() {
    assertEquals(0, PLANNER.plan(List.of(hour(4, Map.of()))).get(0).agents());
    Demand busy = hour(9, Map.of("en", 200.0));
    int model = PLANNER.plan(List.of(busy)).get(0).agents();
    assertEquals(model + 3, PLANNER.plan(List.of(busy), Map.of(9, 3)).get(0).agents());
  }

  @Test
  void stricterTargetsNeedMoreAgents() {
    Demand busy = hour(9, Map.of("en", 600.0));
    StaffingPlanner relaxed = new StaffingPlanner(5, new Targets(Duration.ofSeconds(120), 0.8, Duration.ofSeconds(300), 0.8));
    assertTrue(relaxed.plan(List.of(busy)).get(0).agents() < PLANNER.plan(List.of(busy)).get(0).agents());
  }

  @Test
  void nonsenseIsRefusedWithTheFieldNamed() {
    AnswerTimes twenty = AnswerTimes.single(20);
    assertThrows(IllegalArgumentException.class, () -> new Demand(24, Map.of(), 0.2, 300, twenty));
    assertThrows(IllegalArgumentException.class, () -> new Demand(1, Map.of("en", -1.0), 0.2, 300, twenty));
    assertEquals("answers must be given",
        assertThrows(IllegalArgumentException.class, () -> new Demand(1, Map.of(), 0.2, 300, null)).getMessage());
    assertEquals("answer time shares must sum to 1, got 0.9",
        assertThrows(IllegalArgumentException.class, () -> points(20, 0.5, 40, 0.4)).getMessage());
    assertEquals("answer times need at least one point",
        assertThrows(IllegalArgumentException.class, () -> AnswerTimes.equalShares(List.of())).getMessage());
    assertEquals("answer seconds must be ≥ 0, got -1.0",
        assertThrows(IllegalArgumentException.class, () -> AnswerTimes.single(-1)).getMessage());
    assertEquals("answer seconds must be ≥ 0, got NaN",
        assertThrows(IllegalArgumentException.class, () -> AnswerTimes.single(Double.NaN)).getMessage());
    assertEquals("an answer time's share must be 0..1, got 1.5",
        assertThrows(IllegalArgumentException.class, () -> points(20, 1.5, 40, -0.5)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Targets(Duration.ofSeconds(60), 1.0, Duration.ofSeconds(120), 0.95));
    assertThrows(IllegalArgumentException.class, () -> new StaffingPlanner(0, Targets.PROMOTION_DAY));
  }
}
