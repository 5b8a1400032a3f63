package dev.unibox.reports;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Splits one conversation's messages into waits: a wait starts at a buyer message when nothing of the
 * buyer's is unanswered, and ends at the next human reply (an outgoing message that is not an auto-reply
 * and did not fail). Further buyer messages inside a wait do not restart it; a transfer does not either:
 * the buyer has been waiting since the first message. Plain Java: the sweep feeds it rows.
 */
public final class Waits {

  /** One stored message as the computation needs it, in (at, id) order. */
  public record Msg(boolean in, String type, String status, long authorId, Instant at) {

    boolean humanReply() {
      return !in && !"autoreply".equals(type) && !"failed".equals(status);
    }
  }

  /** A computed wait (see report_waits). */
  public record Wait(int seq, LocalDate day, Instant startedAt, Instant answeredAt, long agentId, boolean firstOfDay,
                     boolean autoReplied, boolean platformCounted, boolean platformMet) {

    Long seconds() {
      return answeredAt == null ? null : Duration.between(startedAt, answeredAt).toSeconds();
    }
  }

  private Waits() {}

  public static List<Wait> of(List<Msg> messages, ZoneId zone, PlatformRule rule) {
    List<Wait> waits = new ArrayList<>();
    Set<LocalDate> daysSeen = new HashSet<>();
    Instant start = null;
    boolean auto = false;
    for (Msg m : messages) {
      if (m.in()) {
        if (start == null) {
          start = m.at();
          auto = false;
        }
      } else if ("autoreply".equals(m.type())) {
        auto |= start != null;
      } else if (m.humanReply() && start != null) {
        waits.add(wait(waits.size(), start, m.at(), m.authorId(), auto, zone, rule, daysSeen));
        start = null;
      }
    }
    if (start != null) {
      waits.add(wait(waits.size(), start, null, 0, auto, zone, rule, daysSeen));
    }
    return waits;
  }

  private static Wait wait(int seq, Instant start, Instant answered, long agent, boolean auto, ZoneId zone,
                           PlatformRule rule, Set<LocalDate> daysSeen) {
    ZonedDateTime local = start.atZone(zone);
    boolean first = daysSeen.add(local.toLocalDate());
    boolean counted = first && rule.counts(local.toLocalTime());
    boolean met = counted && answered != null && Duration.between(start, answered).toSeconds() <= rule.withinSeconds();
    return new Wait(seq, local.toLocalDate(), start, answered, answered == null ? 0 : agent, first, auto, counted, met);
  }
}
