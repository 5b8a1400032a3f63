package dev.unibox.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.Await;
import dev.unibox.testing.BrowserScript;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.MutableClock;
import dev.unibox.testing.TestInbox;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * In headless Chromium: the timeline of a conversation with history shows, top to bottom, the buyer's first
 * message, that it was assigned, the agent's reply (visibly "Sent"), the buyer's answer; a new reply from
 * the browser is added at the end and its visible status becomes "Sent". Read from what is shown, not
 * from data-* attributes.
 */
@InboxTest
class BrowserTimelineOrderTest {

  private static final String FIRST = "Saya order baju merah, dapat biru";
  private static final String REPLY = "Maaf! Boleh hantar gambar?";
  private static final String ANSWER = "Ini gambarnya, tolong tukar";
  private static final String NEW_REPLY = "Terima kasih, kami hantar yang merah esok.";

  private final MutableClock clock = MutableClock.startingNow();
  private TestInbox inbox;

  @Test
  void timelineIsShownInOrderWithVisibleStatus() throws Exception {
    long mei = inbox.createUser("mei", "agent", 3);
    String token = inbox.login("mei");
    buyerWrites(FIRST);
    long id = inbox.count("SELECT id FROM conversations");
    clock.advance(Duration.ofMinutes(1));
    inbox.goOnline(mei);
    inbox.awaitAssigned(mei, 1);
    clock.advance(Duration.ofMinutes(1));
    assertThat(inbox.post(token, "/api/conversations/" + id + "/replies", new JsonObject().put("text", REPLY))
        .statusCode()).isEqualTo(202);
    Await.until("reply sent", () -> inbox.shopee.acceptedSends().size() == 1);
    clock.advance(Duration.ofMinutes(1));
    buyerWrites(ANSWER);
    clock.advance(Duration.ofMinutes(1));

    try (BrowserScript browser = inbox.browser("timeline-order.e2e.mjs", Map.of(
        "AGENT_USER", "mei", "AGENT_PASS", "pw-mei",
        "LAST_BUYER_TEXT", ANSWER, "REPLY_TEXT", NEW_REPLY))) {
      List<String> before = shown(new JsonArray(browser.lineAfter("ENTRIES ", 90)));
      assertThat(before).containsSubsequence("in: " + FIRST, "activity: Assigned · Assigned to mei (agent)", "out: " + REPLY + " [Sent]",
          "in: " + ANSWER);
      assertThat(before).filteredOn(e -> !e.startsWith("activity: ")).containsExactly(
          "in: " + FIRST, "out: " + REPLY + " [Sent]", "in: " + ANSWER);

      List<String> after = shown(new JsonArray(browser.lineAfter("AFTER ", 90)));
      assertThat(after).filteredOn(e -> !e.startsWith("activity: ")).containsExactly(
          "in: " + FIRST, "out: " + REPLY + " [Sent]", "in: " + ANSWER, "out: " + NEW_REPLY + " [Sent]");
      assertThat(after).last().isEqualTo("out: " + NEW_REPLY + " [Sent]");
      browser.expectDone(30);
    }
    assertThat(inbox.shopee.acceptedSends()).hasSize(2);
  }

  /** "in: text", "out: text [status]" (by the side it is drawn on), "activity: text" (without the time). */
  private static List<String> shown(JsonArray entries) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      JsonObject e = entries.getJsonObject(i);
      if ("activity".equals(e.getString("kind"))) {
        out.add("activity: " + e.getString("text").replaceAll("\\s*·\\s*[^·]*$", "")); // without its time
      } else if ("flex-end".equals(e.getString("side"))) {
        out.add("out: " + e.getString("text") + " [" + e.getString("status") + "]");
      } else {
        out.add("in: " + e.getString("text"));
      }
    }
    return out;
  }

  private void buyerWrites(String text) throws Exception {
    inbox.buyerWrites(TestInbox.SHOP_MY, "811951", "siti", text);
  }
}
