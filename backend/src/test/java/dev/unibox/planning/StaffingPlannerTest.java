package dev.unibox.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StaffingPlannerTest {

  private static final StaffingPlanner PLANNER = new StaffingPlanner(5, Targets.PROMOTION_DAY);

  private static Demand hour(int hour, Map<String, Double> arrivals) {
    return new Demand(hour, arrivals, 0.22, 370, 28);
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
    double urgent = PriorityQueueModel.urgentWithin(60, 0.15, 0.22, 370, 30);
    double regular = PriorityQueueModel.regularWithin(60, 0.15, 0.22, 370, 30);
    assertTrue(urgent > regular, urgent + " vs " + regular);
    assertEquals(0, PriorityQueueModel.regularWithin(50, 0.15, 0.22, 370, 30), "seats that cannot keep up: nobody in time");
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
    assertThrows(IllegalArgumentException.class, () -> new Demand(24, Map.of(), 0.2, 300, 20));
    assertThrows(IllegalArgumentException.class, () -> new Demand(1, Map.of("en", -1.0), 0.2, 300, 20));
    assertThrows(IllegalArgumentException.class, () -> new Targets(Duration.ofSeconds(60), 1.0, Duration.ofSeconds(120), 0.95));
    assertThrows(IllegalArgumentException.class, () -> new StaffingPlanner(0, Targets.PROMOTION_DAY));
  }
}
