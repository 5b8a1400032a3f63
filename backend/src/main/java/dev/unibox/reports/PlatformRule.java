package dev.unibox.reports;

import java.time.LocalTime;

/**
 * A platform's own response indicator as the platform counts it, over the first wait of each
 * conversation-day (a "new chat" / consultation): which waits count, and the time a human answer must
 * come within. Auto-replies never count as an answer (Shopee leaves them out), spam is not counted at all.
 */
public record PlatformRule(String name, long withinSeconds, LocalTime windowStart, LocalTime windowEnd, double line) {

  /** Pinduoduo: 5-minute rate, consultations from 08:00 to 23:00 shop time; keep at or above 80 %. */
  static final PlatformRule PINDUODUO = new PlatformRule("pinduoduo-5min", 300, LocalTime.of(8, 0), LocalTime.of(23, 0), 0.8);
  /** Shopee: chat response rate, new chats answered within 12 hours, all day; below 80 % loses preferred status. */
  static final PlatformRule SHOPEE = new PlatformRule("shopee-12h", 43_200, null, null, 0.8);
  /** Every other platform: the team's own 5-minute rate, all day. */
  static final PlatformRule DEFAULT = new PlatformRule("team-5min", 300, null, null, 0.8);

  public static PlatformRule of(String platform) {
    return switch (platform == null ? "" : platform) {
      case "pinduoduo" -> PINDUODUO;
      case "shopee" -> SHOPEE;
      default -> DEFAULT;
    };
  }

  /** Whether a wait that started at this shop-local time is counted. */
  boolean counts(LocalTime localStart) {
    return windowStart == null || (!localStart.isBefore(windowStart) && localStart.isBefore(windowEnd));
  }
}
