package dev.unibox.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Hours [start, end) of a planned day during which the named standby agents are called (routable); end 24 is the
 * day's end.
 */
public record SurgeWindow(int startHour, int endHour, List<String> agents) {

  public SurgeWindow {
    agents = List.copyOf(agents);
  }

  /** The hours that call someone ({@link StandbyCalls}), consecutive hours calling the same agents merged. */
  static List<SurgeWindow> of(List<List<String>> callsPerHour) {
    List<SurgeWindow> out = new ArrayList<>();
    int start = 0;
    for (int h = 1; h <= callsPerHour.size(); h++) {
      List<String> calls = callsPerHour.get(start);
      if (h == callsPerHour.size() || !callsPerHour.get(h).equals(calls)) {
        if (!calls.isEmpty()) {
          out.add(new SurgeWindow(start, h, calls));
        }
        start = h;
      }
    }
    return out;
  }

  Instant start(LocalDate date, ZoneId zone) {
    return at(date, startHour, zone);
  }

  Instant end(LocalDate date, ZoneId zone) {
    return at(date, endHour, zone);
  }

  private static Instant at(LocalDate date, int hour, ZoneId zone) {
    return hour == 24 ? date.plusDays(1).atStartOfDay(zone).toInstant()
        : ZonedDateTime.of(date, LocalTime.of(hour, 0), zone).toInstant();
  }

  /** HH:MM of an instant on the planned day; the next day's midnight is 24:00. */
  static String clock(Instant at, LocalDate date, ZoneId zone) {
    ZonedDateTime local = at.atZone(zone);
    if (local.toLocalDate().isAfter(date) && local.toLocalTime().equals(LocalTime.MIDNIGHT)) {
      return "24:00";
    }
    return local.toLocalTime().toString().substring(0, 5);
  }
}
