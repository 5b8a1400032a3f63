package dev.unibox.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/** Hours [start, end) of a planned day during which surge is to be on; end 24 is the day's end. */
record SurgeWindow(int startHour, int endHour) {

  /** The hours that lack standby agents, contiguous ones merged. */
  static List<SurgeWindow> of(List<Coverage> hours) {
    List<SurgeWindow> out = new ArrayList<>();
    Integer start = null;
    for (int h = 0; h <= 24; h++) {
      boolean lacking = h < 24 && hours.get(h).standbyNeeded() > 0;
      if (lacking && start == null) {
        start = h;
      } else if (!lacking && start != null) {
        out.add(new SurgeWindow(start, h));
        start = null;
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
