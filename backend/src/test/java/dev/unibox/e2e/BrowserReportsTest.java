package dev.unibox.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.Await;
import dev.unibox.testing.BrowserScript;
import dev.unibox.testing.TestInbox;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Reports page in a real browser (frontend/e2e/reports.e2e.mjs, system Chromium): a supervisor of one
 * shop is offered only that shop, filters it, sees the ECharts chart with the shop on its axis and the
 * shop's conversations in the Total row, and downloads an XLSX holding the same figure.
 */
@ExtendWith(VertxExtension.class)
class BrowserReportsTest {

  private TestInbox inbox;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    inbox = TestInbox.start(vertx);
  }

  @AfterEach
  void stop() throws Exception {
    inbox.close();
  }

  @Test
  void aSupervisorFiltersTheirShopSeesTheChartAndDownloadsTheXlsx() throws Exception {
    inbox.createUser("sam", "supervisor", 0, TestInbox.ACCOUNT_MY);
    for (String buyer : List.of("811901", "811902", "811903")) {
      assertThat(Await.result(inbox.shopee.pushBuyerText(TestInbox.SHOP_MY, buyer, "b" + buyer, "Ada stok?"))
          .statusCode()).isEqualTo(200);
    }
    assertThat(Await.result(inbox.shopee.pushBuyerText(TestInbox.SHOP_TW, "811904", "tw", "有貨嗎？")).statusCode())
        .isEqualTo(200);
    Await.result(inbox.app.reports().sweep().sweep());
    var shop = inbox.rows("SELECT shop_name, time_zone FROM accounts WHERE id = $1", TestInbox.ACCOUNT_MY).get(0);
    String shopName = shop.getString(0);
    // report days are the shop's days: up to the shop's today, whatever the browser's zone
    String shopToday = LocalDate.now(ZoneId.of(shop.getString(1))).toString();

    try (BrowserScript browser = BrowserScript.start("reports.e2e.mjs", Map.of(
        "BASE_URL", inbox.app.baseUrl(), "USER", "sam", "PASS", "pw-sam", "ACCOUNT", TestInbox.ACCOUNT_MY, "TO_DATE", shopToday))) {
      assertThat(browser.lineAfter("SHOPS ", 120)).as("only the supervisor's own shop").isEqualTo(TestInbox.ACCOUNT_MY);
      assertThat(browser.lineAfter("CHART ", 60).split("\\|")).contains(shopName);
      assertThat(browser.lineAfter("TOTAL ", 10)).isEqualTo("3");
      assertThat(browser.lineAfter("SLA ", 60).split("\\|")).contains("SLA warnings", "SLA breaches", shopName);
      Path xlsx = Path.of(browser.lineAfter("SAVED ", 60));
      browser.expect("DONE", 10);
      assertThat(browser.exitCode(20)).isZero();

      List<List<String>> rows = new ArrayList<>();
      try (ReadableWorkbook book = new ReadableWorkbook(Files.newInputStream(xlsx))) {
        book.getFirstSheet().openStream().forEach(r -> rows.add(cells(r)));
      }
      int conversations = rows.get(0).indexOf("conversations");
      List<String> total = rows.stream().filter(r -> r.contains("Total")).findFirst().orElseThrow();
      assertThat(Double.parseDouble(total.get(conversations))).isEqualTo(3.0);
    }
  }

  private static List<String> cells(Row r) {
    List<String> out = new ArrayList<>();
    r.forEach(c -> out.add(c == null ? "" : c.getRawValue()));
    return out;
  }
}
