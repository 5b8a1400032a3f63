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
 * In headless Chromium: a supervisor reassigns Mei's conversation to Arif in the console; Arif's inbox
 * shows it live with the buyer's message, Mei's reply, the reassignment and the note Mei left. Arif's
 * transfer box lists the teams and the colleagues of the shop (not another shop's agent, not himself) and
 * he transfers it back to Mei by name; the supervisor then adds a shift in the roster form.
 */
@InboxTest
class SupervisorReassignBrowserTest {

  private static final String BUYER_TEXT = "Parcel 261111K0000042 arrived broken, I want a refund";
  private static final String EARLIER_REPLY = "So sorry! I will check with the courier today.";
  private static final String NOTE_TEXT = "Courier claim opened, refund due by 18:00 if no answer";
  private static final String REASON = "Mei goes on break";
  private static final String TEAM = "After-sale desk";
  private static final String TRANSFER_NOTE = "Refund approved, Mei closes it";
  private static final String SHIFT = "Late desk";

  private TestInbox inbox;

  @Test
  void supervisorReassignsAndTheReceivingAgentSeesItLiveWithHistoryAndNote() throws Exception {
    long mei = inbox.createUser("mei", "agent", 3);
    long arif = inbox.createUser("arif", "agent", 3);
    inbox.createUser("sup", "supervisor", 0);
    inbox.createUser("carl", "agent", 3, TestInbox.ACCOUNT_TW); // another shop's agent: never offered
    Await.result(inbox.db.pool().query("INSERT INTO teams (name, display_name) VALUES ('after_sale', '" + TEAM + "')")
        .execute());
    inbox.markOnline(mei);
    inbox.buyerWrites(TestInbox.SHOP_MY, "811042", "siti", BUYER_TEXT);
    inbox.awaitAssigned(mei, 1);
    long id = inbox.count("SELECT id FROM conversations");
    String meiToken = inbox.login("mei");
    assertThat(inbox.post(meiToken, "/api/conversations/" + id + "/replies", new JsonObject().put("text", EARLIER_REPLY))
        .statusCode()).isEqualTo(202);
    assertThat(Await.result(inbox.http.put("/api/conversations/" + id + "/handover-note")
        .putHeader("Authorization", "Bearer " + meiToken).sendJsonObject(new JsonObject().put("text", NOTE_TEXT)))
        .statusCode()).isEqualTo(200);

    try (BrowserScript browser = inbox.browser("supervisor-reassign.e2e.mjs", Map.ofEntries(
        Map.entry("AGENT_USER", "arif"), Map.entry("AGENT_PASS", "pw-arif"),
        Map.entry("AGENT_ID", String.valueOf(arif)), Map.entry("SUP_USER", "sup"), Map.entry("SUP_PASS", "pw-sup"),
        Map.entry("CONVERSATION_ID", String.valueOf(id)), Map.entry("BUYER_TEXT", BUYER_TEXT),
        Map.entry("EARLIER_REPLY", EARLIER_REPLY), Map.entry("NOTE_TEXT", NOTE_TEXT), Map.entry("REASON", REASON),
        Map.entry("COLLEAGUE_NAME", "mei (agent)"), Map.entry("TRANSFER_NOTE", TRANSFER_NOTE),
        Map.entry("SHIFT_NAME", SHIFT)))) {
      browser.expect("READY", 60);
      browser.expect("SEEN", 60);
      assertThat(inbox.count("SELECT assignee_id FROM conversations WHERE id = $1", id)).isEqualTo(arif);
      assertThat(browser.lineAfter("TEAMS ", 60).split("\\|")).as("the team list of the transfer box").contains(TEAM);
      String colleagues = browser.lineAfter("COLLEAGUES ", 60);
      assertThat(colleagues).contains("mei (agent)").doesNotContain("carl").doesNotContain("arif");
      browser.expect("TRANSFERRED", 60);
      assertThat(inbox.count("SELECT assignee_id FROM conversations WHERE id = $1", id)).as("transferred by name").isEqualTo(mei);
      assertThat(inbox.count("SELECT count(*) FROM activities WHERE conversation_id = $1 AND type = 'transferred'", id))
          .isEqualTo(1);
      assertThat(inbox.count("SELECT count(*) FROM activities WHERE type = 'handover_note' AND body = $1", TRANSFER_NOTE))
          .isEqualTo(1);
      assertThat(browser.lineAfter("ROSTER_INVALID ", 60)).as("the empty shift name is marked").isNotBlank();
      browser.expectDone(60);
    }
    assertThat(inbox.count("SELECT count(*) FROM shift_agents WHERE shift_name = $1 AND username = 'arif'", SHIFT)).isEqualTo(1);
    assertThat(inbox.count("SELECT count(*) FROM roster_meta WHERE source = 'web'")).isEqualTo(1);
    assertThat(inbox.count("SELECT count(*) FROM supervisor_commands WHERE command = 'reassign' AND reason = $1", REASON))
        .isEqualTo(1);
    assertThat(inbox.count("SELECT count(*) FROM activities WHERE type = 'handover_note' AND body = $1", NOTE_TEXT)).isEqualTo(1);
  }
}
