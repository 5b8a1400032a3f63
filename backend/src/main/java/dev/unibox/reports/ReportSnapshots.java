package dev.unibox.reports;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The daily and weekly reports: once a shop's midnight (or its week start, Monday 00:00) has passed, the
 * finished period's report is stored; every later run compares the figures again for the last
 * {@value #DAYS_BACK} days and {@value #WEEKS_BACK} weeks and stores a new version when a correction changed
 * them. One report per shop and one for the team (all shops; its period is finished when it is finished in
 * every shop's time zone). Stored versions are never changed (a trigger refuses it).
 */
public final class ReportSnapshots {

  static final int DAYS_BACK = 7;
  static final int WEEKS_BACK = 2;
  public static final String TEAM = "team";

  private final Pool pool;
  private final ReportService service;
  private final Clock clock;
  private final Function<String, List<String>> recipients;

  public ReportSnapshots(Pool pool, ReportService service, Clock clock) {
    this(pool, service, clock, scope -> List.of());
  }

  /** @param recipients who gets each scope's reports by e-mail (queued with each stored version) */
  public ReportSnapshots(Pool pool, ReportService service, Clock clock, Function<String, List<String>> recipients) {
    this.pool = pool;
    this.service = service;
    this.clock = clock;
    this.recipients = recipients;
  }

  /** Stores what is due; answers how many new versions were written. */
  public Future<Integer> generateDue() {
    return SnapshotStore.accountZones(pool).compose(zones -> {
      if (zones.isEmpty()) {
        return Future.succeededFuture(0);
      }
      Future<Integer> written = Future.succeededFuture(0);
      LocalDate teamYesterday = zones.values().stream().map(this::yesterday).min(Comparator.naturalOrder()).orElseThrow();
      for (Map.Entry<String, ZoneId> shop : zones.entrySet()) {
        written = due(written, shop.getKey(), List.of(shop.getKey()), yesterday(shop.getValue()));
      }
      written = due(written, TEAM, List.copyOf(zones.keySet()), teamYesterday);
      return written;
    });
  }

  private LocalDate yesterday(ZoneId zone) {
    return clock.instant().atZone(zone).toLocalDate().minusDays(1);
  }

  private Future<Integer> due(Future<Integer> before, String scope, List<String> accounts, LocalDate lastDay) {
    Future<Integer> f = before;
    for (int i = 0; i < DAYS_BACK; i++) {
      LocalDate day = lastDay.minusDays(i);
      f = f.compose(n -> ensure(scope, "day", day, new ReportFilter(day, day, accounts, null, null, null, "agent"))
          .map(w -> n + (w ? 1 : 0)));
    }
    // the last finished week ends on the Sunday on or before the last finished day
    LocalDate lastMonday = lastDay.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY)).minusDays(6);
    for (int i = 0; i < WEEKS_BACK; i++) {
      LocalDate monday = lastMonday.minusWeeks(i);
      f = f.compose(n -> ensure(scope, "week", monday, new ReportFilter(monday, monday.plusDays(6), accounts, null, null,
          null, "day")).map(w -> n + (w ? 1 : 0)));
    }
    return f;
  }

  /** Stores version 1, or a new version when the figures differ from the latest stored. */
  private Future<Boolean> ensure(String scope, String period, LocalDate start, ReportFilter filter) {
    return service.report(filter).compose(body -> SnapshotStore.latestSnapshot(pool, scope, period, start).compose(latest -> {
      JsonObject stored = body.put("scope", scope).put("period", period);
      if (latest != null && latest.body().equals(stored)) {
        return Future.succeededFuture(false);
      }
      int version = latest == null ? 1 : latest.version() + 1;
      return SnapshotStore.insertSnapshot(pool, scope, period, start, version, stored, clock.instant(),
          recipients.apply(scope)).map(true);
    }));
  }
}
