package dev.unibox.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.Await;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.MutableClock;
import dev.unibox.testing.TestInbox;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One timeline: the buyer's messages, the agent's replies and what happened to the conversation (queued,
 * assigned, closed, reopened) come back from the API as one list in the order they happened. The clock
 * moves a minute between steps, so the order is the requirement's, not an accident of equal timestamps.
 */
@InboxTest
class OneTimelineTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-11T02:00:00Z"));
  private TestInbox inbox;

  @Test
  void messagesAndActivitiesAreOneListInTheOrderTheyHappened() throws Exception {
    long mei = inbox.createUser("mei", "agent", 3);
    inbox.createUser("lin", "supervisor", 0);
    String meiToken = inbox.login("mei");

    buyerWrites("Barang sampai rosak, nak refund");          // nobody online: queued
    long id = inbox.count("SELECT id FROM conversations");
    step();
    inbox.goOnline(mei);
    Await.until("assigned to mei", () -> status(id).equals("assigned"));
    step();
    assertThat(inbox.post(meiToken, "/api/conversations/" + id + "/replies",
        new JsonObject().put("text", "Maaf! Boleh hantar gambar?")).statusCode()).isEqualTo(202);
    Await.until("reply sent", () -> inbox.shopee.acceptedSends().size() == 1);
    step();
    buyerWrites("Ini gambarnya");
    step();
    assertThat(inbox.post(meiToken, "/api/conversations/" + id + "/close", new JsonObject()).statusCode())
        .isEqualTo(200);
    step();
    buyerWrites("Refund belum masuk lagi");                    // reopens the solved conversation
    Await.until("reopened and assigned", () -> status(id).equals("assigned"));

    JsonArray timeline = inbox.get(inbox.login("lin"), "/api/conversations/" + id).bodyAsJsonObject()
        .getJsonArray("timeline");
    List<String> entries = new ArrayList<>();
    List<String> times = new ArrayList<>();
    for (int i = 0; i < timeline.size(); i++) {
      JsonObject e = timeline.getJsonObject(i);
      entries.add("message".equals(e.getString("kind"))
          ? e.getString("direction") + ": " + e.getString("text") : e.getString("type"));
      times.add(e.getString("at"));
    }
    assertThat(entries).containsSubsequence(
        "in: Barang sampai rosak, nak refund", "queued", "assigned", "out: Maaf! Boleh hantar gambar?",
        "in: Ini gambarnya", "closed", "in: Refund belum masuk lagi", "reopened");
    assertThat(entries).filteredOn(e -> e.startsWith("in: ") || e.startsWith("out: ")).hasSize(4);
    assertThat(times).isSorted();
  }

  private void step() {
    clock.advance(Duration.ofMinutes(1));
  }

  private void buyerWrites(String text) throws Exception {
    inbox.buyerWrites(TestInbox.SHOP_MY, "811901", "aisyah", text);
  }

  private String status(long id) {
    try {
      return inbox.rows("SELECT status FROM conversations WHERE id = $1", id).get(0).getString(0);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
