package dev.unibox.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.Await;
import dev.unibox.testing.BrowserScript;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.TestInbox;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * In headless Chromium: an agent logs in, a buyer's Shopee message appears live, the agent replies and
 * sees it marked sent; the fake Shopee received exactly one signed send_message with that text.
 */
@InboxTest
class BrowserLiveReplyTest {

  private static final String BUYER_TEXT = "Saya terima barang salah warna, boleh tukar?";
  private static final String REPLY_TEXT = "Maaf ya! Kami akan hantar warna yang betul hari ini.";

  private TestInbox inbox;

  @Test
  void agentSeesABuyerMessageLiveRepliesAndSeesItSent() throws Exception {
    inbox.createUser("mei", "agent", 3);
    try (BrowserScript browser = inbox.browser("live-reply.e2e.mjs", Map.of(
        "AGENT_USER", "mei", "AGENT_PASS", "pw-mei",
        "BUYER_TEXT", BUYER_TEXT, "REPLY_TEXT", REPLY_TEXT))) {
      browser.expect("READY", 60);
      assertThat(Await.result(inbox.shopee.pushBuyerText(TestInbox.SHOP_MY, "811777", "siti.a", BUYER_TEXT))
          .statusCode()).isEqualTo(200);
      browser.expectDone(60);
    }
    assertThat(inbox.shopee.acceptedSends()).hasSize(1);
    assertThat(inbox.shopee.acceptedSends().get(0).encode()).contains(REPLY_TEXT);
    assertThat(inbox.shopee.rejectedCalls()).isZero();
  }
}
