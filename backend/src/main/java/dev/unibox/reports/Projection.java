package dev.unibox.reports;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A shop's platform indicator in the current window (today, shop time, inside the rule's hours) and where
 * it will end if the shop keeps answering as it did in the last hour. See docs/reports.md, "Live projection".
 *
 * <p>Each counted wait is met (answered in time), missed (answered late, or unanswered past the limit) or
 * pending (unanswered, time left). The projection assumes the waits still to come arrive at the window's
 * rate so far, and that pending and future waits are met at the recent rate.
 */
public record Projection(String accountId, String rule, double line, LocalDate day, Instant windowEnd, int met,
                         int missed, int pending, Double current, Double projected, boolean below,
                         List<Saver> savers) {

  /** Fewer decided waits than this is too little to raise an alert on. */
  static final int MIN_DECIDED = 5;
  static final Duration RECENT = Duration.ofHours(1);
  static final int MAX_SAVERS = 20;

  /** A counted wait of the window as the rollup sweep stored it. */
  public record CountedWait(long conversationId, String buyerName, Instant startedAt, Instant answeredAt,
                            boolean met) {}

  /** A pending wait: answering it before {@code deadline} keeps the indicator up. */
  public record Saver(long conversationId, String buyerName, Instant deadline) {}

  /** The window of the day {@code now} falls in, or null when {@code now} is outside the rule's hours. */
  static Window window(PlatformRule rule, ZoneId zone, Instant now) {
    ZonedDateTime local = now.atZone(zone);
    LocalDate day = local.toLocalDate();
    LocalTime from = rule.windowStart() == null ? LocalTime.MIDNIGHT : rule.windowStart();
    ZonedDateTime start = day.atTime(from).atZone(zone);
    ZonedDateTime end = rule.windowEnd() == null ? day.plusDays(1).atStartOfDay(zone) : day.atTime(rule.windowEnd()).atZone(zone);
    if (local.isBefore(start) || !local.isBefore(end)) {
      return null;
    }
    return new Window(day, start.toInstant(), end.toInstant());
  }

  record Window(LocalDate day, Instant start, Instant end) {}

  static Projection of(String accountId, PlatformRule rule, double line, Window window, List<CountedWait> waits,
                       Instant now) {
    int met = 0;
    int missed = 0;
    int recentMet = 0;
    int recentDecided = 0;
    List<Saver> savers = new ArrayList<>();
    Instant recentFrom = now.minus(RECENT);
    for (CountedWait w : waits) {
      Instant deadline = w.startedAt().plusSeconds(rule.withinSeconds());
      boolean decided = w.answeredAt() != null || !deadline.isAfter(now);
      if (!decided) {
        savers.add(new Saver(w.conversationId(), w.buyerName(), deadline));
        continue;
      }
      boolean ok = w.answeredAt() != null && w.met();
      if (ok) {
        met++;
      } else {
        missed++;
      }
      Instant decidedAt = w.answeredAt() != null && w.answeredAt().isBefore(deadline) ? w.answeredAt() : deadline;
      if (!decidedAt.isBefore(recentFrom)) {
        recentDecided++;
        recentMet += ok ? 1 : 0;
      }
    }
    int decided = met + missed;
    Double current = decided == 0 ? null : (double) met / decided;
    Double projected = null;
    if (current != null) {
      double recentRate = recentDecided > 0 ? (double) recentMet / recentDecided : current;
      double elapsed = Math.max(1, Duration.between(window.start(), now).toSeconds());
      double remaining = Math.max(0, Duration.between(now, window.end()).toSeconds());
      double expected = waits.size() * remaining / elapsed;
      double toCome = savers.size() + expected;
      projected = (met + recentRate * toCome) / (decided + toCome);
    }
    boolean below = projected != null && decided >= MIN_DECIDED && projected < line;
    savers.sort(Comparator.comparing(Saver::deadline));
    return new Projection(accountId, rule.name(), line, window.day(), window.end(), met, missed, savers.size(),
        current, projected, below, List.copyOf(savers.subList(0, Math.min(MAX_SAVERS, savers.size()))));
  }
}
