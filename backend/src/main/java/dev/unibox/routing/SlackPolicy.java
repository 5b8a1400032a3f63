package dev.unibox.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The default policy: serve the conversations whose deadlines can still be met, most urgent class first
 * and the nearest deadline first within a class; give up early on a deadline that can no longer be met
 * (it stops blocking those that still can); and bound the wait of those given up on (aging).
 *
 * <p>At the pass's time {@code now} each queued conversation falls into one band, served in this order:
 * <ol>
 *   <li><b>aged</b>: its first-response deadline passed more than {@code aging} ago — oldest deadline first,
 *       ahead of everything, so no buyer waits without limit;</li>
 *   <li><b>meetable critical</b>, 3. <b>meetable urgent</b>, 4. <b>meetable normal</b>: the first-response
 *       deadline is still more than {@code margin} away (the time an agent needs to read and answer) —
 *       earliest deadline first within each class;</li>
 *   <li><b>platform window left</b>: the first-response deadline is lost, the platform's own clock
 *       (Pinduoduo's 5 minutes within 08–23 shop time, Shopee's 12 hours) is still more than
 *       {@code margin} away — earliest platform deadline first;</li>
 *   <li><b>missed</b>: both lost, not yet aged — oldest deadline first;</li>
 *   <li><b>no deadline</b> (nobody waits, e.g. put back after the buyer was answered) — queue order.</li>
 * </ol>
 * Ties: id (the older conversation). The agent is chosen as in {@link PriorityPolicy} (sticky, least loaded…).
 *
 * <p>Every band is an ordered range scan of one index ({@code conversations_queue_due}) cut at
 * {@code now - aging} and {@code now + margin}, so the head of the queue is read without sorting it.
 */
public final class SlackPolicy implements RoutingPolicy {

  public static final String NAME = "slack";
  public static final Duration DEFAULT_MARGIN = Duration.ofSeconds(20);
  public static final Duration DEFAULT_AGING = Duration.ofSeconds(180);

  private final long marginSeconds;
  private final long agingSeconds;
  private final String source;
  private final PriorityPolicy agents = new PriorityPolicy();

  public SlackPolicy() {
    this(DEFAULT_MARGIN, DEFAULT_AGING);
  }

  public SlackPolicy(Duration margin, Duration aging) {
    this.marginSeconds = margin.toSeconds();
    this.agingSeconds = aging.toSeconds();
    this.source = source(marginSeconds, agingSeconds);
  }

  @Override
  public String name() {
    return NAME;
  }

  /** The bands as one row source {@code c} with columns {@code band} and {@code band_key}; $3 is now. */
  @Override
  public String queueSource() {
    return source;
  }

  @Override
  public String queueOrder() {
    return "c.band, c.band_key, c.id";
  }

  @Override
  public Optional<AgentSeat> pick(List<AgentSeat> seats, Candidate candidate) {
    return agents.pick(seats, candidate);
  }

  /** The band of a queued conversation at {@code now} (1 = served first); the Java twin of the SQL. */
  public int band(int priority, Instant slaDueAt, Instant platformDueAt, Instant now) {
    if (slaDueAt == null) {
      return 7;
    }
    if (slaDueAt.isBefore(now.minusSeconds(agingSeconds))) {
      return 1;
    }
    Instant lastUseful = now.plusSeconds(marginSeconds);
    if (slaDueAt.isAfter(lastUseful)) {
      return priority >= 2 ? 2 : priority == 1 ? 3 : 4;
    }
    return platformDueAt != null && platformDueAt.isAfter(lastUseful) ? 5 : 6;
  }

  /** The serving order at {@code now}, for tests that check what was served against what waited. */
  public Comparator<Queued> order(Instant now) {
    return Comparator.<Queued>comparingInt(q -> band(q.priority(), q.slaDueAt(), q.platformDueAt(), now))
        .thenComparing(q -> key(q, now), Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparingLong(Queued::id);
  }

  /** What {@link #order} needs of a queued conversation. */
  public record Queued(long id, int priority, Instant slaDueAt, Instant platformDueAt, Instant queuedAt) {}

  private Instant key(Queued q, Instant now) {
    int band = band(q.priority(), q.slaDueAt(), q.platformDueAt(), now);
    return band == 5 ? q.platformDueAt() : band == 7 ? q.queuedAt() : q.slaDueAt();
  }

  private static String source(long margin, long aging) {
    String now = "$3::timestamptz";
    String lastUseful = now + " + interval '" + margin + " seconds'";
    String agedBefore = now + " - interval '" + aging + " seconds'";
    String lostWindow = "q.sla_due_at >= " + agedBefore + " AND q.sla_due_at <= " + lastUseful;
    return "(" + String.join("\n UNION ALL\n",
        band(1, "q.sla_due_at", "q.sla_due_at < " + agedBefore),
        band(2, "q.sla_due_at", "q.sla_due_at > " + lastUseful + " AND q.priority >= 2"),
        band(3, "q.sla_due_at", "q.sla_due_at > " + lastUseful + " AND q.priority = 1"),
        band(4, "q.sla_due_at", "q.sla_due_at > " + lastUseful + " AND q.priority <= 0"),
        band(5, "q.platform_due_at", lostWindow + " AND q.platform_due_at > " + lastUseful),
        band(6, "q.sla_due_at", lostWindow + " AND (q.platform_due_at IS NULL OR q.platform_due_at <= " + lastUseful + ")"),
        band(7, "q.queued_at", "q.sla_due_at IS NULL")) + ") c";
  }

  /** One band: its rows in key order, at most as many as the page being read can need. */
  private static String band(int band, String key, String where) {
    return "(SELECT q.*, " + band + " AS band, " + key + " AS band_key FROM conversations q WHERE q.status = 'queued' AND "
        + where + " ORDER BY " + key + ", q.id LIMIT ($1::bigint + $2::bigint))";
  }
}
