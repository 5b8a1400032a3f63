package dev.unibox.shifts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Three shifts in the shop's zone (one crossing midnight), a standby pool and unrostered agents. */
class ShiftPlanTest {

  private final ShiftPlan plan = new ShiftPlan(ZoneId.of("Asia/Kuala_Lumpur"), List.of(
      new ShiftPlan.Shift("morning", LocalTime.of(7, 0), LocalTime.of(15, 0), "lead1", List.of("mei")),
      new ShiftPlan.Shift("noon", LocalTime.of(15, 0), LocalTime.of(23, 0), "lead2", List.of("arif")),
      new ShiftPlan.Shift("evening", LocalTime.of(23, 0), LocalTime.of(7, 0), "lead3", List.of("somchai"))),
      List.of("backup"));

  private static Instant myt(String localDateTime) {
    return java.time.LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Asia/Kuala_Lumpur")).toInstant();
  }

  @Test
  void agentsAreOnShiftOnlyDuringTheirShiftInTheShiftZone() {
    assertThat(plan.stateOf("mei", myt("2026-11-11T07:00"), false)).isEqualTo(ShiftPlan.ON_SHIFT);
    assertThat(plan.stateOf("mei", myt("2026-11-11T15:00"), false)).isEqualTo(ShiftPlan.OFF_SHIFT);
    assertThat(plan.stateOf("arif", myt("2026-11-11T15:00"), false)).isEqualTo(ShiftPlan.ON_SHIFT);
    assertThat(plan.stateOf("somchai", myt("2026-11-11T23:30"), false)).isEqualTo(ShiftPlan.ON_SHIFT);
    assertThat(plan.stateOf("somchai", myt("2026-11-12T06:59"), false)).isEqualTo(ShiftPlan.ON_SHIFT);
    assertThat(plan.stateOf("somchai", myt("2026-11-12T07:00"), false)).isEqualTo(ShiftPlan.OFF_SHIFT);
    assertThat(plan.current(myt("2026-11-11T12:00"))).extracting(ShiftPlan.Shift::name).containsExactly("morning");
  }

  @Test
  void standbyFollowsSurgeAndUnlistedAgentsAreUnrostered() {
    assertThat(plan.stateOf("backup", myt("2026-11-11T12:00"), false)).isEqualTo(ShiftPlan.STANDBY);
    assertThat(plan.stateOf("backup", myt("2026-11-11T12:00"), true)).isEqualTo(ShiftPlan.STANDBY_ACTIVE);
    assertThat(plan.stateOf("walk-in", myt("2026-11-11T12:00"), true)).isEqualTo(ShiftPlan.UNROSTERED);
    assertThat(plan.rostered()).containsExactlyInAnyOrder("mei", "arif", "somchai", "backup");
  }
}
