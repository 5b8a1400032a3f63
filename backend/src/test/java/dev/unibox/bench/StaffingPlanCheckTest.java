package dev.unibox.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.unibox.bench.PromotionDayScenario.Window;
import dev.unibox.planning.AnswerTimes;
import dev.unibox.planning.Demand;
import dev.unibox.planning.HourPlan;
import dev.unibox.planning.SurgeWindow;
import dev.unibox.planning.StaffingPlanner;
import dev.unibox.planning.Targets;
import dev.unibox.routing.PriorityPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pure parts of the staffing-plan check: the forecast read off a scenario, the planned team, the per-hour score. */
class StaffingPlanCheckTest {

  private static final PromotionDayScenario DAY = PromotionDayScenario.load(
      BenchmarkDoc.root().resolve(PromotionDayScenario.DEFAULT), PromotionDayScenario.DEFAULT);

  @Test
  void theForecastIsWhatTheWorkloadDrawsInExpectation() {
    int capacity = ScenarioForecast.capacity(DAY);
    List<Demand> forecast = ScenarioForecast.of(DAY, capacity);
    assertThat(capacity).isEqualTo(5);
    assertThat(forecast).hasSize(24);
    // 20:00-22:00 is the 10x peak of an hour at 5 per minute
    assertThat(forecast.get(19).total()).isCloseTo(300, within(1e-9));
    assertThat(forecast.get(20).total()).isCloseTo(10 * forecast.get(19).total(), within(1e-9));
    assertThat(forecast.get(21).total()).isCloseTo(3000, within(1e-9));
    assertThat(forecast.get(0).total()).isCloseTo(48, within(1e-9));
    double day = forecast.stream().mapToDouble(Demand::total).sum();
    assertThat(day).isCloseTo(10_086, within(1e-6));
    // the seeded day is one draw of it (returning buyers are part of the rate, not on top)
    assertThat(PromotionDayWorkload.arrivals(DAY, 24 * 3600, DAY.seed())).hasSizeBetween((int) (day * 0.97),
        (int) (day * 1.03));
    for (Demand d : forecast) {
      assertThat(d.arrivals().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(d.total(),
          within(1e-9));
      assertThat(d.urgentShare()).isCloseTo(0.22, within(1e-12));
    }
    // zh: 40 % MY × 15 % + Pinduoduo 25 %; en: 40 % × 35 % + Lazada 15 % × 20 %
    Map<String, Double> at20 = forecast.get(20).arrivals();
    assertThat(at20.get("zh")).isCloseTo(3000 * 0.31, within(1e-6));
    assertThat(at20.get("en")).isCloseTo(3000 * 0.17, within(1e-6));
    assertThat(at20.get("ms")).isCloseTo(3000 * 0.20, within(1e-6));
    assertThat(at20.get("zh-Hant")).isCloseTo(3000 * 0.20, within(1e-6));
    assertThat(at20.get("th")).isCloseTo(3000 * 0.12, within(1e-6));
    // at load 5: read 14 s × 2 + 30 s × 15 % returning; handling by the normal mix 212.25 s × 1.6, the peak's 193 s
    AnswerTimes answers = forecast.get(19).answers();
    assertThat(answers.mean()).isCloseTo(32.5, within(1e-9));
    // the read in tenths of 8..20 s, × 2; returning buyers (15 %) read 30 s more: 4 of their tenths pass 60 s
    assertThat(answers.points()).hasSize(2 * ScenarioForecast.READ_POINTS);
    assertThat(answers.points().stream().mapToDouble(AnswerTimes.Point::seconds).max().orElseThrow())
        .isCloseTo(19.4 * 2 + 30, within(1e-9));
    assertThat(answers.ceiling(60)).isCloseTo(1 - 0.15 * 0.4, within(1e-9));
    assertThat(answers.ceiling(120)).isCloseTo(1, within(1e-9));
    assertThat(forecast.get(19).seatSeconds()).isCloseTo(32.5 + 212.25 * 1.6, within(1e-9));
    assertThat(forecast.get(20).seatSeconds()).isCloseTo(32.5 + 193.0 * 1.6, within(1e-9));
  }

  @Test
  void theShiftsAndTheStandbyPoolReachThePlanInEveryHourAndLanguage() {
    int capacity = ScenarioForecast.capacity(DAY);
    List<Demand> forecast = ScenarioForecast.of(DAY, capacity);
    StaffingPlanner planner = new StaffingPlanner(capacity, Targets.PROMOTION_DAY);
    for (Map<Integer, Integer> extra : List.of(Map.<Integer, Integer>of(), Map.of(3, 4, 19, 10, 20, 25))) {
      PlannedTeam team = PlannedTeam.of(DAY, planner.plan(forecast, extra), capacity);
      for (HourPlan p : team.plan()) {
        int h = p.hour();
        assertThat(team.onShiftByHour().get(h).size() + team.called(h).size()).as("hour %d", h)
            .isGreaterThanOrEqualTo(p.agents());
        p.speakers().forEach((language, n) -> assertThat(team.speakersOnShift(h, language)
            + team.speakersCalled(h, language)).as("hour %d %s", h, language).isGreaterThanOrEqualTo(n));
      }
      // the windows follow each other through the day; touching ones call different agents
      List<SurgeWindow> windows = team.team().windows();
      for (int i = 1; i < windows.size(); i++) {
        assertThat(windows.get(i).startHour()).isGreaterThanOrEqualTo(windows.get(i - 1).endHour());
        if (windows.get(i).startHour() == windows.get(i - 1).endHour()) {
          assertThat(windows.get(i).agents()).isNotEqualTo(windows.get(i - 1).agents());
        }
      }
      assertThat(team.team().plan().standby()).hasSize(team.standby().size());
      assertThat(team.team().onShift()).isEqualTo(19);
    }
    // the peak calls standby, a quieter short hour fewer of them; the night's planned extra agents are called at 03:00
    PlannedTeam withExtra = PlannedTeam.of(DAY, planner.plan(forecast, Map.of(3, 4)), capacity);
    assertThat(withExtra.called(9)).isNotEmpty().hasSizeLessThan(withExtra.called(20).size());
    assertThat(withExtra.called(3)).isNotEmpty();
    assertThat(withExtra.called(2)).isEmpty();
  }

  @Test
  void aStandbyAgentForOneShortLanguageSpeaksExactlyThat() {
    // night-without-thai: nobody on the night shift or in the file's pool reads Thai
    PromotionDayScenario night = PromotionDayScenario.load(BenchmarkDoc.root().resolve("scenarios/night-without-thai.yaml"),
        "scenarios/night-without-thai.yaml");
    int capacity = ScenarioForecast.capacity(night);
    List<HourPlan> plan = new StaffingPlanner(capacity, Targets.PROMOTION_DAY)
        .plan(ScenarioForecast.of(night, capacity));
    PlannedTeam team = PlannedTeam.of(night, plan, capacity);
    assertThat(team.speakersCalled(2, "th")).isGreaterThanOrEqualTo(plan.get(2).speakers().get("th"));
    assertThat(team.standby()).anySatisfy(a -> assertThat(a.languages()).containsExactly("th"));
  }

  @Test
  void theHoursAddUpToTheDayAndAMissIsMeasuredAgainstItsTarget() {
    List<PromotionDayWorkload.Arrival> arrivals = PromotionDayWorkload.arrivals(DAY, 24 * 3600, DAY.seed());
    List<TrackedChat> chats = new ArrayList<>();
    for (PromotionDayWorkload.Arrival a : arrivals) {
      TrackedChat c = new TrackedChat(a);
      // every tenth chat answered after 100 s, every 25th after 400 s, the rest after 10 s
      c.answeredAt = a.second() + (a.index() % 25 == 0 ? 400 : a.index() % 10 == 0 ? 100 : 10);
      chats.add(c);
    }
    double[] onDuty = new double[24];
    Arrays.fill(onDuty, 3600);
    DayResult r = DayResult.score(new SimulatedDay.Scenario("test", new PriorityPolicy(), true), DAY.start(), chats,
        24 * 3600 + 400, new SeatTally(), onDuty, 0, 0, 0);
    assertThat(r.byHour().stream().mapToInt(t -> t.urgent).sum()).isEqualTo(r.urgent());
    assertThat(r.byHour().stream().mapToInt(t -> t.regularIn120).sum()).isEqualTo(r.regularIn120());
    assertThat(r.urgent() + r.regular()).isEqualTo(arrivals.size());
    assertThat(r.total().urgentLate).hasSize(r.urgent() - r.urgentIn60())
        .allMatch(a -> a.kind() == PromotionDayWorkload.Kind.AFTER_SALE_URGENT
            && (a.index() % 10 == 0 || a.index() % 25 == 0));
    // the Pinduoduo column is the pinduoduo-5min line: 08-23 Shanghai time, the same hours here, within 300 s
    long pdd = arrivals.stream().filter(a -> a.shop().platform().equals("pinduoduo"))
        .filter(a -> a.second() >= 8 * 3600 && a.second() < 23 * 3600).count();
    assertThat(r.pddCounted()).isEqualTo((int) pdd);
    assertThat(r.pddIn5min()).isEqualTo(r.total().lines.get("pdd-cn-01").within);
    assertThat(r.total().lines.get("shopee-my-01").rule.name()).isEqualTo("shopee-12h");
    // urgent answered after 100 s miss 60 s: about 10 % of them, far under 99 %
    DayResult.Tally evening = r.byHour().get(19);
    double urgent = (double) evening.urgentIn60 / evening.urgent;
    assertThat(StaffingPlanCheck.shortfall(evening)).isCloseTo(1 - urgent / 0.99, within(1e-9));
    assertThat(StaffingPlanCheck.missedHours(r)).contains(19);
  }
}
