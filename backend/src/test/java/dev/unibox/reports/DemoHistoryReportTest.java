package dev.unibox.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.demo.DemoHistory;
import dev.unibox.testing.Await;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The demo's week of history is written once, is well formed (every conversation a buyer message answered
 * later by an agent, then closed), and shows in the reports: every conversation counted on the days before
 * today, with response rates that are neither empty nor all perfect.
 */
class DemoHistoryReportTest {

  @RegisterExtension
  final ReportDatabase data = new ReportDatabase("2026-11-24T03:00:00Z");

  @BeforeEach
  void seed() throws Exception {
    ReportRows rows = data.rows();
    rows.shop("my", "shopee", "Asia/Kuala_Lumpur");
    rows.shop("tw", "shopee", "Asia/Taipei");
    rows.agent("mei");
    rows.agent("budi");
  }

  @Test
  void aWeekOfAnsweredAndClosedConversationsShowsInTheReports() throws Exception {
    DemoHistory history = new DemoHistory(data.pool(), data.clock);
    int written = Await.result(history.seedOnce());
    assertThat(written).isBetween(2 * DemoHistory.DAYS * 12, 2 * DemoHistory.DAYS * 25);
    assertThat(Await.result(history.seedOnce())).as("written once").isZero();
    assertThat(data.queryLong("SELECT count(*) FROM conversations")).isEqualTo(written);
    assertThat(data.queryLong("""
        SELECT count(*) FROM conversations c WHERE c.status = 'closed'
          AND (SELECT min(at) FROM messages m WHERE m.conversation_id = c.id AND direction = 'in')
            < (SELECT min(at) FROM messages m WHERE m.conversation_id = c.id AND direction = 'out')
          AND EXISTS (SELECT 1 FROM activities a WHERE a.conversation_id = c.id AND a.type = 'closed')"""))
        .as("each: a buyer message, a later agent answer, closed").isEqualTo(written);
    assertThat(data.queryLong("SELECT count(*) FROM messages WHERE at >= '2026-11-24T00:00:00+08:00'"))
        .as("nothing today or later (shop time)").isZero();

    data.sweep();
    JsonObject total = data.report(new ReportFilter(LocalDate.parse("2026-11-17"), LocalDate.parse("2026-11-23"),
        List.of("my", "tw"), null, null, null, "all")).getJsonObject("total");
    assertThat(total.getLong("conversations")).isEqualTo(written);
    assertThat(total.getJsonObject("firstResponse").getLong("answered")).isEqualTo(written);
    assertThat(total.getJsonObject("firstResponse").getDouble("within60Rate")).isBetween(0.5, 0.95);
    assertThat(total.getLong("resolved")).isEqualTo(written);
  }
}
