package dev.unibox.quality.rules;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * When a shop's team answers, in the shop's time zone: days ("mon-fri,sun", "mon-sun", "none") and an
 * opening and closing time. A closing time at or before the opening time spans midnight.
 */
public record BusinessHours(Set<DayOfWeek> days, LocalTime open, LocalTime close) {

  public static final BusinessHours ALWAYS = new BusinessHours(EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT,
      LocalTime.MIDNIGHT);

  private static final List<String> NAMES = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

  public boolean isOpen(ZonedDateTime at) {
    if (open.equals(close)) {
      return days.contains(at.getDayOfWeek());
    }
    LocalTime t = at.toLocalTime();
    if (open.isBefore(close)) {
      return days.contains(at.getDayOfWeek()) && !t.isBefore(open) && t.isBefore(close);
    }
    // spans midnight: the early hours belong to the previous day's opening
    return (days.contains(at.getDayOfWeek()) && !t.isBefore(open))
        || (days.contains(at.getDayOfWeek().minus(1)) && t.isBefore(close));
  }

  /** "mon-fri" → Monday..Friday; "none" → no day; null when not understood. */
  public static Set<DayOfWeek> parseDays(String spec) {
    String s = spec == null ? "" : spec.trim().toLowerCase(Locale.ROOT);
    if (s.isEmpty()) {
      return null;
    }
    Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
    if ("none".equals(s)) {
      return out;
    }
    for (String part : s.split(",")) {
      String[] range = part.trim().split("-");
      if (range.length == 0 || range.length > 2) {
        return null;
      }
      int from = NAMES.indexOf(range[0].trim());
      int to = range.length == 2 ? NAMES.indexOf(range[1].trim()) : from;
      if (from < 0 || to < 0) {
        return null;
      }
      for (int i = from; ; i = (i + 1) % 7) {
        out.add(DayOfWeek.of(i + 1));
        if (i == to) {
          break;
        }
      }
    }
    return out;
  }

  /** e.g. "mon-sun 09:00-23:00", for the off-hours text's {hours}. */
  public String describe() {
    if (days.isEmpty()) {
      return "closed";
    }
    StringBuilder d = new StringBuilder();
    for (int i = 0; i < 7; i++) {
      if (!days.contains(DayOfWeek.of(i + 1)) || (i > 0 && days.contains(DayOfWeek.of(i)))) {
        continue;
      }
      int j = i;
      while (j + 1 < 7 && days.contains(DayOfWeek.of(j + 2))) {
        j++;
      }
      if (d.length() > 0) {
        d.append(',');
      }
      d.append(NAMES.get(i));
      if (j > i) {
        d.append('-').append(NAMES.get(j));
      }
    }
    return d + " " + open + "-" + close;
  }
}
