package dev.unibox.reports;

/**
 * The one SQL rule that puts a report hour into a shift of the roster in force (table {@code shifts}, the
 * roster the shifts package keeps): the first shift, in roster order, whose daily window [start, end) in its
 * own zone holds the hour's first instant; an end before the start crosses midnight, start = end is all day.
 * No shift: the group with the empty key ("outside shifts"). The same rule as {@code Roster.Shift.covers}.
 */
final class ShiftOfHour {

  private ShiftOfHour() {}

  /** A LEFT JOIN LATERAL giving {@code alias.name} and {@code alias.position} for the instant expression. */
  static String join(String instant, String alias) {
    return " " + """
        LEFT JOIN LATERAL (
          SELECT s.name, s.position FROM shifts s,
                 LATERAL (SELECT ((%1$s) AT TIME ZONE s.zone)::time AS t) x
          WHERE CASE WHEN s.start_time = s.end_time THEN true
                     WHEN s.start_time < s.end_time THEN x.t >= s.start_time AND x.t < s.end_time
                     ELSE x.t >= s.start_time OR x.t < s.end_time END
          ORDER BY s.position, s.name LIMIT 1) %2$s ON true
        """.formatted(instant, alias);
  }

  /** The first instant of a report_hourly row's hour: its shop-local day and hour in the shop's zone. */
  static final String HOURLY_ROW_START = "(d.day + make_interval(hours => d.hour::int)) AT TIME ZONE a.time_zone";
}
