package dev.unibox.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.Await;
import dev.unibox.testing.BrowserScript;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.TestInbox;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * In headless Chromium: banned words are highlighted as the agent types and the reply cannot be sent (the
 * fake Shopee receives nothing); then "/track" inserts the shop's quick reply with the buyer's name, the
 * order number from the buyer's message and the tracking link filled in, and it is sent.
 */
@InboxTest
class BrowserComposerTest {

  private static final String BUYER_TEXT = "Hello, where is my order 231123ABCD1234? It has not arrived yet.";
  private static final String BANNED_TEXT = "Sure! This is the best price, 最低价 in all of Malaysia.";
  private static final String QUICK_TEXT = "Hi siti.a, your order 231123ABCD1234 is on its way. You can follow it here: "
      + "https://parcel.example.net/t/231123ABCD1234";

  private TestInbox inbox;

  @Test
  void bannedWordsAreHighlightedAndBlockedAndAQuickReplyIsInsertedFilledIn() throws Exception {
    String admin = inbox.loginAdmin();
    var rules = Await.result(inbox.http.put("/api/quality/rules/shop:" + TestInbox.ACCOUNT_MY)
        .putHeader("Authorization", "Bearer " + admin)
        .sendJsonObject(new JsonObject().put("document", new JsonObject().put("variables",
            new JsonObject().put("trackingLink", "https://parcel.example.net/t/{orderNumber}")))));
    assertThat(rules.statusCode()).as(rules.bodyAsString()).isEqualTo(200);
    inbox.createUser("mei", "agent", 3);

    try (BrowserScript browser = inbox.browser("quality-composer.e2e.mjs", Map.of(
        "AGENT_USER", "mei", "AGENT_PASS", "pw-mei",
        "BUYER_TEXT", BUYER_TEXT, "BANNED_TEXT", BANNED_TEXT, "BANNED_TERMS", "the best,最低价",
        "SHORTCUT", "track", "QUICK_TEXT", QUICK_TEXT))) {
      browser.expect("READY", 60);
      inbox.buyerWrites(TestInbox.SHOP_MY, "811777", "siti.a", BUYER_TEXT);
      browser.expect("BLOCKED", 60);
      assertThat(inbox.shopee.acceptedSends()).as("nothing reached the platform").isEmpty();
      assertThat(inbox.count("SELECT count(*) FROM messages WHERE direction = 'out'")).isZero();
      browser.expectDone(60);
    }
    assertThat(inbox.shopee.acceptedSends()).singleElement()
        .satisfies(sent -> assertThat(sent.getJsonObject("content").getString("text")).isEqualTo(QUICK_TEXT));
    assertThat(inbox.shopee.rejectedCalls()).isZero();
  }
}
