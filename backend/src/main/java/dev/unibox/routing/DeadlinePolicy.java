package dev.unibox.routing;

import java.time.Duration;

/**
 * Earliest meetable deadline first, with bounded aging (not the default: see docs/routing.md for what it
 * trades). A waiting buyer has up to three deadlines: our first-response target ({@code sla_due_at}: urgent
 * 60 s, regular 120 s by default), the platform's window ({@code platform_due_at}, e.g. Pinduoduo's 5 minutes
 * in the shop's hours) and the aging deadline, the start of the wait plus the aging ({@link #AGING} by
 * default). A deadline is <em>meetable</em> while it is at least the reach ({@link #REACH} by default) away: an
 * agent needs about that long to read and answer, so a closer one is as good as missed.
 *
 * <p>The queue order:
 * <ol>
 *   <li>urgent and critical conversations whose target is meetable, earliest target first;</li>
 *   <li>then every other conversation by the nearest of its meetable target, its meetable platform window and
 *   its aging deadline. Once the aging deadline has passed the key lies in the past, so a conversation that
 *   has waited the aging goes ahead of every non-urgent conversation, and those are served in arrival order;
 *   until then a conversation whose deadlines are missed gives way to those that can still be met.</li>
 * </ol>
 * Ties go to the higher priority, then the lower id. A conversation nobody waits on (put back after its agent
 * left, after the answer) ages from the time it was queued. A long platform window (Shopee's 12 hours) never
 * delays the aging.
 *
 * <p>"Urgent first" here: an urgent conversation that can still be answered within its target is never
 * passed over by anything but an urgent one due earlier. Once its target is missed it is ordered like a
 * regular one (by its aging deadline), instead of blocking the urgent ones that can still make it.
 *
 * <p>Other tiers ({@link Tiers}): without the urgent tier ({@value #NO_URGENT_TIER}, registered) all conversations
 * are ordered by the second rule, so urgent ones lead only by their shorter target; with the aged tier first (an
 * experiment, not registered), a conversation that has waited the aging goes ahead of everything, urgent ones
 * included (arrival order among them), and the urgent tier comes next.
 *
 * <p>The agent: sticky, then least loaded ({@link StickyLeastLoadedPolicy}).
 */
public final class DeadlinePolicy extends StickyLeastLoadedPolicy {

  public static final String NAME = "deadline";
  /** The same order without the urgent tier (see docs/routing.md for when it is the one to choose). */
  public static final String NO_URGENT_TIER = "deadline-no-urgent-tier";

  /** A deadline closer than this counts as missed (the simulated agents take 16–40 s to read and answer at full load). */
  public static final Duration REACH = Duration.ofSeconds(30);
  /** A conversation whose deadlines are all missed regains the front after waiting this long. */
  public static final Duration AGING = Duration.ofMinutes(4);

  /** Which conversations go ahead of the rest before the deadline order, and the policy's name with them. */
  public enum Tiers {
    /** Urgent ones whose target is meetable ({@value DeadlinePolicy#NAME}). */
    URGENT(NAME),
    /** None: urgent ones lead only by their shorter target ({@value DeadlinePolicy#NO_URGENT_TIER}). */
    NONE(NO_URGENT_TIER),
    /** Those that have waited the aging, then urgent ones whose target is meetable (an experiment). */
    AGED_THEN_URGENT("deadline-aged-first");

    private final String policyName;

    Tiers(String policyName) {
      this.policyName = policyName;
    }
  }

  public DeadlinePolicy() {
    this(REACH, AGING, Tiers.URGENT);
  }

  public DeadlinePolicy(Duration reach, Duration aging, Tiers tiers) {
    super(tiers.policyName, order(reach, aging, tiers));
  }

  private static String order(Duration reach, Duration aging, Tiers tiers) {
    String meetable = "pass.now + interval '" + reach.toMillis() + " milliseconds'";
    String aged = "COALESCE(c.waiting_since, c.queued_at) + interval '" + aging.toMillis() + " milliseconds'";
    String urgent = "c.priority >= 1 AND c.sla_due_at > " + meetable;
    String tier = switch (tiers) {
      case URGENT -> "CASE WHEN " + urgent + " THEN 0 ELSE 1 END,\n";
      case NONE -> "";
      case AGED_THEN_URGENT -> "CASE WHEN " + aged + " <= pass.now THEN 0 WHEN " + urgent + " THEN 1 ELSE 2 END,\n";
    };
    return tier + """
        LEAST(CASE WHEN c.sla_due_at > %1$s THEN c.sla_due_at END,
              CASE WHEN c.platform_due_at > %1$s THEN c.platform_due_at END,
              %2$s),
        c.priority DESC, c.id""".formatted(meetable, aged);
  }
}
