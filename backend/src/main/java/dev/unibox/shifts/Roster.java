package dev.unibox.shifts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Shifts and the standby pool, in the format of {@code config/shifts.yaml} (the same keys the routing
 * engine reads: zone, shifts[name, start, end, lead, agents], standby) plus a time zone per shift.
 * Plain Java: no I/O. A shift runs daily from start (inclusive) to end (exclusive) in its own zone;
 * an end before its start crosses midnight; start = end means all day.
 */
public record Roster(ZoneId zone, List<Shift> shifts, List<String> standby) {

  public static final String UNROSTERED = "unrostered";
  public static final String ON_SHIFT = "on_shift";
  public static final String OFF_SHIFT = "off_shift";
  public static final String STANDBY = "standby";
  public static final String STANDBY_ACTIVE = "standby_active";

  public record Shift(String name, LocalTime start, LocalTime end, ZoneId zone, String lead, List<String> agents) {
    public Shift {
      agents = List.copyOf(agents);
      lead = lead == null ? "" : lead;
    }

    public boolean covers(Instant at) {
      LocalTime t = at.atZone(zone).toLocalTime();
      if (start.equals(end)) {
        return true;
      }
      if (start.isBefore(end)) {
        return !t.isBefore(start) && t.isBefore(end);
      }
      return !t.isBefore(start) || t.isBefore(end);
    }

    /** The instants this shift ends in (from, to], oldest first. */
    public List<Instant> endsBetween(Instant from, Instant to) {
      List<Instant> out = new ArrayList<>();
      if (start.equals(end) || !to.isAfter(from)) {
        return out;
      }
      LocalDate first = from.atZone(zone).toLocalDate().minusDays(1);
      LocalDate last = to.atZone(zone).toLocalDate().plusDays(1);
      for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
        Instant end = ZonedDateTime.of(d, this.end, zone).toInstant();
        if (end.isAfter(from) && !end.isAfter(to)) {
          out.add(end);
        }
      }
      out.sort(Comparator.naturalOrder());
      return out;
    }
  }

  public Roster {
    shifts = List.copyOf(shifts);
    standby = List.copyOf(standby);
  }

  public static Roster empty() {
    return new Roster(ZoneId.of("UTC"), List.of(), List.of());
  }

  /** Everyone the roster names as an agent (shift agents and standby; leads count when listed). */
  public Set<String> rostered() {
    Set<String> out = new LinkedHashSet<>(standby);
    shifts.forEach(s -> out.addAll(s.agents()));
    return out;
  }

  public List<Shift> current(Instant at) {
    return shifts.stream().filter(s -> s.covers(at)).toList();
  }

  public boolean onShift(String username, Instant at) {
    return current(at).stream().anyMatch(s -> s.agents().contains(username));
  }

  /** The shift names an agent works in (usually one). */
  public List<String> shiftsOf(String username) {
    return shifts.stream().filter(s -> s.agents().contains(username)).map(Shift::name).toList();
  }

  /**
   * Routing state of one agent; standby agents are active while surge mode is on, or while a planned surge window
   * calls them ({@code called}).
   */
  public String stateOf(String username, Instant at, boolean surgeActive, Set<String> called) {
    if (onShift(username, at)) {
      return ON_SHIFT;
    }
    if (standby.contains(username)) {
      return surgeActive || called.contains(username) ? STANDBY_ACTIVE : STANDBY;
    }
    return shifts.stream().anyMatch(s -> s.agents().contains(username)) ? OFF_SHIFT : UNROSTERED;
  }

  /** May the router give this agent new conversations now? */
  public static boolean routable(String state) {
    return UNROSTERED.equals(state) || ON_SHIFT.equals(state) || STANDBY_ACTIVE.equals(state);
  }

  public Shift shift(String name) {
    return shifts.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
  }
}
