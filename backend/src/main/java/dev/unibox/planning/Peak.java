package dev.unibox.planning;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A peak in the planned day, {@code HH:MM-HH:MMxN}: the forecast of those minutes times N. An hour the peak covers
 * in part is scaled in proportion (20:30-22:00x3 doubles hour 20); an end before the start runs past midnight into
 * the day's first hours, and 24:00 is the day's end.
 */
public record Peak(int startMinute, int endMinute, double factor) {

  public static final double MAX_FACTOR = 100;
  private static final Pattern FORMAT = Pattern.compile("(\\d{2}):(\\d{2})-(\\d{2}):(\\d{2})[xX](\\d+(?:\\.\\d+)?)");

  public Peak {
    if (startMinute < 0 || startMinute >= 1440 || endMinute < 0 || endMinute > 1440 || startMinute == endMinute) {
      throw new IllegalArgumentException("a peak is a non-empty range of the day");
    }
    if (!(factor > 0 && factor <= MAX_FACTOR)) {
      throw new IllegalArgumentException("a peak's factor is above 0 and at most " + MAX_FACTOR);
    }
  }

  public static Peak parse(String text) {
    Matcher m = FORMAT.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("not HH:MM-HH:MMxN: " + text);
    }
    return new Peak(minute(m.group(1), m.group(2)), minute(m.group(3), m.group(4)), Double.parseDouble(m.group(5)));
  }

  private static int minute(String hours, String minutes) {
    int h = Integer.parseInt(hours);
    int m = Integer.parseInt(minutes);
    if (m > 59 || h > 24 || (h == 24 && m > 0)) {
      throw new IllegalArgumentException("no such time of day: " + hours + ":" + minutes);
    }
    return h * 60 + m;
  }

  /** What the forecast of this hour of the day is multiplied by. */
  public double factorOf(int hour) {
    int covered = endMinute > startMinute ? overlap(hour, startMinute, endMinute)
        : overlap(hour, startMinute, 1440) + overlap(hour, 0, endMinute);
    return 1 + (factor - 1) * covered / 60.0;
  }

  private static int overlap(int hour, int from, int to) {
    return Math.max(0, Math.min(to, hour * 60 + 60) - Math.max(from, hour * 60));
  }
}
