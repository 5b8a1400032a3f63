package dev.unibox.adapters.spi;

import dev.unibox.adapters.spi.PlatformProfile.MetricRule;
import java.util.List;
import java.util.Map;

/**
 * The service rules of each platform as the platforms publish them ("Platform rules that the inbox should
 * compute and protect"). Platforms without rules there get an empty metric list, not invented ones.
 */
public final class PlatformProfiles {

  private static final Map<String, PlatformProfile> PROFILES = Map.of(
      "shopee", new PlatformProfile("shopee", "Shopee", "api", List.of(
          new MetricRule("chat_response_rate", "Share of new chats/offers answered within 12 h; "
              + "< 80% loses preferred-seller eligibility, < 50% costs a penalty point", "PT12H", "rolling",
              ">= 80%", true))),
      "lazada", new PlatformProfile("lazada", "Lazada", "api", List.of()),
      "tiktok", new PlatformProfile("tiktok", "TikTok Shop", "api", List.of()),
      "pinduoduo", new PlatformProfile("pinduoduo", "Pinduoduo", "bridge", List.of(
          new MetricRule("response_rate_5min", "5-minute response rate; spam-flagged messages do not count; "
              + "below the industry line brings restrictions and down-ranking", "PT5M",
              "daily 08:00-23:00 shop time", ">= 80%", false),
          new MetricRule("after_sale_response", "Refund/return requests answered in time, or the platform "
              + "auto-approves", "PT48H", "per request", "100%", false),
          new MetricRule("dispute_refund_rate", "Dispute refund rate", null, "rolling", "< 0.5%", false))),
      "taobao", new PlatformProfile("taobao", "Taobao/Tmall", "bridge", List.of(
          new MetricRule("service_rules", "Never refuse an invoice; never close a buyer's order; never leak "
              + "buyer data (confirm details only with the buyer account that placed the order)", null,
              "always", "no violations", false))),
      "douyin", new PlatformProfile("douyin", "Douyin", "bridge", List.of()),
      "kuaishou", new PlatformProfile("kuaishou", "Kuaishou", "bridge", List.of(
          new MetricRule("satisfaction_rate", "satisfied / (satisfied + neutral + dissatisfied); bot-served "
              + "chats count too", null, "natural week", ">= 80%", false),
          new MetricRule("bad_attitude_rate", "Share of neutral+dissatisfied ratings whose reason is "
              + "'bad attitude'", null, "natural month", "<= 6%", false),
          new MetricRule("response_rate", "Reply rate per the platform's service rules (threshold not public: "
              + "configure it)", null, "per the platform's rules", "configurable", false))));

  private PlatformProfiles() {}

  /** The profile of a platform; platforms without known rules get an empty one. */
  public static PlatformProfile of(String platform) {
    PlatformProfile p = PROFILES.get(platform);
    return p != null ? p : new PlatformProfile(platform, platform, "api", List.of());
  }
}
