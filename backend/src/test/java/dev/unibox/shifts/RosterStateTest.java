package dev.unibox.shifts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Three shifts in the shop's zone (one crossing midnight), a standby pool and unrostered agents. */
class RosterStateTest {

  private static final ZoneId KL = ZoneId.of("Asia/Kuala_Lumpur");

  private final Roster plan = new Roster(KL, List.of(
      new Roster.Shift("morning", LocalTime.of(7, 0), LocalTime.of(15, 0), KL, "lead1", List.of("mei")),
      new Roster.Shift("noon", LocalTime.of(15, 0), LocalTime.of(23, 0), KL, "lead2", List.of("arif")),
      new Roster.Shift("evening", LocalTime.of(23, 0), LocalTime.of(7, 0), KL, "lead3", List.of("somchai"))),
      List.of("backup"));

  private static Instant myt(String localDateTime) {
    return java.time.LocalDateTime.parse(localDateTime).atZone(KL).toInstant();
  }

  @Test
  void agentsAreOnShiftOnlyDuringTheirShiftInTheShiftZone() {
    assertThat(plan.stateOf("mei", myt("2026-11-11T07:00"), false, Set.of())).isEqualTo(Roster.ON_SHIFT);
    assertThat(plan.stateOf("mei", myt("2026-11-11T15:00"), false, Set.of())).isEqualTo(Roster.OFF_SHIFT);
    assertThat(plan.stateOf("arif", myt("2026-11-11T15:00"), false, Set.of())).isEqualTo(Roster.ON_SHIFT);
    assertThat(plan.stateOf("somchai", myt("2026-11-11T23:30"), false, Set.of())).isEqualTo(Roster.ON_SHIFT);
    assertThat(plan.stateOf("somchai", myt("2026-11-12T06:59"), false, Set.of())).isEqualTo(Roster.ON_SHIFT);
    assertThat(plan.stateOf("somchai", myt("2026-11-12T07:00"), false, Set.of())).isEqualTo(Roster.OFF_SHIFT);
    assertThat(plan.current(myt("2026-11-11T12:00"))).extracting(Roster.Shift::name).containsExactly("morning");
  }

  @Test
  void standbyFollowsSurgeOrAPlannedCallAndUnlistedAgentsAreUnrostered() {
    assertThat(plan.stateOf("backup", myt("2026-11-11T12:00"), false, Set.of())).isEqualTo(Roster.STANDBY);
    assertThat(plan.stateOf("backup", myt("2026-11-11T12:00"), true, Set.of())).isEqualTo(Roster.STANDBY_ACTIVE);
    assertThat(plan.stateOf("backup", myt("2026-11-11T12:00"), false, Set.of("backup"))).isEqualTo(Roster.STANDBY_ACTIVE);
    // a call makes only standby agents routable: one on or off shift keeps their shift's state
    assertThat(plan.stateOf("mei", myt("2026-11-11T16:00"), false, Set.of("mei"))).isEqualTo(Roster.OFF_SHIFT);
    assertThat(plan.stateOf("walk-in", myt("2026-11-11T12:00"), false, Set.of("walk-in"))).isEqualTo(Roster.UNROSTERED);
    assertThat(plan.stateOf("walk-in", myt("2026-11-11T12:00"), true, Set.of())).isEqualTo(Roster.UNROSTERED);
    assertThat(plan.rostered()).containsExactlyInAnyOrder("mei", "arif", "somchai", "backup");
  }
}
