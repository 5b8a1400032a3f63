package dev.unibox.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.Await;
import dev.unibox.testing.BrowserScript;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.TestInbox;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * In headless Chromium (bugs 4 and 5): the composer counts against Shopee's limit and refuses a longer reply
 * before it is sent; a reply sent while the server cannot be reached keeps its draft and offers a retry,
 * and the retry delivers it exactly once.
 */
@InboxTest
class BrowserComposerFailuresTest {

  private static final String BUYER_TEXT = "Hi, can you check my parcel please?";
  private static final String REPLY_TEXT = "Of course, checking your parcel now.";

  private TestInbox inbox;

  @Test
  void aTooLongReplyIsRefusedAndAFailedSendKeepsItsDraftForRetry() throws Exception {
    inbox.createUser("mei", "agent", 3);
    try (BrowserScript browser = inbox.browser("composer-failures.e2e.mjs", Map.of(
        "AGENT_USER", "mei", "AGENT_PASS", "pw-mei",
        "BUYER_TEXT", BUYER_TEXT, "REPLY_TEXT", REPLY_TEXT, "MAX_LENGTH", "1000"))) {
      browser.expect("READY", 90);
      assertThat(Await.result(inbox.shopee.pushBuyerText(TestInbox.SHOP_MY, "811778", "lim.k", BUYER_TEXT))
          .statusCode()).isEqualTo(200);
      browser.expectDone(120);
    }
    assertThat(inbox.count("SELECT count(*) FROM messages WHERE direction = 'out'")).isEqualTo(1);
  }
}
