package dev.unibox.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.AgentSocket;
import dev.unibox.testing.Await;
import dev.unibox.testing.BrowserScript;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.TestInbox;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

/**
 * The Reports page in a real browser (frontend/e2e/reports.e2e.mjs, system Chromium): a supervisor of one
 * shop is offered only that shop, filters it, sees the ECharts chart with the shop on its axis and the
 * shop's conversations in the Total row, charts the conversion of pre-sale chats into orders (an agent answered
 * three, one buyer then ordered and Shopee pushed the order) and the compliance and satisfaction view, and
 * downloads an XLSX holding the same figures; then groups per hour of day (the chart lays out all 24 hours) and per
 * shift (an all-day shift of the roster) with the workload chart.
 */
@InboxTest
class BrowserReportsTest {

  private TestInbox inbox;

  @Test
  void aSupervisorFiltersTheirShopSeesTheChartAndDownloadsTheXlsx() throws Exception {
    inbox.createUser("sam", "supervisor", 0, TestInbox.ACCOUNT_MY);
    String mei = inbox.loggedIn("mei", "agent", 3, TestInbox.ACCOUNT_MY);
    try (AgentSocket agent = inbox.onlineSocket(mei)) {
      for (String buyer : List.of("811901", "811902", "811903")) {
        inbox.buyerWrites(TestInbox.SHOP_MY, buyer, "b" + buyer, "Ada stok?");
      }
      for (int i = 0; i < 3; i++) {  // mei takes the three pre-sale chats and answers them
        long id = agent.nextAssigned();
        assertThat(inbox.post(mei, "/api/conversations/" + id + "/replies", new JsonObject().put("text", "Ada, kak."))
            .statusCode()).isEqualTo(202);
      }
    }
    // one of the three buyers orders after the answer: Shopee pushes the order's status
    inbox.shopee.addOrder(TestInbox.SHOP_MY, "2612010001", 811901, "UNPAID", "19.90", "MYR",
        Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS), List.of("Vase"));
    assertThat(Await.result(inbox.shopee.pushOrderStatus(TestInbox.SHOP_MY, "2612010001", "READY_TO_SHIP"))
        .statusCode()).isEqualTo(200);
    inbox.buyerWrites(TestInbox.SHOP_TW, "811904", "tw", "有貨嗎？");
    Await.result(inbox.app.reports().sweep().sweep());
    // the roster: one shift around the clock, first in roster order, so every chat of today is in it
    inbox.rows("INSERT INTO shifts (name, position, start_time, end_time, zone) VALUES ('round', -1, '00:00', '00:00', 'UTC') "
        + "RETURNING name");
    var shop = inbox.rows("SELECT shop_name, time_zone FROM accounts WHERE id = $1", TestInbox.ACCOUNT_MY).get(0);
    String shopName = shop.getString(0);
    // report days are the shop's days: up to the shop's today, whatever the browser's zone
    String shopToday = LocalDate.now(ZoneId.of(shop.getString(1))).toString();

    try (BrowserScript browser = inbox.browser("reports.e2e.mjs", Map.of(
        "USER", "sam", "PASS", "pw-sam", "ACCOUNT", TestInbox.ACCOUNT_MY, "TO_DATE", shopToday))) {
      assertThat(browser.lineAfter("SHOPS ", 120)).as("only the supervisor's own shop").isEqualTo(TestInbox.ACCOUNT_MY);
      assertThat(browser.lineAfter("CHART ", 60).split("\\|")).contains(shopName);
      assertThat(browser.lineAfter("TOTAL ", 10)).isEqualTo("3");
      assertThat(browser.lineAfter("SLA ", 60).split("\\|")).contains("SLA warnings", "SLA breaches", shopName);
      assertThat(browser.lineAfter("CONVERSION ", 60).split("\\|")).contains("Pre-sale chats", "Ordered within 72 h",
          "Conversion", shopName);
      assertThat(browser.lineAfter("CONVERTED ", 10)).as("3 pre-sale chats, 1 converted").isEqualTo("3/1/33.3 %");
      assertThat(browser.lineAfter("QUALITY ", 60).split("\\|")).contains("Compliance findings", "Overridden",
          "Satisfied", "Bad attitude", shopName);
      Path xlsx = Path.of(browser.lineAfter("SAVED ", 60));
      assertThat(browser.lineAfter("HOURS ", 60)).as("24 hours on the axis, the same 3 conversations").isEqualTo("24/3");
      String shifts = browser.lineAfter("SHIFTS ", 60);
      assertThat(shifts).endsWith("/3");
      assertThat(shifts.substring(0, shifts.lastIndexOf('/')).split("\\|")).contains(
          "round 00:00–00:00 (UTC)", "Online (h)", "Replies sent", "Utilisation");
      browser.expectDone(10);

      List<List<String>> rows = new ArrayList<>();
      try (ReadableWorkbook book = new ReadableWorkbook(Files.newInputStream(xlsx))) {
        book.getFirstSheet().openStream().forEach(r -> rows.add(cells(r)));
      }
      int conversations = rows.get(0).indexOf("conversations");
      List<String> total = rows.stream().filter(r -> r.contains("Total")).findFirst().orElseThrow();
      assertThat(Double.parseDouble(total.get(conversations))).isEqualTo(3.0);
      assertThat(Double.parseDouble(total.get(rows.get(0).indexOf("conversion.converted")))).isEqualTo(1.0);
    }
  }

  private static List<String> cells(Row r) {
    List<String> out = new ArrayList<>();
    r.forEach(c -> out.add(c == null ? "" : c.getRawValue()));
    return out;
  }
}
