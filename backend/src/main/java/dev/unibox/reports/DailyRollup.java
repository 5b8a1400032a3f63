package dev.unibox.reports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One shop-day's rollup rows, per agent (0 = the shop's own row), and the same per shop-local hour of that day
 * and agent, built from waits and counted rows.
 */
final class DailyRollup {

  /** The counter columns of report_daily, in one place (the store builds its INSERT from this list). */
  static final List<String> COUNTERS = List.of("conversations", "buyers", "messages_in", "messages_out",
      "auto_replies", "first_answered", "first_within_60", "first_within_120", "first_within_300", "first_seconds",
      "waits", "replies", "replies_within_60", "replies_within_120", "replies_within_300", "reply_seconds",
      "auto_replied", "platform_counted", "platform_met", "resolved", "transfers", "sla_warnings", "sla_breaches",
      "satisfied", "neutral", "dissatisfied", "bad_attitude", "flagged_replies", "overridden_replies",
      "spam_excluded", "pre_sale_chats", "converted");

  /** Per agent: counters and the two histograms. */
  static final class Row {
    final Map<String, Long> counters = new LinkedHashMap<>();
    final int[] firstHist = new int[ResponseBuckets.SIZE];
    final int[] replyHist = new int[ResponseBuckets.SIZE];

    Row() {
      COUNTERS.forEach(c -> counters.put(c, 0L));
    }

    void add(String counter, long n) {
      if (!counters.containsKey(counter)) {
        throw new IllegalArgumentException("no such rollup counter " + counter);
      }
      counters.merge(counter, n, Long::sum);
    }

    /** Adds another row's counters and histograms to this one. */
    void addAll(Row other) {
      other.counters.forEach(this::add);
      for (int i = 0; i < ResponseBuckets.SIZE; i++) {
        firstHist[i] += other.firstHist[i];
        replyHist[i] += other.replyHist[i];
      }
    }
  }

  final String accountId;
  final java.time.LocalDate day;
  final java.time.ZoneId zone;
  final Map<Long, Row> rows = new TreeMap<>();
  /** shop-local hour (0-23) → agent → row */
  final Map<Integer, Map<Long, Row>> hours = new TreeMap<>();

  DailyRollup(String accountId, java.time.LocalDate day, java.time.ZoneId zone) {
    this.accountId = accountId;
    this.day = day;
    this.zone = zone;
  }

  Row agent(long agentId) {
    return rows.computeIfAbsent(agentId, a -> new Row());
  }

  Row agent(int hour, long agentId) {
    return hours.computeIfAbsent(hour, h -> new TreeMap<>()).computeIfAbsent(agentId, a -> new Row());
  }

  /**
   * The shop's whole hour: its agents' rows added. Exact for every counter, buyers too: distinct buyers and spam
   * are only ever counted on the shop's own row (agent 0).
   */
  Row shopHour(int hour) {
    Row out = new Row();
    hours.getOrDefault(hour, Map.of()).values().forEach(out::addAll);
    return out;
  }

  /** A wait counts for the agent who answered it (0 while unanswered), in the day and the hour it started. */
  void addWait(Waits.Wait w) {
    count(agent(w.agentId()), w);
    count(agent(w.startedAt().atZone(zone).getHour(), w.agentId()), w);
  }

  private static void count(Row r, Waits.Wait w) {
    Long s = w.seconds();
    r.add("waits", 1);
    if (w.autoReplied()) {
      r.add("auto_replied", 1);
    }
    if (w.platformCounted()) {
      r.add("platform_counted", 1);
      r.add("platform_met", w.platformMet() ? 1 : 0);
    }
    if (s != null) {
      answered(r, s, "replies", "reply_seconds", "replies_within_", r.replyHist);
    }
    if (w.firstOfDay()) {
      r.add("conversations", 1);
      if (s != null) {
        answered(r, s, "first_answered", "first_seconds", "first_within_", r.firstHist);
      }
    }
  }

  /** An answer after {@code s} seconds: its count, time, the "within" counters and the histogram bucket. */
  private static void answered(Row r, long s, String count, String seconds, String within, int[] hist) {
    r.add(count, 1);
    r.add(seconds, s);
    for (int limit : ResponseBuckets.WITHIN_SECONDS) {
      r.add(within + limit, s <= limit ? 1 : 0);
    }
    hist[ResponseBuckets.bucket(s)]++;
  }
}
