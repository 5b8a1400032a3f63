package dev.unibox.reports;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * What a report covers: shop-local days [from, to], the shops the caller may see (already scoped), and the
 * optional platform, team (its shops) and agent; groupBy is one of {@link ReportQueryStore#GROUPS}. {@code zone}
 * (optional) cuts the agents' workload hours into days; without it a report has no workload figures (stored
 * daily reports: a shop's day is over before the agents' day in another zone is).
 */
public record ReportFilter(LocalDate from, LocalDate to, List<String> accounts, String platform, String team,
                           Long agentId, String groupBy, ZoneId zone) {

  public ReportFilter(LocalDate from, LocalDate to, List<String> accounts, String platform, String team,
                      Long agentId, String groupBy) {
    this(from, to, accounts, platform, team, agentId, groupBy, null);
  }
}
