package dev.unibox.reports;

import static dev.unibox.reports.ReportRows.local;
import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.Await;
import dev.unibox.testing.MutableClock;
import dev.unibox.testing.TestInbox;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The report API on the running service: supervisors see their shops only, agents only their own figures,
 * CSV and XLSX carry the same numbers as the JSON, and bad parameters are clear 400s.
 */
@ExtendWith(VertxExtension.class)
class ReportRoutesTest {

  private static final String KL = "Asia/Kuala_Lumpur";
  private static final String TP = "Asia/Taipei";
  private static TestInbox inbox;
  private static long mei;
  private static long ali;

  /** One service for the class: the tests only read. */
  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-24T02:00:00Z"));
    inbox = TestInbox.start(vertx, clock);
    mei = inbox.createUser("mei", "agent", 3, TestInbox.ACCOUNT_MY);
    ali = inbox.createUser("ali", "agent", 3, TestInbox.ACCOUNT_MY, TestInbox.ACCOUNT_TW);
    inbox.createUser("lin", "supervisor", 0, TestInbox.ACCOUNT_MY);
    ReportRows r = new ReportRows(inbox.db.pool(), clock);
    String my = TestInbox.ACCOUNT_MY;
    r.answered(my, "r1", mei, local(KL, "2026-11-23T10:00:00"), local(KL, "2026-11-23T10:00:50"));
    r.answered(my, "r2", ali, local(KL, "2026-11-23T11:00:00"), local(KL, "2026-11-23T11:10:00"));
    r.answered(TestInbox.ACCOUNT_TW, "r3", ali, local(TP, "2026-11-23T12:00:00"), local(TP, "2026-11-23T12:00:30"));
    Await.result(inbox.app.reports().sweep().sweep());
  }

  @AfterAll
  static void stop() throws Exception {
    inbox.close();
  }

  private static final String DAY = "from=2026-11-23&to=2026-11-23";

  @Test
  void supervisorsSeeTheirShopsAndAgentsTheirOwnFigures() throws Exception {
    String lin = inbox.login("lin");
    JsonObject mine = inbox.get(lin, "/api/reports?" + DAY + "&groupBy=shop").bodyAsJsonObject();
    assertThat(mine.getJsonArray("groups")).hasSize(1);
    assertThat(mine.getJsonObject("total").getLong("conversations")).as("the TW shop is not lin's").isEqualTo(2);
    assertThat(inbox.get(lin, "/api/reports?" + DAY + "&accountId=" + TestInbox.ACCOUNT_TW).statusCode()).isEqualTo(403);

    JsonObject byAgent = inbox.get(lin, "/api/reports?" + DAY + "&groupBy=agent").bodyAsJsonObject();
    assertThat(byAgent.getJsonArray("groups").stream().map(g -> ((JsonObject) g).getString("label")).toList())
        .containsExactlyInAnyOrder("mei (agent)", "ali (agent)", "Shop (unanswered, buyer messages)");

    String aliToken = inbox.login("ali");
    JsonObject own = inbox.get(aliToken, "/api/reports?" + DAY + "&groupBy=shop").bodyAsJsonObject();
    assertThat(own.getJsonObject("total").getLong("conversations")).as("r2 and r3: only ali's own").isEqualTo(2);
    assertThat(own.getJsonObject("total").getJsonObject("firstResponse").getDouble("within60Rate")).isEqualTo(0.5);
    assertThat(inbox.get(aliToken, "/api/reports?" + DAY + "&agentId=" + mei).statusCode()).isEqualTo(403);
    assertThat(inbox.get(inbox.login("mei"), "/api/reports?" + DAY).bodyAsJsonObject().getJsonObject("total")
        .getLong("conversations")).isEqualTo(1);

    // per hour and per shift: the same scope (lin's shop only; ali's own figures)
    assertThat(inbox.get(lin, "/api/reports?groupBy=dayhour&from=2026-11-01&to=2026-12-01").statusCode())
        .as("31 days per clock hour").isEqualTo(200);
    JsonObject perHour = inbox.get(lin, "/api/reports?" + DAY + "&groupBy=hour").bodyAsJsonObject();
    assertThat(perHour.getString("groupBy")).isEqualTo("hour");
    assertThat(perHour.getJsonObject("total").getLong("conversations")).isEqualTo(2);
    assertThat(perHour.getJsonArray("groups").stream().mapToLong(g -> ((JsonObject) g).getLong("conversations")).sum())
        .isEqualTo(2);
    JsonObject ownShifts = inbox.get(aliToken, "/api/reports?" + DAY + "&groupBy=shift").bodyAsJsonObject();
    assertThat(ownShifts.getJsonObject("total").getLong("conversations")).isEqualTo(2);
    assertThat(inbox.get(aliToken, "/api/reports?" + DAY + "&groupBy=shift&agentId=" + mei).statusCode()).isEqualTo(403);
    assertThat(inbox.get(lin, "/api/reports?" + DAY + "&groupBy=shift&accountId=" + TestInbox.ACCOUNT_TW).statusCode())
        .isEqualTo(403);

    JsonObject admin = inbox.get(inbox.loginAdmin(), "/api/reports?" + DAY + "&platform=shopee").bodyAsJsonObject();
    assertThat(admin.getJsonObject("total").getLong("conversations")).isEqualTo(3);
    assertThat(inbox.get(null, "/api/reports?" + DAY).statusCode()).isEqualTo(401);
  }

  @Test
  void csvAndXlsxCarryTheReportsNumbers() throws Exception {
    String lin = inbox.login("lin");
    var csv = inbox.get(lin, "/api/reports/export?format=csv&groupBy=agent&" + DAY);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.getHeader("content-disposition")).contains("unibox-report-2026-11-23-2026-11-23.csv");
    List<String> lines = csv.bodyAsString().lines().toList();
    assertThat(lines.get(0)).startsWith("key,label,conversations,buyers,");
    assertThat(lines).hasSize(5); // header, the shop row, mei, ali, total
    int medianColumn = List.of(lines.get(0).split(",")).indexOf("firstResponse.medianSeconds");
    assertThat(lines.get(4).split(",")[1]).isEqualTo("Total");
    assertThat(lines.stream().filter(l -> l.startsWith(mei + ",")).findFirst().orElseThrow().split(",")[medianColumn])
        .as("50 s, bucket <= 50").isEqualTo("50");

    var xlsx = inbox.get(lin, "/api/reports/export?format=xlsx&groupBy=agent&" + DAY);
    assertThat(xlsx.statusCode()).isEqualTo(200);
    assertThat(xlsx.getHeader("content-type")).contains("spreadsheetml");
    try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body().getBytes()))) {
      List<Row> rows = wb.getFirstSheet().read();
      assertThat(rows).hasSize(5);
      assertThat(rows.get(0).getCellText(2)).isEqualTo("conversations");
      Row total = rows.stream().filter(r -> "Total".equals(r.getCellText(1))).findFirst().orElseThrow();
      assertThat(total.getCellAsNumber(2).orElseThrow().intValue()).isEqualTo(2);
      String[] csvTotal = lines.get(4).split(",", -1);
      for (int i = 2; i < csvTotal.length; i++) {
        // a row ends at its last written cell: empty columns at the end have no cell
        var cell = i < rows.get(4).getCellCount() ? rows.get(4).getCell(i) : null;
        if (csvTotal[i].isEmpty()) {
          assertThat(cell == null || cell.getText().isEmpty()).as("column %d empty in both", i).isTrue();
        } else {
          assertThat(cell.asNumber().doubleValue()).as("column %d", i).isEqualTo(Double.parseDouble(csvTotal[i]));
        }
      }
    }
  }

  @Test
  void badParametersAreClearFourHundreds() throws Exception {
    String lin = inbox.login("lin");
    for (String q : List.of("from=yesterday", "from=2026-11-24&to=2026-11-01", "groupBy=user_id;drop",
        "zone=Mars/Olympus", "agentId=abc", "from=2020-01-01&to=2026-01-01", "groupBy=HOUR", "groupBy=shifts",
        "groupBy=dayhour&from=2026-11-01&to=2026-12-02")) {
      var r = inbox.get(lin, "/api/reports?" + q);
      assertThat(r.statusCode()).as(q).isEqualTo(400);
      assertThat(r.bodyAsJsonObject().getString("error")).as(q).startsWith("bad_");
      assertThat(r.bodyAsJsonObject().getString("message")).as(q).isNotBlank();
    }
    var r = inbox.get(lin, "/api/reports/export?format=pdf");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.bodyAsJsonObject().getString("error")).isEqualTo("bad_format");
  }
}
