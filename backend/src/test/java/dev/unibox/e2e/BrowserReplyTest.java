package dev.unibox.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.BrowserScript;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.TestInbox;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * In headless Chromium an agent logs in, a buyer's Shopee message appears live and the agent replies: the reply
 * is marked sent and the fake Shopee received exactly one signed send_message with that text. The composer
 * counts against Shopee's limit and refuses a longer reply before it is sent; a reply sent while the server
 * cannot be reached keeps its draft and offers a retry, and the retry delivers it exactly once (bugs 4 and 5).
 */
@InboxTest
class BrowserReplyTest {

  private static final String BUYER_TEXT = "Saya terima barang salah warna, boleh tukar?";
  private static final String REPLY_TEXT = "Maaf ya! Kami akan hantar warna yang betul hari ini.";

  private TestInbox inbox;

  @Test
  void agentSeesABuyerMessageLiveRepliesAndSeesItSent() throws Exception {
    replyInBrowser("live-reply.e2e.mjs", Map.of(), 60, 60);
    assertThat(inbox.shopee.acceptedSends()).hasSize(1);
    assertThat(inbox.shopee.acceptedSends().get(0).encode()).contains(REPLY_TEXT);
    assertThat(inbox.shopee.rejectedCalls()).isZero();
  }

  @Test
  void aTooLongReplyIsRefusedAndAFailedSendKeepsItsDraftForRetry() throws Exception {
    replyInBrowser("composer-failures.e2e.mjs", Map.of("MAX_LENGTH", "1000"), 90, 120);
    assertThat(inbox.count("SELECT count(*) FROM messages WHERE direction = 'out'")).isEqualTo(1);
  }

  /**
   * Agent mei logs in through the script; once it is READY a buyer writes BUYER_TEXT to the Malaysian shop, and
   * the script (which answers with REPLY_TEXT) must finish.
   */
  private void replyInBrowser(String script, Map<String, String> env, long readySeconds, long doneSeconds)
      throws Exception {
    inbox.createUser("mei", "agent", 3);
    Map<String, String> all = new HashMap<>(env);
    all.putAll(Map.of("AGENT_USER", "mei", "AGENT_PASS", "pw-mei", "BUYER_TEXT", BUYER_TEXT, "REPLY_TEXT", REPLY_TEXT));
    try (BrowserScript browser = inbox.browser(script, all)) {
      browser.expect("READY", readySeconds);
      inbox.buyerWrites(TestInbox.SHOP_MY, "811777", "siti.a", BUYER_TEXT);
      browser.expectDone(doneSeconds);
    }
  }
}
