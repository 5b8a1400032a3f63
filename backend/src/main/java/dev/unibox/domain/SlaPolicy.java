package dev.unibox.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

/**
 * First-response targets and the platforms' own response-rate windows.
 *
 * <p>Our target: a buyer waiting for a human is answered within {@code urgent} (urgent and critical
 * conversations) or {@code regular}; overrides per platform and per shop account, the account winning.
 * The warning fires at {@code warnPercent} of the target.
 *
 * <p>Platform rules: Pinduoduo's 5-minute rate counts only buyer messages that arrive
 * 08:00–23:00 in the shop's time zone; Shopee's 12-hour rate is not met by auto-replies. A rule gives
 * a platform deadline, or none when the message does not count.
 */
public final class SlaPolicy {

  public record Targets(Duration urgent, Duration regular) {
    public Duration of(Priority p) {
      return p.urgentTarget() ? urgent : regular;
    }
  }

  /**
   * @param countFrom        start of the counted window in shop time (null = all day)
   * @param countUntil       end of the counted window, exclusive
   * @param autoRepliesCount whether an auto-reply meets the platform's clock
   */
  public record PlatformRule(String name, Duration window, LocalTime countFrom, LocalTime countUntil,
                             boolean autoRepliesCount) {
    public boolean counts(Instant at, ZoneId shopZone) {
      if (countFrom == null || countUntil == null) {
        return true;
      }
      LocalTime local = at.atZone(shopZone).toLocalTime();
      return !local.isBefore(countFrom) && local.isBefore(countUntil);
    }
  }

  /** A platform clock started by a buyer message. */
  public record PlatformDeadline(String rule, Instant dueAt) {}

  /** Message type adapters report for an automatic reply (it never stops our clock). */
  public static final String AUTO_REPLY = "auto_reply";

  public static final Map<String, PlatformRule> DEFAULT_PLATFORM_RULES = Map.of(
      "pinduoduo", new PlatformRule("pinduoduo-5min", Duration.ofMinutes(5), LocalTime.of(8, 0), LocalTime.of(23, 0),
          false),
      "shopee", new PlatformRule("shopee-12h", Duration.ofHours(12), null, null, false));

  private final Targets defaults;
  private final Map<String, Targets> byPlatform;
  private final Map<String, Targets> byAccount;
  private final int warnPercent;
  private final Map<String, PlatformRule> platformRules;

  public SlaPolicy(Targets defaults, Map<String, Targets> byPlatform, Map<String, Targets> byAccount, int warnPercent,
                   Map<String, PlatformRule> platformRules) {
    if (warnPercent < 1 || warnPercent > 99) {
      throw new IllegalArgumentException("warnPercent must be 1..99");
    }
    this.defaults = defaults;
    this.byPlatform = Map.copyOf(byPlatform);
    this.byAccount = Map.copyOf(byAccount);
    this.warnPercent = warnPercent;
    this.platformRules = Map.copyOf(platformRules);
  }

  /** Urgent 60 s, regular 120 s, warning at 75 %, the default platform rules. */
  public static SlaPolicy standard() {
    return new SlaPolicy(new Targets(Duration.ofSeconds(60), Duration.ofSeconds(120)), Map.of(), Map.of(), 75,
        DEFAULT_PLATFORM_RULES);
  }

  public Targets targets(String platform, String accountId) {
    Targets t = accountId == null ? null : byAccount.get(accountId);
    if (t == null && platform != null) {
      t = byPlatform.get(platform);
    }
    return t == null ? defaults : t;
  }

  public Duration target(String platform, String accountId, Priority priority) {
    return targets(platform, accountId).of(priority);
  }

  /** First-response deadline for a wait that started at {@code waitingSince}. */
  public Instant dueAt(String platform, String accountId, Priority priority, Instant waitingSince) {
    return waitingSince.plus(target(platform, accountId, priority));
  }

  /** When the warning fires for a wait from {@code start} due at {@code due}. */
  public Instant warnAt(Instant start, Instant due) {
    long millis = Duration.between(start, due).toMillis();
    return start.plusMillis(Math.max(0, millis * warnPercent / 100));
  }

  public int warnPercent() {
    return warnPercent;
  }

  /** The platform's clock for a buyer message at {@code at}; null when the platform has none or it does not count. */
  public PlatformDeadline platformDeadline(String platform, ZoneId shopZone, Instant at) {
    PlatformRule rule = platformRules.get(platform);
    if (rule == null || !rule.counts(at, shopZone)) {
      return null;
    }
    return new PlatformDeadline(rule.name(), at.plus(rule.window()));
  }

  /** Whether a shop-side message of this type stops the platform's clock. */
  public boolean stopsPlatformClock(String platform, String messageType) {
    if (!AUTO_REPLY.equals(messageType)) {
      return true;
    }
    PlatformRule rule = platformRules.get(platform);
    return rule != null && rule.autoRepliesCount();
  }

  public Map<String, PlatformRule> platformRules() {
    return platformRules;
  }
}
