package dev.unibox.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.unibox.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ScenarioLoaderTest {

  private static final Path DIR = Path.of("../config/scenarios");

  @Test
  void everyShippedScenarioLoads() throws Exception {
    List<String> names;
    try (Stream<Path> files = Files.list(DIR)) {
      names = files.filter(p -> p.toString().endsWith(".yaml")).map(ScenarioLoader::load).map(Scenario::name).sorted()
          .toList();
    }
    assertThat(names).containsExactly("11.11 peak", "flash sale at 20:00", "night with one language missing",
        "normal weekday");
  }

  @Test
  void theDoubleElevenScenarioIsThePromotionDay() {
    Scenario s = ScenarioLoader.load(DIR.resolve("11-11-peak.yaml"));
    assertThat(s.seed()).isEqualTo(1111);
    assertThat(s.perMinute(20)).isCloseTo(50, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(s.perMinute(3)).isCloseTo(0.8, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(s.team().shifts()).extracting(x -> x.agents().size()).containsExactly(7, 9, 3);
    assertThat(s.team().standby()).hasSize(45);
    assertThat(s.mixAt(20).urgent()).isEqualTo(0.50);
    assertThat(s.mixAt(10).urgent()).isEqualTo(0.25);
    assertThat(s.shops()).extracting(Scenario.Shop::platform).contains("pinduoduo", "shopee", "lazada");
  }

  @Test
  void theNightScenarioHasNobodyWhoReadsThai() {
    Scenario s = ScenarioLoader.load(DIR.resolve("night-no-thai.yaml"));
    Scenario.Shift evening = s.team().shifts().stream().filter(x -> x.name().equals("evening")).findFirst().orElseThrow();
    assertThat(evening.agents()).noneMatch(a -> a.contains("th"));
    assertThat(s.team().standby()).noneMatch(a -> a.contains("th"));
    assertThat(s.shops().stream().filter(x -> x.languages().containsKey("th"))).isNotEmpty();
  }

  @Test
  void aBrokenScenarioListsEveryProblemAtOnce() throws Exception {
    var yaml = new ObjectMapper(new YAMLFactory()).readTree("""
        zone: Mars/Olympus
        date: 2026-13-40
        hours: [10, 5]
        shops:
          - account: a
            platform: shopee
            perMinute: [1, 2]
            languages: {en: 0.5}
        urgency: {mix: {preSale: 0.5}}
        handlingSeconds: {read: [8, 20]}
        team: {capacity: 0, shifts: [{name: x, start: "25:00", end: "08:00", agents: [""]}]}
        """);
    assertThatThrownBy(() -> ScenarioLoader.parse(yaml, "broken.yaml"))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).anyMatch(p -> p.contains("time zone"))
            .anyMatch(p -> p.contains("not a date")).anyMatch(p -> p.contains("increasing"))
            .anyMatch(p -> p.contains("24 values")).anyMatch(p -> p.contains("add up to 1"))
            .anyMatch(p -> p.contains("handlingSeconds.preSale")).anyMatch(p -> p.contains("not a time"))
            .anyMatch(p -> p.contains("capacity")).anyMatch(p -> p.contains("at least one language")));
  }
}
