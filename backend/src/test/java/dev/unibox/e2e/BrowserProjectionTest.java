package dev.unibox.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.reports.FallingBehindShop;
import dev.unibox.testing.BrowserScript;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.MutableClock;
import dev.unibox.testing.TestInbox;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The projection alert in a real browser (frontend/e2e/projection.e2e.mjs, system Chromium): the supervisor
 * of a shop falling behind sees the alert on the page with the chat that would save it, opens that chat,
 * and the alert ends once the shop's own lower line is saved on the Reports page.
 */
@InboxTest
class BrowserProjectionTest {

  private final MutableClock clock = new MutableClock(FallingBehindShop.MORNING);
  private TestInbox inbox;

  @Test
  void aSupervisorSeesTheAlertOpensTheSavingChatAndSetsTheShopsLine() throws Exception {
    FallingBehindShop.write(inbox, clock);
    try (BrowserScript browser = inbox.browser("projection.e2e.mjs", Map.of(
        "USER", "sam", "PASS", "pw-sam", "ACCOUNT", TestInbox.ACCOUNT_MY, "LINE", "30"))) {
      assertThat(browser.lineAfter("ALERT ", 120)).contains("Blossom Home MY").contains("50 %").contains("80 %")
          .contains(FallingBehindShop.SAVER);
      assertThat(browser.lineAfter("OPENED ", 60)).contains(FallingBehindShop.SAVER);
      browser.expect("CLEARED", 60);
      browser.expectDone(10);
    }
    assertThat(inbox.count("SELECT count(*) FROM shop_indicator_lines WHERE account_id = $1 AND line = 0.3",
        TestInbox.ACCOUNT_MY)).isEqualTo(1);
  }
}
