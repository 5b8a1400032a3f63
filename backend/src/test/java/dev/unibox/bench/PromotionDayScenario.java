package dev.unibox.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.unibox.bench.PromotionDayWorkload.Kind;
import dev.unibox.config.UniboxConfig.SurgeConfig;
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
 * the team's shifts, the standby pool, the agents' reading and handling times and the surge settings. Every
 * field is checked on load; an error names the field ({@code team.shifts[1].end}) and what is wrong with it.
 */
record PromotionDayScenario(String file, String name, String summary, LocalDate date, ZoneId zone, long seed,
                            List<Shop> shops, double[] perMinuteByHour, List<Peak> peaks, Map<Kind, Double> mix,
                            Map<Kind, Double> peakMix, double returningShare, List<Shift> shifts,
                            List<AgentSpec> standby, Window quick, Times times, SurgeConfig surge) {

  record Shop(String accountId, String platform, String zone, double share, String[] languages, double[] weights) {}

  /**
   * Minutes of the day [start, end); the arrival rate is multiplied and the peak urgency mix applies. An end
   * before the start crosses midnight within the one simulated day: [start, 24:00) and [00:00, end).
   */
  record Peak(int startMinute, int endMinute, double multiplier) {
    boolean covers(int minuteOfDay) {
      return crossesMidnight() ? minuteOfDay >= startMinute || minuteOfDay < endMinute
          : minuteOfDay >= startMinute && minuteOfDay < endMinute;
    }

    boolean crossesMidnight() {
      return endMinute < startMinute;
    }
  }

  /** Seconds of the day [start, end): what {@code quick} keeps. */
  record Window(long startSecond, long endSecond) {}

  record AgentSpec(String[] languages, int capacity) {}

  record Shift(String name, LocalTime start, LocalTime end, List<AgentSpec> agents) {}

  /** A draw of {@code min + u × range} seconds. */
  record Draw(double min, double range) {}

  /**
   * The draws, and what the simulated agents add on top: per chat held beyond the first, reading takes
   * {@code readSlowdown} and handling {@code handleSlowdown} longer (shares of the drawn time), and a returning
   * buyer new to the agent costs {@code historyRead} seconds of reading their history first.
   */
  record Times(Draw read, Map<Kind, Draw> handle, double readSlowdown, double handleSlowdown, double historyRead) {
    double readFactor(int load) {
      return 1 + readSlowdown * (load - 1);
    }

    double handleFactor(int load) {
      return 1 + handleSlowdown * (load - 1);
    }
  }

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
   * hour after it (to 24:00 when the peak crosses midnight: the window is one stretch of the day, and the
   * evening end is where the queue builds); null when there is neither (quick then runs the whole day).
   */
  Window quickWindow() {
    if (quick != null) {
      return quick;
    }
    if (peaks.isEmpty()) {
      return null;
    }
    Peak p = peaks.get(0);
    int end = p.crossesMidnight() ? 24 * 60 : Math.min(24 * 60, p.endMinute() + 60);
    return new Window(Math.max(0, p.startMinute() - 180) * 60L, end * 60L);
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
