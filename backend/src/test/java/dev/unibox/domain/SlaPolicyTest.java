package dev.unibox.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Targets per class, platform and shop; the warning threshold; the platforms' own windows. Fixed instants only. */
class SlaPolicyTest {

  private static final Instant T0 = Instant.parse("2026-11-11T04:00:00Z");
  private final SlaPolicy policy = new SlaPolicy(new SlaPolicy.Targets(Duration.ofSeconds(60), Duration.ofSeconds(120)),
      Map.of("pinduoduo", new SlaPolicy.Targets(Duration.ofSeconds(45), Duration.ofSeconds(90))),
      Map.of("shopee-tw-01", new SlaPolicy.Targets(Duration.ofSeconds(30), Duration.ofSeconds(100))), 75,
      SlaPolicy.DEFAULT_PLATFORM_RULES);

  @Test
  void urgentAndCriticalGetTheUrgentTargetRegularTheRegularOne() {
    assertThat(policy.dueAt("shopee", "shopee-my-01", Priority.URGENT, T0)).isEqualTo(T0.plusSeconds(60));
    assertThat(policy.dueAt("shopee", "shopee-my-01", Priority.CRITICAL, T0)).isEqualTo(T0.plusSeconds(60));
    assertThat(policy.dueAt("shopee", "shopee-my-01", Priority.NORMAL, T0)).isEqualTo(T0.plusSeconds(120));
  }

  @Test
  void shopOverridesWinOverPlatformOverridesWhichWinOverDefaults() {
    assertThat(policy.target("pinduoduo", "pdd-1", Priority.URGENT)).isEqualTo(Duration.ofSeconds(45));
    assertThat(policy.target("shopee", "shopee-tw-01", Priority.NORMAL)).isEqualTo(Duration.ofSeconds(100));
    assertThat(policy.target("lazada", "lazada-1", Priority.NORMAL)).isEqualTo(Duration.ofSeconds(120));
  }

  @Test
  void warningFiresAtTheConfiguredShareOfTheTarget() {
    assertThat(policy.warnAt(T0, T0.plusSeconds(60))).isEqualTo(T0.plusSeconds(45));
    assertThat(policy.warnAt(T0, T0.plusSeconds(120))).isEqualTo(T0.plusSeconds(90));
  }

  @Test
  void pinduoduoCountsOnlyMessagesBetweenEightAndElevenPmShopTime() {
    ZoneId shanghai = ZoneId.of("Asia/Shanghai");
    Instant before = Instant.parse("2026-11-11T07:59:59+08:00".replace("+08:00", "Z")).minusSeconds(8 * 3600);
    Instant eight = Instant.parse("2026-11-11T00:00:00Z");           // 08:00 in Shanghai
    Instant late = Instant.parse("2026-11-11T14:59:59Z");            // 22:59:59
    Instant eleven = Instant.parse("2026-11-11T15:00:00Z");          // 23:00
    assertThat(policy.platformDeadline("pinduoduo", shanghai, before)).isNull();
    assertThat(policy.platformDeadline("pinduoduo", shanghai, eight))
        .isEqualTo(new SlaPolicy.PlatformDeadline("pinduoduo-5min", eight.plusSeconds(300)));
    assertThat(policy.platformDeadline("pinduoduo", shanghai, late)).isNotNull();
    assertThat(policy.platformDeadline("pinduoduo", shanghai, eleven)).isNull();
    // the same instant is inside the window for a shop in another zone
    assertThat(policy.platformDeadline("pinduoduo", ZoneId.of("Asia/Bangkok"), eleven)).isNotNull();
  }

  @Test
  void shopeeTwelveHourRateIsNotMetByAutoReplies() {
    assertThat(policy.platformDeadline("shopee", ZoneId.of("Asia/Kuala_Lumpur"), T0))
        .isEqualTo(new SlaPolicy.PlatformDeadline("shopee-12h", T0.plus(Duration.ofHours(12))));
    assertThat(policy.stopsPlatformClock("shopee", SlaPolicy.AUTO_REPLY)).isFalse();
    assertThat(policy.stopsPlatformClock("shopee", "text")).isTrue();
    assertThat(policy.platformDeadline("lazada", ZoneId.of("UTC"), T0)).isNull();
  }

  @Test
  void priorityRisesOneClassAtATime() {
    assertThat(Priority.NORMAL.raised()).isEqualTo(Priority.URGENT);
    assertThat(Priority.URGENT.raised()).isEqualTo(Priority.CRITICAL);
    assertThat(Priority.CRITICAL.raised()).isEqualTo(Priority.CRITICAL);
    assertThat(Priority.ofWire("critical")).isEqualTo(Priority.CRITICAL);
    assertThat(Priority.ofWire("nope")).isNull();
  }
}
