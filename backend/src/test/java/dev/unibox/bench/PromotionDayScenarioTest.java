package dev.unibox.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromotionDayScenarioTest {

  private static PromotionDayScenario shipped(String name) {
    return PromotionDayScenario.load(BenchmarkDoc.root().resolve("scenarios/" + name), "scenarios/" + name);
  }

  @Test
  void thePromotionDayFileGivesTheHardCodedArrivals() {
    PromotionDayScenario day = shipped("promotion-day.yaml");
    List<PromotionDayWorkload.Arrival> fromFile = PromotionDayWorkload.arrivals(day, 24 * 3600, day.seed());
    List<LegacyWorkload.Arrival> legacy = LegacyWorkload.arrivals(24 * 3600, 1111);
    assertThat(day.start()).isEqualTo(LegacyWorkload.DAY);
    assertThat(fromFile).hasSize(legacy.size());
    for (int i = 0; i < legacy.size(); i++) {
      LegacyWorkload.Arrival a = legacy.get(i);
      PromotionDayWorkload.Arrival b = fromFile.get(i);
      assertThat(List.of(b.second(), b.shop().accountId(), b.shop().platform(), b.shop().zone(), b.language(),
          b.kind().name(), b.text(), b.buyer(), b.returning(), b.readSeconds(), b.handleSeconds()))
          .as("arrival %d", i)
          .isEqualTo(List.of(a.second(), a.shop().accountId(), a.shop().platform(), a.shop().zone(), a.language(),
              a.kind().name(), a.text(), a.buyer(), a.returning(), a.readSeconds(), a.handleSeconds()));
    }
    LegacyTeam old = LegacyTeam.hire();
    PromotionDayTeam team = PromotionDayTeam.hire(day);
    assertThat(team.plan()).isEqualTo(old.plan());
    assertThat(team.agents().stream().map(a -> a.username() + "=" + String.join(",", a.languages()) + "/" + a.capacity())
        .toList()).isEqualTo(old.agents().stream().map(a -> a.username() + "=" + String.join(",", a.languages()) + "/"
        + LegacyTeam.CAPACITY).toList());
  }
}
