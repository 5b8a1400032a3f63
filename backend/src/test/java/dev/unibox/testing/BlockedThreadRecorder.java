package dev.unibox.testing;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Logback appender (wired in logback-test.xml on Vert.x's blocked-thread checker logger) that keeps every
 * warning about a blocked event loop, so {@link BlockedThreadGuard} can fail the test that caused it.
 */
public final class BlockedThreadRecorder extends AppenderBase<ILoggingEvent> {

  /**
   * Vert.x warns from 2 s; on a loaded build machine class loading at start-up alone can take that long,
   * so a test fails from this many milliseconds of one block (-Dunibox.test.maxBlockedMs to change).
   */
  private static final long FAIL_FROM_MS = Long.getLong("unibox.test.maxBlockedMs", 20_000);
  private static final Pattern BLOCKED = Pattern.compile("eventloop.* blocked for (\\d+) ms");
  private static final List<String> WARNINGS = new ArrayList<>();

  @Override
  protected void append(ILoggingEvent event) {
    String message = event.getFormattedMessage();
    Matcher m = message == null ? null : BLOCKED.matcher(message);
    if (m != null && m.find() && Long.parseLong(m.group(1)) >= FAIL_FROM_MS) {
      synchronized (WARNINGS) {
        WARNINGS.add(message);
      }
    }
  }

  /** @return the warnings since the last call, and forgets them */
  public static List<String> drain() {
    synchronized (WARNINGS) {
      List<String> out = List.copyOf(WARNINGS);
      WARNINGS.clear();
      return out;
    }
  }
}
