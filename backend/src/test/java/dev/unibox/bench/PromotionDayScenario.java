package dev.unibox.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.unibox.bench.PromotionDayWorkload.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * A simulated day read from a scenario file (YAML, under {@code scenarios/}): the date and shop time zone, the
 * seed, the shops and their languages, the arrival curve with its peaks, the urgency mix, returning buyers,
 * the team's shifts, the standby pool and the agents' reading and handling times. Every field is checked on
 * load; an error names the field ({@code team.shifts[1].end}) and what is wrong with it.
 */
record PromotionDayScenario(String file, String name, String summary, LocalDate date, ZoneId zone, long seed,
                            List<Shop> shops, double[] perMinuteByHour, List<Peak> peaks, Map<Kind, Double> mix,
                            Map<Kind, Double> peakMix, double returningShare, List<Shift> shifts,
                            List<AgentSpec> standby, Window quick, Times times) {

  record Shop(String accountId, String platform, String zone, double share, String[] languages, double[] weights) {}

  /** Minutes of the day [start, end); the arrival rate is multiplied and the peak urgency mix applies. */
  record Peak(int startMinute, int endMinute, double multiplier) {
    boolean covers(int minuteOfDay) {
      return minuteOfDay >= startMinute && minuteOfDay < endMinute;
    }
  }

  /** Seconds of the day [start, end): what {@code quick} keeps. */
  record Window(long startSecond, long endSecond) {}

  record AgentSpec(String[] languages, int capacity) {}

  record Shift(String name, LocalTime start, LocalTime end, List<AgentSpec> agents) {}

  /** A draw of {@code min + u × range} seconds. */
  record Draw(double min, double range) {}

  record Times(Draw read, Map<Kind, Draw> handle) {}

  /** The scenario shipped as the promotion day; only it writes docs/benchmarks.md. */
  static final String DEFAULT = "scenarios/promotion-day.yaml";

  Instant start() {
    return date.atStartOfDay(zone).toInstant();
  }

  /** Whether second {@code s} of the day falls in a peak. */
  boolean inPeak(long s) {
    LocalTime t = start().plusSeconds(s).atZone(zone).toLocalTime();
    int minute = t.getHour() * 60 + t.getMinute();
    return peaks.stream().anyMatch(p -> p.covers(minute));
  }

  /** The peaks as {@code 20:00-22:00}, comma-separated. */
  String peakHours() {
    return String.join(", ", peaks.stream().map(p -> hhmm(p.startMinute()) + "-" + hhmm(p.endMinute())).toList());
  }

  static String hhmm(long minute) {
    return "%02d:%02d".formatted(minute / 60, minute % 60);
  }

  /**
   * What {@code quick} keeps: the file's {@code quick:} window, else three hours before the first peak to one
   * hour after it; null when there is neither (quick then runs the whole day).
   */
  Window quickWindow() {
    if (quick != null) {
      return quick;
    }
    if (peaks.isEmpty()) {
      return null;
    }
    Peak p = peaks.get(0);
    return new Window(Math.max(0, p.startMinute() - 180) * 60L, Math.min(24 * 60, p.endMinute() + 60) * 60L);
  }

  static PromotionDayScenario load(Path path, String shownAs) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(path));
    } catch (IOException e) {
      throw new IllegalArgumentException(shownAs + ": cannot read: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(shownAs + ": expected a mapping at the top level");
    }
    return new ScenarioReader(shownAs).scenario(root);
  }
}
