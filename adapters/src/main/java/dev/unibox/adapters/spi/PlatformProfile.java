package dev.unibox.adapters.spi;

import java.util.List;

/**
 * The platform's service rules, as data the rest of the inbox reads (metrics, SLA, wording). Sourced from
 * the platforms' rules; see docs/adapters.md.
 *
 * @param channel {@code api} (the platform's open chat API) or {@code bridge} (a merchant integration)
 */
public record PlatformProfile(String platform, String displayName, String channel, List<MetricRule> metrics) {

  public PlatformProfile {
    metrics = List.copyOf(metrics);
  }

  /**
   * One metric rule.
   *
   * @param id             stable key, e.g. {@code response_rate_5min}
   * @param responseWithin the response deadline counted by the metric, ISO-8601 duration (null when n/a)
   * @param window         when it is counted: {@code daily 08:00-23:00 shop time}, {@code natural week} …
   * @param target         the threshold to keep, as text: {@code >= 80%}
   * @param excludesAutoReplies true when auto-replies do not count as a response
   */
  public record MetricRule(String id, String description, String responseWithin, String window, String target,
                           boolean excludesAutoReplies) {}
}
