package dev.unibox.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.BrowserScript;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.TestInbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each user's day in headless Chromium, at desktop size and at phone size (390 px), each size in a fresh browser
 * on its own data (frontend/e2e/agent-day, supervisor-day, admin-day .e2e.mjs, all run by the one
 * runAtBothSizes of frontend/e2e/browser.mjs). At every step the scripts fail when the page is wider than the
 * window, when a pane is narrower than it must be, or when a control they use is outside the window; the
 * screenshots of every step are kept in target/browser-screenshots as {journey}-{size}-{step}.png.
 */
@InboxTest
class BrowserJourneysTest {

  private static final List<String> SIZES = List.of("desktop", "phone");
  private static final Path SHOTS = Path.of("target", "browser-screenshots");

  private TestInbox inbox;
  private FileTime started;

  @BeforeEach
  void start() throws Exception {
    started = FileTime.from(Instant.now().minusSeconds(1));
  }

  @Test
  void anAgentAnswersWithAQuickReplySolvesAndGoesBackToTheList() throws Exception {
    long mei = inbox.createUser("mei", "agent", 3, TestInbox.ACCOUNT_MY);
    online(mei);
    long desktop = chat(TestInbox.SHOP_MY, "811301", "nadia", "Hello, is the blue vase still in stock?");
    long phone = chat(TestInbox.SHOP_MY, "811302", "farah", "Hello, is the green teapot still in stock?");
    inbox.awaitAssigned(mei, 2);

    try (BrowserScript browser = inbox.browser("agent-day.e2e.mjs", Map.of(
        "AGENT_USER", "mei", "AGENT_PASS", "pw-mei", "SHORTCUT", "thanks",
        "CHAT_desktop", String.valueOf(desktop), "CHAT_phone", String.valueOf(phone),
        "QUICK_TEXT_desktop", thanks("nadia"), "QUICK_TEXT_phone", thanks("farah")))) {
      for (String size : SIZES) {
        long id = size.equals("desktop") ? desktop : phone;
        assertThat(browser.lineAfter("SENT " + size + " ", 180)).isEqualTo(String.valueOf(id));
        assertThat(browser.lineAfter("SOLVED " + size + " ", 60)).isEqualTo(String.valueOf(id));
        assertThat(browser.lineAfter("BACK " + size + " ", 60)).isEqualTo(String.valueOf(id));
      }
      browser.expectDone(30);
    }
    assertThat(inbox.count("SELECT count(*) FROM conversations WHERE status = 'closed' AND id IN ($1, $2)", desktop, phone))
        .isEqualTo(2);
    assertThat(inbox.shopee.acceptedSends()).extracting(s -> s.getJsonObject("content").getString("text"))
        .containsExactlyInAnyOrder(thanks("nadia"), thanks("farah"));
    assertScreenshots("agent-day", "list", "chat", "quick-reply", "solved", "back");
  }

  @Test
  void aSupervisorSeesQueueAndAgentsMovesAChatAndSeesItsNewOwner() throws Exception {
    long mei = inbox.createUser("mei", "agent", 3, TestInbox.ACCOUNT_MY);
    long arif = inbox.createUser("arif", "agent", 3, TestInbox.ACCOUNT_MY);
    inbox.createUser("sup", "supervisor", 0);
    online(mei);
    long desktop = chat(TestInbox.SHOP_MY, "811401", "nadia", "Hello, is the blue vase still in stock?");
    long phone = chat(TestInbox.SHOP_MY, "811402", "farah", "Hello, do you ship to Penang?");
    long queued = chat(TestInbox.SHOP_TW, "811403", "xiaolin", "请问有现货吗？"); // no agent serves this shop
    inbox.awaitAssigned(mei, 2);
    online(arif);

    try (BrowserScript browser = inbox.browser("supervisor-day.e2e.mjs", Map.of(
        "SUP_USER", "sup", "SUP_PASS", "pw-sup", "QUEUED", String.valueOf(queued),
        "CHAT_desktop", String.valueOf(desktop), "CHAT_phone", String.valueOf(phone),
        "TARGET_ID", String.valueOf(arif), "TARGET_NAME", "arif (agent)", "REASON", "Mei goes on break"))) {
      for (String size : SIZES) {
        long id = size.equals("desktop") ? desktop : phone;
        assertThat(browser.lineAfter("QUEUE " + size + " ", 180)).as("owner of the queued chat").isNotBlank()
            .doesNotContain("agent)");
        assertThat(browser.lineAfter("AGENTS " + size + " ", 30).split(",")).contains("mei", "arif");
        assertThat(browser.lineAfter("OWNER " + size + " ", 60)).isEqualTo(id + " arif (agent)");
      }
      browser.expectDone(30);
    }
    assertThat(inbox.count("SELECT count(*) FROM conversations WHERE assignee_id = $1 AND id IN ($2, $3)", arif, desktop, phone))
        .isEqualTo(2);
    assertThat(inbox.count("SELECT count(*) FROM conversations WHERE id = $1 AND status = 'queued'", queued)).isEqualTo(1);
    assertScreenshots("supervisor-day", "console", "moved");
  }

  @Test
  void anAdminCreatesAUserAndChecksTheAccounts() throws Exception {
    try (BrowserScript browser = inbox.browser("admin-day.e2e.mjs", Map.of(
        "ADMIN_USER", "admin", "ADMIN_PASS", TestInbox.ADMIN_PASSWORD, "NEW_USER_desktop", "wen",
        "NEW_USER_phone", "hana", "ACCOUNT", TestInbox.ACCOUNT_MY))) {
      for (String size : SIZES) {
        assertThat(browser.lineAfter("CREATED " + size + " ", 180)).isEqualTo(size.equals("desktop") ? "wen" : "hana");
        assertThat(browser.lineAfter("HEALTH " + size + " ", 60)).isNotBlank();
      }
      browser.expectDone(30);
    }
    assertThat(inbox.count("SELECT count(*) FROM users u JOIN user_accounts a ON a.user_id = u.id"
        + " WHERE u.username IN ('wen', 'hana') AND u.role = 'agent' AND u.max_concurrent = 4 AND a.account_id = $1",
        TestInbox.ACCOUNT_MY)).isEqualTo(2);
    assertScreenshots("admin-day", "users", "user-form", "created", "accounts");
  }

  private static String thanks(String buyer) {
    return "Thank you for shopping at Blossom Home MY, " + buyer + "! Is there anything else I can help with?";
  }

  private long chat(long shop, String buyerId, String buyer, String text) throws Exception {
    inbox.buyerWrites(shop, buyerId, buyer, text);
    return inbox.conversationOf(buyerId);
  }

  private void online(long user) throws Exception {
    inbox.markOnline(user);
  }

  /** Every step's screenshot at both sizes was written by this run. */
  private void assertScreenshots(String journey, String... steps) throws Exception {
    for (String size : SIZES) {
      for (String step : steps) {
        Path shot = SHOTS.resolve(journey + "-" + size + "-" + step + ".png");
        assertThat(Files.exists(shot) && Files.size(shot) > 0 && Files.getLastModifiedTime(shot).compareTo(started) > 0)
            .as(shot + " written by this run").isTrue();
      }
    }
  }
}
