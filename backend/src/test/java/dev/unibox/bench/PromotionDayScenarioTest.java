package dev.unibox.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromotionDayScenarioTest {

  private static final List<String> SHIPPED = List.of("promotion-day.yaml", "normal-weekday.yaml",
      "flash-sale-2000.yaml", "night-without-thai.yaml");

  @TempDir
  Path dir;

  private static PromotionDayScenario shipped(String name) {
    return PromotionDayScenario.load(BenchmarkDoc.root().resolve("scenarios/" + name), "scenarios/" + name);
  }

  /**
   * The file replaced hard-coded constants; before they were deleted, a test compared every arrival and the team
   * with them. These are the figures and the digest of that day (seed 1111), so any drift shows.
   */
  @Test
  void thePromotionDayFileStillGivesTheDayItReplaced() throws Exception {
    PromotionDayScenario day = shipped("promotion-day.yaml");
    List<PromotionDayWorkload.Arrival> arrivals = PromotionDayWorkload.arrivals(day, 24 * 3600, day.seed());
    assertThat(arrivals).hasSize(10_099);
    assertThat(arrivals.stream().filter(a -> day.inPeak(a.second())).count()).isEqualTo(6_062);
    assertThat(arrivals.stream().filter(a -> a.second() >= day.quickWindow().startSecond()
        && a.second() < day.quickWindow().endSecond()).count()).isEqualTo(7_090);
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    for (PromotionDayWorkload.Arrival a : arrivals) {
      sha.update(String.join("|", String.valueOf(a.second()), a.shop().accountId(), a.language(), a.kind().name(),
          a.text(), a.buyer(), String.valueOf(a.returning()), String.valueOf(a.readSeconds()),
          String.valueOf(a.handleSeconds())).getBytes(StandardCharsets.UTF_8));
    }
    assertThat(HexFormat.of().formatHex(sha.digest())).isEqualTo("9c8c6a87e792768bfd688fe203e5a6456427588cf95747d6b7e2609eca2ddd3b");
    PromotionDayTeam team = PromotionDayTeam.hire(day);
    assertThat(team.onShift()).isEqualTo(19);
    assertThat(team.plan().standby()).hasSize(45);
    assertThat(team.agents().get(16).languages()).containsExactly("zh", "zh-Hant", "en");
    assertThat(team.agents().get(19).languages()).containsExactly("zh");
  }

  @Test
  void everyShippedScenarioLoadsAndDrawsItsDay() {
    for (String name : SHIPPED) {
      PromotionDayScenario day = shipped(name);
      assertThat(PromotionDayWorkload.arrivals(day, 24 * 3600, day.seed())).as(name).isNotEmpty();
      assertThat(day.quickWindow()).as(name).isNotNull();
      assertThat(PromotionDayTeam.hire(day).agents()).as(name).isNotEmpty();
    }
    assertThat(PromotionDayTeam.hire(shipped("night-without-thai.yaml")).agents().stream()
        .filter(a -> a.username().startsWith("evening") || a.username().startsWith("standby"))
        .flatMap(a -> List.of(a.languages()).stream())).doesNotContain("th");
  }

  @Test
  void aBadFieldIsNamedInTheError() throws Exception {
    String good = Files.readString(BenchmarkDoc.root().resolve("scenarios/promotion-day.yaml"));
    assertThat(error(good.replace("share: 0.40", "share: 0.45"))).contains("shops[*].share")
        .contains("add up to 1");
    assertThat(error(good.replace("end: \"22:00\"", "end: \"19:00\""))).contains("arrivals.peaks[0].end");
    assertThat(error(good.replace("start: \"15:00\"", "start: \"3pm\""))).contains("team.shifts[1].start")
        .contains("HH:MM");
    assertThat(error(good.replace("zone: Asia/Taipei", "zone: Asia/Taipeh"))).contains("shops[1].zone")
        .contains("Asia/Taipeh");
    assertThat(error(good.replace("    in_sale: {min: 120, range: 160}\n", ""))).contains("times.handle.in_sale: missing");
    assertThat(error(good.replace("after_sale_other: 0.03", "after_sale_othr: 0.03")))
        .contains("urgency_mix.normal.after_sale_other: missing");
    assertThat(error(good.replace("capacity: 5", "capacity: 0"))).contains("team.capacity");
  }

  private String error(String yaml) throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, yaml);
    assertThatThrownBy(() -> PromotionDayScenario.load(file, "bad.yaml")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("bad.yaml: ");
    try {
      PromotionDayScenario.load(file, "bad.yaml");
      return "";
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }
}
