package dev.unibox.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.Await;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Daily and weekly reports are stored once each shop's own midnight or week start has passed, a later
 * correction stores a new version next to the old one, and stored versions cannot be changed.
 */
class ReportSnapshotsTest {

  private static final String SH = "Asia/Shanghai";
  private static final String LA = "America/Los_Angeles";
  @RegisterExtension
  final ReportDatabase data = new ReportDatabase("2026-11-23T16:30:00Z");  // Tuesday 2026-11-24 00:30 in Shanghai
  private ReportSnapshots snapshots;
  private long mei;

  @BeforeEach
  void seed() throws Exception {
    mei = data.rows().answeredAndUnansweredDay(SH);
    data.rows().shop("us", "tiktok", LA);  // Monday 08:30 in Los Angeles
    data.sweep();
    snapshots = new ReportSnapshots(data.pool(), new ReportService(data.pool()), data.clock);
  }

  private long count(String where) throws Exception {
    return data.queryLong("SELECT count(*) FROM report_snapshots WHERE " + where);
  }

  private JsonObject body(String scope, String period, String start, int version) throws Exception {
    return (JsonObject) Await.result(data.pool().preparedQuery("SELECT body FROM report_snapshots WHERE scope = $1 AND period = $2 "
        + "AND period_start = $3 AND version = $4").execute(io.vertx.sqlclient.Tuple.of(scope, period, LocalDate.parse(start), version)))
        .iterator().next().getValue(0);
  }

  @Test
  void eachShopsMidnightVersionsAndImmutability() throws Exception {
    int first = Await.result(snapshots.generateDue());
    assertThat(first).isPositive();
    assertThat(count("scope = 'pdd' AND period = 'day' AND period_start = '2026-11-23'")).isEqualTo(1);
    assertThat(count("scope = 'us' AND period = 'day' AND period_start = '2026-11-23'"))
        .as("still Monday in Los Angeles").isZero();
    assertThat(count("scope = 'team' AND period = 'day' AND period_start = '2026-11-23'"))
        .as("the team's day ends with its last shop's").isZero();
    // the week of 16-22 November has ended everywhere
    assertThat(count("scope = 'pdd' AND period = 'week' AND period_start = '2026-11-16'")).isEqualTo(1);
    JsonObject v1 = body("pdd", "day", "2026-11-23", 1);
    assertThat(v1.getJsonObject("total").getLong("conversations")).isEqualTo(2);
    assertThat(v1.getJsonObject("total").getJsonObject("firstResponse").getLong("answered")).isEqualTo(1);

    assertThat(Await.result(snapshots.generateDue())).as("nothing changed, nothing stored").isZero();

    // a late answer to c2 corrects the 23rd: version 2, version 1 kept as it was
    data.clock.set(Instant.parse("2026-11-24T09:00:00Z"));
    data.rows().lateAnswerToTheUnanswered(SH, mei);
    data.sweep();
    Await.result(snapshots.generateDue());
    assertThat(body("pdd", "day", "2026-11-23", 2).getJsonObject("total").getJsonObject("firstResponse").getLong("answered"))
        .isEqualTo(2);
    assertThat(body("pdd", "day", "2026-11-23", 1)).isEqualTo(v1);
    // now (01:00 on the 24th in LA) the 23rd has ended everywhere: the team's day report exists
    assertThat(count("scope = 'team' AND period = 'day' AND period_start = '2026-11-23'")).isEqualTo(1);
    assertThat(count("scope = 'us' AND period = 'day' AND period_start = '2026-11-23'")).isEqualTo(1);

    Throwable refused = Await.failure(data.pool().query("UPDATE report_snapshots SET version = 9").execute());
    assertThat(refused.getMessage()).contains("immutable");
    assertThat(Await.failure(data.pool().query("DELETE FROM report_snapshots").execute()).getMessage()).contains("immutable");
  }
}
