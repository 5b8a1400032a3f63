package dev.unibox.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.unibox.config.UniboxConfig.SurgeConfig;
import dev.unibox.planning.Demand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The optional fields of a scenario file: surge settings, the agents' slow-down and history read, peaks across midnight. */
class ScenarioFieldsTest {

  private static final String SURGE_BLOCK = """
      surge:                           # the surge rows' automatic decision, as routing.surge in the config
        enabled: true
        depth_threshold: 25            # call standby agents at this queue depth (or a predicted breach)
        release_depth: 5               # release after calm_seconds at or under this depth
        calm_seconds: 300
        throughput_window_seconds: 300 # assignments in this window give the service rate

      """;
  private static final String TIMES_LINES = """
        load_slowdown: {read: 0.25, handle: 0.15}   # per chat held beyond the first: 25 % longer reading, 15 % handling
        history_read: 30               # seconds more reading when a returning buyer is new to the agent
      """;

  @TempDir
  Path dir;

  private static String promotionDay() throws Exception {
    return Files.readString(BenchmarkDoc.root().resolve("scenarios/promotion-day.yaml"));
  }

  /** The promotion day as it was before the new fields: none of them in the file. */
  private static String withoutNewFields() throws Exception {
    String good = promotionDay();
    assertThat(good).contains(SURGE_BLOCK).contains(TIMES_LINES);
    return good.replace(SURGE_BLOCK, "").replace(TIMES_LINES, "");
  }

  private PromotionDayScenario load(String yaml) throws Exception {
    Path file = dir.resolve("s.yaml");
    Files.writeString(file, yaml);
    return PromotionDayScenario.load(file, "s.yaml");
  }

  private static double conversations(Demand hour) {
    return hour.arrivals().values().stream().mapToDouble(Double::doubleValue).sum();
  }

  /** The day's arrivals, the shop by its account (a Shop holds arrays, so two loads' shops are not equal). */
  private static List<List<Object>> drawn(PromotionDayScenario day) {
    return PromotionDayWorkload.arrivals(day, 24 * 3600, day.seed()).stream().map(a -> List.<Object>of(a.index(),
        a.second(), a.shop().accountId(), a.language(), a.kind(), a.text(), a.buyer(), a.returning(), a.readSeconds(),
        a.handleSeconds())).toList();
  }

