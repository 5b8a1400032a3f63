package dev.unibox.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;

/**
 * Rejected pushes are logged, but at most {@code perWindow} lines a minute: a flood of forged pushes must
 * not fill the disk or bury the log. The first line after a quiet window says how many were left out.
 */
final class RejectionLog {

  private static final Duration WINDOW = Duration.ofMinutes(1);

  private final Logger log;
  private final Clock clock;
  private final int perWindow;
  private Instant windowStart = Instant.EPOCH;
  private int logged;
  private long suppressed;

  RejectionLog(Logger log, Clock clock, int perWindow) {
    this.log = log;
    this.clock = clock;
    this.perWindow = perWindow;
  }

  synchronized void warn(String format, Object... args) {
    Instant now = clock.instant();
    if (now.isAfter(windowStart.plus(WINDOW))) {
      if (suppressed > 0) {
        log.warn("{} more rejected pushes were not logged in the last minute", suppressed);
      }
      windowStart = now;
      logged = 0;
      suppressed = 0;
    }
    if (logged < perWindow) {
      logged++;
      log.warn(format, args);
    } else {
      suppressed++;
    }
  }
}
