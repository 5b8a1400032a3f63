package dev.unibox.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StaffingPlannerTest {

  private final StaffingPlanner.Targets targets = StaffingPlanner.Targets.standard();

  @Test
  void erlangCMatchesTheTextbookValue() {
    // two servers, one Erlang: the probability of waiting is 1/3; a wait of zero seconds is met 2/3 of the time
    assertThat(StaffingPlanner.withinP(2, 1, 100, 0)).isCloseTo(2.0 / 3, offset(1e-9));
    // and the longer one may wait, the likelier: 1 - C e^{-(N-A)t/h}
    assertThat(StaffingPlanner.withinP(2, 1, 100, 100)).isCloseTo(1 - Math.exp(-1) / 3, offset(1e-9));
    assertThat(StaffingPlanner.withinP(1, 1, 100, 1000)).isZero();
  }

  @Test
  void theSmallestPoolMeetsBothTargetsAndOneSeatFewerDoesNot() {
    Forecast.Demand d = new Forecast.Demand(600, 0.3, 240);       // 40 Erlangs
    int n = StaffingPlanner.seats(d, targets);
    double load = 600.0 / 3600 * 240;
    assertThat(StaffingPlanner.withinP(n, load, 240, 40)).isGreaterThanOrEqualTo(0.99);
    assertThat(StaffingPlanner.withinP(n, load, 240, 100)).isGreaterThanOrEqualTo(0.95);
    assertThat(load / n).isLessThanOrEqualTo(0.85);
    boolean fewerFails = StaffingPlanner.withinP(n - 1, load, 240, 40) < 0.99
        || StaffingPlanner.withinP(n - 1, load, 240, 100) < 0.95 || load / (n - 1) > 0.85;
    assertThat(fewerFails).isTrue();
  }

  @Test
  void moreBuyersNeedMoreAgentsAndStandbyIsWhatTheRosterLacks() {
    Forecast forecast = new Forecast(java.util.stream.IntStream.range(0, 24)
        .mapToObj(h -> Map.of("zh", new Forecast.Demand(h == 20 ? 3000 : 300, 0.3, 240))).toList());
    List<Map<String, Integer>> roster = java.util.stream.IntStream.range(0, 24)
        .mapToObj(h -> Map.of("zh", 6)).toList();
    StaffingPlanner.Plan plan = StaffingPlanner.plan(forecast, targets, 5, roster);
    StaffingPlanner.Need quiet = plan.hours().get(10).get("zh");
    StaffingPlanner.Need peak = plan.hours().get(20).get("zh");
    assertThat(peak.agents()).isGreaterThan(5 * quiet.agents());
    assertThat(peak.standby()).isEqualTo(peak.agents() - 6);
    assertThat(quiet.standby()).isEqualTo(Math.max(0, quiet.agents() - 6));
  }

  @Test
  void theNightWithoutThaiAsksForThaiStandbyAtNight() {
    Scenario s = ScenarioLoader.load(Path.of("../config/scenarios/night-no-thai.yaml"));
    StaffingPlanner.Plan plan = StaffingPlanner.plan(Forecast.of(s), targets, s.team().capacity(),
        Rosters.onShift(s.team()));
    StaffingPlanner.Need thAt3 = plan.hours().get(3).get("th");
    assertThat(thAt3.rostered()).isZero();
    assertThat(thAt3.standby()).isEqualTo(thAt3.agents()).isPositive();
  }
}
