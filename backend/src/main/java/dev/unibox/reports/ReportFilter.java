package dev.unibox.reports;

import java.time.LocalDate;
import java.util.List;

/**
 * What a report covers: shop-local days [from, to], the shops the caller may see (already scoped), and the
 * optional platform, team (its shops) and agent; groupBy is one of {@link ReportsStore#GROUPS}.
 */
public record ReportFilter(LocalDate from, LocalDate to, List<String> accounts, String platform, String team,
                           Long agentId, String groupBy) {}
