package dev.unibox.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.BrowserScript;
import dev.unibox.testing.FindFixture;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.TestInbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Find, read-only history, the customer panel and shortcuts in a real browser (frontend/e2e/find.e2e.mjs,
 * system Chromium), at desktop and at 390 px: an agent searches a Chinese phrase, finds only the solved chat of
 * their own shop (not the other shop's chat with the same words), opens it read-only, follows the customer
 * panel to the buyer's open chat, opens the ? help, moves with j and focuses the reply box with r. Screenshots
 * are kept in target/browser-screenshots. The read-only banner's computed colour fails the test when the
 * styles are lost; axe-core (when installed in frontend/node_modules) must report no serious or critical issue.
 */
@InboxTest
class BrowserFindTest {

  private TestInbox inbox;

  @Test
  void anAgentFindsASolvedChatReadsItSeesTheCustomerAndUsesShortcuts() throws Exception {
    long mei = inbox.createUser("mei", "agent", 3, TestInbox.ACCOUNT_MY);
    FindFixture data = new FindFixture(inbox);
    long solved = data.conversation(TestInbox.ACCOUNT_MY, "7001", "王小明", "closed", mei, "zh", 0,
        "你好", "请问什么时候发货？");
    long otherShop = data.conversation(TestInbox.ACCOUNT_TW, "7002", "陳大文", "closed", null, "zh", 0,
        "請問什么时候发货？");
    long open = data.conversation(TestInbox.ACCOUNT_MY, "7001", "王小明", "assigned", mei, "zh", 1, "我想退款");
    long other = data.conversation(TestInbox.ACCOUNT_MY, "7003", "Aisyah", "assigned", mei, "en", 0, "Hello?");

    Map<String, String> env = new HashMap<>(Map.of("USER", "mei", "PASS", "pw-mei", "PHRASE", "什么时候发货"));
    Path axe = Path.of("../frontend/node_modules/axe-core/axe.min.js").toAbsolutePath().normalize();
    if (Files.exists(axe)) {
      env.put("AXE_PATH", axe.toString());
    }
    try (BrowserScript browser = inbox.browser("find.e2e.mjs", env)) {
      assertThat(browser.lineAfter("FOUND ", 120)).as("the solved chat of mei's shop only").isEqualTo(
          String.valueOf(solved));
      assertThat(otherShop).isPositive();
      assertThat(browser.lineAfter("READONLY ", 60)).isEqualTo("true");
      assertThat(browser.lineAfter("BANNER_BG ", 10)).as("styles loaded").isEqualTo("rgb(230, 244, 234)");
      if (env.containsKey("AXE_PATH")) {
        assertThat(browser.lineAfter("AXE ", 60)).as("serious/critical axe violations (stderr lists them)").isEqualTo("0");
      }
      assertThat(browser.lineAfter("CUSTOMER ", 60)).isEqualTo("1");
      assertThat(browser.lineAfter("OPENED ", 60)).isEqualTo(open + " true");
      assertThat(Integer.parseInt(browser.lineAfter("HELP ", 30))).isEqualTo(8);
      assertThat(browser.lineAfter("NEXT ", 60)).as("urgent first, then the next").isEqualTo(String.valueOf(other));
      assertThat(browser.lineAfter("FOCUS ", 30)).isEqualTo("reply-input");
      assertThat(Integer.parseInt(browser.lineAfter("PHONE_WIDTH ", 60))).isLessThanOrEqualTo(390);
      assertThat(browser.lineAfter("PHONE ", 60)).isEqualTo("list|conversation|list");
      browser.expectDone(20);
    }
  }
}
