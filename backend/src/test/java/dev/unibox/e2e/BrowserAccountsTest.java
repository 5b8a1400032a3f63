package dev.unibox.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.signals.Addresses;
import dev.unibox.testing.BrowserScript;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.TestInbox;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The admin Accounts page in a real browser (frontend/e2e/accounts.e2e.mjs, system Chromium): health rows, a
 * dead-token alert arriving live over the socket, pause and resume.
 */
@InboxTest
class BrowserAccountsTest {

  private TestInbox inbox;

  @Test
  void adminSeesHealthGetsTheDeadTokenAlertLiveAndPausesAndResumes() throws Exception {
    try (BrowserScript browser = inbox.browser("accounts.e2e.mjs", Map.of("ADMIN_USER", "admin",
        "ADMIN_PASS", TestInbox.ADMIN_PASSWORD, "DEAD_ACCOUNT", TestInbox.ACCOUNT_MY,
        "OTHER_ACCOUNT", TestInbox.ACCOUNT_TW))) {
      browser.expect("READY", 90);
      inbox.shopee.expireAccessToken(TestInbox.SHOP_MY);
      inbox.shopee.expireRefreshToken(TestInbox.SHOP_MY);
      inbox.vertx.eventBus().publish(Addresses.POLL_KICK, TestInbox.ACCOUNT_MY);
      browser.expectDone(90);
    }
    assertThat(inbox.count("SELECT count(*) FROM accounts WHERE id = $1 AND status = 'active'", TestInbox.ACCOUNT_TW))
        .isEqualTo(1);
  }
}
