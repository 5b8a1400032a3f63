package dev.unibox.shifts;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The minimal shift notion routing needs (issue 4), read from {@code config/shifts.yaml}: named shifts
 * in one time zone, the agents of each, and a standby pool that surge mode switches on. Issue 5 grows
 * this into rosters with dates and handover; routing only asks {@link #stateOf}.
 *
 * <p>An agent listed nowhere is "unrostered" and routable whenever online, so a team without a roster
 * (and the demo) keeps working.
 */
public record ShiftPlan(ZoneId zone, List<Shift> shifts, List<String> standby) {

  public static final String UNROSTERED = "unrostered";
  public static final String ON_SHIFT = "on_shift";
  public static final String OFF_SHIFT = "off_shift";
  public static final String STANDBY = "standby";
  public static final String STANDBY_ACTIVE = "standby_active";

  /** A daily shift from start (inclusive) to end (exclusive); end before start crosses midnight. */
  public record Shift(String name, LocalTime start, LocalTime end, String lead, List<String> agents) {
    public boolean covers(LocalTime t) {
      if (start.equals(end)) {
        return true;
      }
      if (start.isBefore(end)) {
        return !t.isBefore(start) && t.isBefore(end);
      }
      return !t.isBefore(start) || t.isBefore(end);
    }
  }

  public ShiftPlan {
    shifts = List.copyOf(shifts);
    standby = List.copyOf(standby);
  }

  public static ShiftPlan none() {
    return new ShiftPlan(ZoneId.of("UTC"), List.of(), List.of());
  }

  /** Everyone the plan names (shift agents, leads and standby). */
  public Set<String> rostered() {
    Set<String> out = new LinkedHashSet<>(standby);
    for (Shift s : shifts) {
      out.addAll(s.agents());
    }
    return out;
  }

  /** The shifts covering this instant (usually one). */
  public List<Shift> current(Instant at) {
    LocalTime t = at.atZone(zone).toLocalTime();
    return shifts.stream().filter(s -> s.covers(t)).toList();
  }

  /** Routing state of one agent at an instant; standby agents are active while surge is on. */
  public String stateOf(String username, Instant at, boolean surgeActive) {
    Set<String> onNow = new HashSet<>();
    current(at).forEach(s -> onNow.addAll(s.agents()));
    if (onNow.contains(username)) {
      return ON_SHIFT;
    }
    if (standby.contains(username)) {
      return surgeActive ? STANDBY_ACTIVE : STANDBY;
    }
    for (Shift s : shifts) {
      if (s.agents().contains(username)) {
        return OFF_SHIFT;
      }
    }
    return UNROSTERED;
  }
}