  private String error(String yaml) throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, yaml);
    return assertThatThrownBy(() -> PromotionDayScenario.load(file, "bad.yaml"))
        .isInstanceOf(IllegalArgumentException.class).actual().getMessage();
  }

  @Test
  void withoutTheNewFieldsTheDayKeepsTheConstantsItHad() throws Exception {
    PromotionDayScenario day = load(withoutNewFields());
    assertThat(day.surge()).isEqualTo(new SurgeConfig(true, 25, 5, 300, 300));
    assertThat(day.times().readSlowdown()).isEqualTo(0.25);
    assertThat(day.times().handleSlowdown()).isEqualTo(0.15);
    assertThat(day.times().historyRead()).isEqualTo(30);
    assertThat(day.times().readFactor(5)).isEqualTo(2.0);
    assertThat(day.times().handleFactor(5)).isEqualTo(1 + 0.15 * 4);
    assertThat(day.times().readFactor(1)).isEqualTo(1.0);

    // the shipped file spells the defaults out: the same day and the same forecast as without them
    PromotionDayScenario shipped = PromotionDayScenario.load(BenchmarkDoc.root().resolve(PromotionDayScenario.DEFAULT),
        PromotionDayScenario.DEFAULT);
    assertThat(shipped.times()).isEqualTo(day.times());
    assertThat(shipped.surge()).isEqualTo(day.surge());
    int capacity = ScenarioForecast.capacity(day);
    assertThat(ScenarioForecast.of(shipped, capacity)).isEqualTo(ScenarioForecast.of(day, capacity));
    assertThat(drawn(shipped)).isEqualTo(drawn(day));
  }

  @Test
  void aFileWithTheNewFieldsIsReadWithThem() throws Exception {
    String yaml = promotionDay().replace(SURGE_BLOCK, """
        surge: {enabled: false, depth_threshold: 40, release_depth: 8, calm_seconds: 600, throughput_window_seconds: 120}
        """).replace(TIMES_LINES, """
          load_slowdown: {read: 0.5, handle: 0.1}
          history_read: 45
        """);
    PromotionDayScenario day = load(yaml);
    assertThat(day.surge()).isEqualTo(new SurgeConfig(false, 40, 8, 600, 120));
    assertThat(day.times().readSlowdown()).isEqualTo(0.5);
    assertThat(day.times().handleSlowdown()).isEqualTo(0.1);
    assertThat(day.times().historyRead()).isEqualTo(45);

    // one field given, the others keep their defaults
    PromotionDayScenario partly = load(withoutNewFields().replace("\nteam:\n", "\nsurge: {calm_seconds: 60}\n\nteam:\n")
        .replace("  read: {min: 8, range: 12}\n", "  read: {min: 8, range: 12}\n  load_slowdown: {handle: 0.3}\n"));
    assertThat(partly.surge()).isEqualTo(new SurgeConfig(true, 25, 5, 60, 300));
    assertThat(partly.times().readSlowdown()).isEqualTo(0.25);
    assertThat(partly.times().handleSlowdown()).isEqualTo(0.3);
    assertThat(partly.times().historyRead()).isEqualTo(30);
  }

  @Test
  void theForecastUsesTheScenariosSlowdownAndHistoryRead() throws Exception {
    PromotionDayScenario day = load(promotionDay().replace(TIMES_LINES, """
          load_slowdown: {read: 0, handle: 0}
          history_read: 0
        """));
    PromotionDayScenario usual = load(withoutNewFields());
    int capacity = ScenarioForecast.capacity(day);
    double meanRead = 8 + 12 / 2.0;
    Demand hour = ScenarioForecast.of(day, capacity).get(12);
    Demand usualHour = ScenarioForecast.of(usual, capacity).get(12);
    assertThat(hour.answers().mean()).isCloseTo(meanRead, offset(1e-9));
    assertThat(usualHour.answers().mean())
        .isCloseTo(meanRead * (1 + 0.25 * (capacity - 1)) + 30 * usual.returningShare(), offset(1e-9));
    double meanHandle = hour.seatSeconds() - hour.answers().mean();
    assertThat(usualHour.seatSeconds() - usualHour.answers().mean())
        .isCloseTo(meanHandle * (1 + 0.15 * (capacity - 1)), offset(1e-9));
  }

  @Test
  void eachBadNewFieldAndAPeakEndingBeforeItsStartAreNamed() throws Exception {
    String good = promotionDay();
    assertThat(error(good.replace("calm_seconds: 300", "calm_seconds: soon")))
        .isEqualTo("bad.yaml: surge.calm_seconds: expected a whole number ≥ 0, got 'soon'");
    assertThat(error(good.replace("calm_seconds: 300", "calm_seconds: -1")))
        .isEqualTo("bad.yaml: surge.calm_seconds: expected a whole number ≥ 0, got '-1'");
    assertThat(error(good.replace("enabled: true", "enabled: sometimes")))
        .isEqualTo("bad.yaml: surge.enabled: expected true or false");
    assertThat(error(good.replace("depth_threshold: 25", "depth_threshold: 0")))
        .isEqualTo("bad.yaml: surge.depth_threshold: expected a whole number ≥ 1, got '0'");
    assertThat(error(good.replace("depth_threshold: 25", "depth_threshold: 2.5")))
        .isEqualTo("bad.yaml: surge.depth_threshold: expected a whole number ≥ 1, got '2.5'");
    assertThat(error(good.replace("release_depth: 5", "release_depth: -5")))
        .isEqualTo("bad.yaml: surge.release_depth: expected a whole number ≥ 0, got '-5'");
    assertThat(error(good.replace("throughput_window_seconds: 300", "throughput_window_seconds: 5")))
        .isEqualTo("bad.yaml: surge.throughput_window_seconds: expected a whole number ≥ 10, got '5'");
    assertThat(error(good.replace(SURGE_BLOCK, "surge: on\n\n")))
        .isEqualTo("bad.yaml: surge: expected a mapping");
    assertThat(error(good.replace("load_slowdown: {read: 0.25", "load_slowdown: {read: -0.25")))
        .isEqualTo("bad.yaml: times.load_slowdown.read: expected a number ≥ 0, got '-0.25'");
    assertThat(error(good.replace("handle: 0.15}", "handle: slow}")))
        .isEqualTo("bad.yaml: times.load_slowdown.handle: expected a number ≥ 0, got 'slow'");
    assertThat(error(good.replace("load_slowdown: {read: 0.25, handle: 0.15}", "load_slowdown: 0.25")))
        .isEqualTo("bad.yaml: times.load_slowdown: expected a mapping");
    assertThat(error(good.replace("history_read: 30", "history_read: half a minute")))
        .isEqualTo("bad.yaml: times.history_read: expected a number ≥ 0, got 'half a minute'");
    // a peak ending before its start must say it runs past midnight, and stay within the day
    assertThat(error(good.replace("end: \"22:00\"", "end: \"01:00\"")))
        .isEqualTo("bad.yaml: arrivals.peaks[0].end: must be after start (a peak past 24:00 says across_midnight: true)");
    assertThat(error(good.replace("end: \"22:00\"", "end: \"23:00\", across_midnight: true")))
        .isEqualTo("bad.yaml: arrivals.peaks[0].across_midnight: needs an end before the start (and a start before 24:00)");
    assertThat(error(good.replace("end: \"22:00\"", "end: \"01:00\", across_midnight: yes please")))
        .isEqualTo("bad.yaml: arrivals.peaks[0].across_midnight: expected true or false");
    assertThat(error(good.replace("start: \"20:00\", end: \"22:00\"", "start: \"24:00\", end: \"01:00\", across_midnight: true")))
        .contains("arrivals.peaks[0].across_midnight");
  }

  @Test
  void aPeakAcrossMidnightMultipliesBothEndsOfTheDay() throws Exception {
    String flat = withoutNewFields().replaceFirst("per_minute_by_hour: \\[[^]]*]",
        "per_minute_by_hour: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]");
    PromotionDayScenario day = load(flat.replace("{start: \"20:00\", end: \"22:00\", multiplier: 10}",
        "{start: \"23:00\", end: \"01:00\", across_midnight: true, multiplier: 10}"));
    PromotionDayScenario.Peak peak = day.peaks().get(0);
    assertThat(List.of(23 * 60, 24 * 60 - 1, 0, 59)).allMatch(peak::covers);
    assertThat(List.of(23 * 60 - 1, 60, 12 * 60)).noneMatch(peak::covers);
    assertThat(day.inPeak(0)).isTrue();
    assertThat(day.inPeak(3599)).isTrue();
    assertThat(day.inPeak(3600)).isFalse();
    assertThat(day.inPeak(23 * 3600 - 1)).isFalse();
    assertThat(day.inPeak(23 * 3600)).isTrue();
    assertThat(day.peakHours()).isEqualTo("23:00-01:00");
    // quick keeps one stretch: three hours before the peak to the day's end
    assertThat(day.quickWindow()).isEqualTo(new PromotionDayScenario.Window(20 * 3600, 24 * 3600));

    List<Demand> forecast = ScenarioForecast.of(day, ScenarioForecast.capacity(day));
    assertThat(conversations(forecast.get(0))).isCloseTo(600, offset(1e-9));
    assertThat(conversations(forecast.get(23))).isCloseTo(600, offset(1e-9));
    assertThat(conversations(forecast.get(1))).isCloseTo(60, offset(1e-9));
    assertThat(conversations(forecast.get(22))).isCloseTo(60, offset(1e-9));

    int[] byHour = new int[24];
    PromotionDayWorkload.arrivals(day, 24 * 3600, day.seed()).forEach(a -> byHour[(int) (a.second() / 3600)]++);
    for (int h = 1; h < 23; h++) {
      assertThat(byHour[0]).as("hour 0 against hour %d", h).isGreaterThan(5 * byHour[h]);
      assertThat(byHour[23]).as("hour 23 against hour %d", h).isGreaterThan(5 * byHour[h]);
    }
  }
}
