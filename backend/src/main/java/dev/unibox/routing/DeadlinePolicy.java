package dev.unibox.routing;

import java.time.Duration;

/**
 * Earliest meetable deadline first, with bounded aging. A waiting buyer has up to two deadlines: our
 * first-response target ({@code sla_due_at}: urgent 60 s, regular 120 s by default) and the platform's window
 * ({@code platform_due_at}, e.g. Pinduoduo's 5 minutes in the shop's hours). The queue is ordered by the
 * nearest deadline that can still be met, i.e. at least {@link #reach} away (an agent needs that long to
 * read and answer). A conversation whose deadlines can no longer be met gives way to those that can, but only
 * until it has waited {@link #aging}: from then on its key is its arrival plus the aging, which is already past,
 * so it goes ahead of every meetable conversation, and the aged ones are served in arrival order.
 *
 * <p>What "urgent first" means here: urgent conversations have the earlier target (60 s against 120 s), so an
 * urgent conversation is never passed over by a regular one whose deadline is later. A regular one passes an
 * urgent one only when its own deadline is nearer, or when it has waited {@link #aging} with every deadline
 * missed. Equal keys go to the higher priority class, then the lower id. A conversation with no buyer waiting
 * (put back after its agent left, after the answer) ages from the time it was queued.
 *
 * <p>The agent: sticky, then least loaded ({@link StickyLeastLoadedPolicy}).
 */
public final class DeadlinePolicy extends StickyLeastLoadedPolicy {

  public static final String NAME = "deadline";

  /** A deadline closer than this is treated as missed: reading and answering take about that long. */
  public static final Duration REACH = Duration.ofSeconds(15);
  /** A conversation whose deadlines are all missed regains the front after waiting this long. */
  public static final Duration AGING = Duration.ofMinutes(4);

  private final Duration reach;
  private final Duration aging;

  public DeadlinePolicy() {
    this(REACH, AGING, false);
  }

  public DeadlinePolicy(Duration reach, Duration aging, boolean urgentTier) {
    super(NAME, (urgentTier ? "CASE WHEN c.priority >= 1 AND c.sla_due_at > pass.now + interval '" + reach.toMillis()
        + " milliseconds' THEN 0 ELSE 1 END, " : "") + order(reach, aging));
    this.reach = reach;
    this.aging = aging;
  }

  public Duration reach() {
    return reach;
  }

  public Duration aging() {
    return aging;
  }

  private static String order(Duration reach, Duration aging) {
    String meetableFrom = "pass.now + interval '" + reach.toMillis() + " milliseconds'";
    return """
        LEAST(CASE WHEN c.sla_due_at > %1$s THEN c.sla_due_at END,
              CASE WHEN c.platform_due_at > %1$s THEN c.platform_due_at END,
              COALESCE(c.waiting_since, c.queued_at) + interval '%2$d milliseconds'),
        c.priority DESC, c.id""".formatted(meetableFrom, aging.toMillis());
  }
}
