package dev.unibox.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The projection's window and arithmetic, computed by hand. */
class ProjectionTest {

  private static final ZoneId SH = ZoneId.of("Asia/Shanghai");

  @Test
  void pinduoduosWindowIsEightToElevenShopTime() {
    assertThat(Projection.window(PlatformRule.PINDUODUO, SH, Instant.parse("2026-11-10T23:59:00Z")))
        .as("07:59 in Shanghai").isNull();
    assertThat(Projection.window(PlatformRule.PINDUODUO, SH, Instant.parse("2026-11-11T15:00:00Z")))
        .as("23:00 in Shanghai").isNull();
    Projection.Window w = Projection.window(PlatformRule.PINDUODUO, SH, Instant.parse("2026-11-11T02:00:00Z"));
    assertThat(w.day()).hasToString("2026-11-11");
    assertThat(w.start()).isEqualTo(Instant.parse("2026-11-11T00:00:00Z"));
    assertThat(w.end()).isEqualTo(Instant.parse("2026-11-11T15:00:00Z"));
    Projection.Window allDay = Projection.window(PlatformRule.SHOPEE, SH, Instant.parse("2026-11-10T16:30:00Z"));
    assertThat(allDay.start()).isEqualTo(Instant.parse("2026-11-10T16:00:00Z"));
    assertThat(allDay.end()).isEqualTo(Instant.parse("2026-11-11T16:00:00Z"));
  }

  /**
   * Pinduoduo at 10:00 (two hours into a 15-hour window): 8 met and 2 missed long ago, 1 met and 1 missed in
   * the last hour, 2 still pending. 14 waits in 2 h is 7 an hour, so 91 more are expected in the 13 hours
   * left. Recent rate 1/2: projected (9 + 0.5 × (2 + 91)) / (12 + 93) = 55.5 / 105.
   */
  @Test
  void projectsTheRecentRateOverPendingAndExpectedWaits() {
    Instant now = Instant.parse("2026-11-11T02:00:00Z");
    List<Projection.CountedWait> waits = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Instant start = Instant.parse("2026-11-11T00:10:00Z").plusSeconds(i * 60);
      waits.add(new Projection.CountedWait(i, "b" + i, start, start.plusSeconds(60), true));
    }
    for (int i = 8; i < 10; i++) {
      Instant start = Instant.parse("2026-11-11T00:20:00Z").plusSeconds(i * 60);
      waits.add(new Projection.CountedWait(i, "b" + i, start, start.plusSeconds(900), false));
    }
    waits.add(new Projection.CountedWait(10, "b10", Instant.parse("2026-11-11T01:30:00Z"),
        Instant.parse("2026-11-11T01:31:00Z"), true));
    waits.add(new Projection.CountedWait(11, "b11", Instant.parse("2026-11-11T01:40:00Z"), null, false));
    waits.add(new Projection.CountedWait(12, "late", Instant.parse("2026-11-11T01:58:00Z"), null, false));
    waits.add(new Projection.CountedWait(13, "soon", Instant.parse("2026-11-11T01:56:00Z"), null, false));

    Projection p = Projection.of("pdd", PlatformRule.PINDUODUO, 0.8,
        Projection.window(PlatformRule.PINDUODUO, SH, now), waits, now);

    assertThat(p.met()).isEqualTo(9);
    assertThat(p.missed()).isEqualTo(3);
    assertThat(p.pending()).isEqualTo(2);
    assertThat(p.current()).isCloseTo(9.0 / 12, within(1e-9));
    assertThat(p.projected()).isCloseTo(55.5 / 105, within(1e-9));
    assertThat(p.below()).isTrue();
    assertThat(p.savers()).extracting(Projection.Saver::buyerName).containsExactly("soon", "late");
    assertThat(p.savers().get(0).deadline()).isEqualTo(Instant.parse("2026-11-11T02:01:00Z"));
  }

  @Test
  void tooFewDecidedWaitsNeverAlertAndAnOwnLineIsHonoured() {
    Instant now = Instant.parse("2026-11-11T02:00:00Z");
    Projection.Window w = Projection.window(PlatformRule.PINDUODUO, SH, now);
    List<Projection.CountedWait> fewMissed = new ArrayList<>();
    for (int i = 0; i < Projection.MIN_DECIDED - 1; i++) {
      fewMissed.add(new Projection.CountedWait(i, "b", Instant.parse("2026-11-11T01:00:00Z"), null, false));
    }
    Projection few = Projection.of("pdd", PlatformRule.PINDUODUO, 0.8, w, fewMissed, now);
    assertThat(few.projected()).isZero();
    assertThat(few.below()).isFalse();

    List<Projection.CountedWait> mostlyMet = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      Instant start = Instant.parse("2026-11-11T01:10:00Z").plusSeconds(i * 60);
      mostlyMet.add(new Projection.CountedWait(i, "b", start, start.plusSeconds(30), i != 0));
    }
    assertThat(Projection.of("pdd", PlatformRule.PINDUODUO, 0.8, w, mostlyMet, now).below()).isFalse();
    assertThat(Projection.of("pdd", PlatformRule.PINDUODUO, 0.95, w, mostlyMet, now).below())
        .as("0.9 is below a line of 0.95").isTrue();
  }
}
