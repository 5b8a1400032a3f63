package dev.unibox.shifts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.Await;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.MutableClock;
import dev.unibox.testing.TestInbox;
import dev.unibox.testing.TestIngest;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * An agent who sends a chat back to the queue ("going on break") does not get it straight back because they now hold
 * the fewest chats: the router gives it to anyone else who can take it, and back to them only when nobody else can,
 * so the buyer never waits for a seat that is free.
 */
@InboxTest
class PassedBackTest {

  private static final Instant T0 = Instant.parse("2026-11-11T04:00:00Z");
  private final MutableClock clock = new MutableClock(T0);
  private TestInbox inbox;

  @Test
  void aChatSentBackToTheQueueGoesToABusierColleagueAndBackOnlyWhenNobodyElseHasRoom() throws Exception {
    long anna = inbox.createUser("anna", "agent", 3);
    long bob = inbox.createUser("bob", "agent", 3);
    TestIngest ingest = new TestIngest(inbox, clock);
    ingest.buyer(TestInbox.ACCOUNT_MY, "b2", "Ada warna lain?", T0);
    ingest.buyer(TestInbox.ACCOUNT_MY, "b3", "Bila sampai?", T0);
    inbox.goOnline(bob);
    inbox.awaitAssigned(bob, 2);
    inbox.goOnline(anna);
    long first = ingest.buyer(TestInbox.ACCOUNT_MY, "b1", "Boleh COD?", T0);
    inbox.awaitAssigned(anna, 1);
    assertThat(inbox.assigneeOf(first)).isEqualTo(anna);

    // anna holds 1, bob 2: by load alone the chat would come straight back to anna
    String annaToken = inbox.login("anna");
    var sent = inbox.post(annaToken, "/api/conversations/" + first + "/transfer",
        new JsonObject().put("toQueue", true).put("reason", "going on break"));
    assertThat(sent.statusCode()).isEqualTo(200);
    Await.until("the chat is assigned again", () -> inbox.assigneeOf(first) != null);
    assertThat(inbox.assigneeOf(first)).isEqualTo(bob);
    assertThat(inbox.count("SELECT count(*) FROM conversations WHERE id = $1 AND passed_by IS NULL", first))
        .isEqualTo(1);

    // bob is now full: a chat anna sends back returns to her rather than wait
    long second = ingest.buyer(TestInbox.ACCOUNT_MY, "b4", "Boleh tukar saiz?", T0);
    inbox.awaitAssigned(anna, 1);
    assertThat(inbox.assigneeOf(second)).isEqualTo(anna);
    assertThat(inbox.post(annaToken, "/api/conversations/" + second + "/transfer",
        new JsonObject().put("toQueue", true).put("reason", "going on break")).statusCode()).isEqualTo(200);
    Await.until("the chat is assigned again", () -> inbox.assigneeOf(second) != null);
    assertThat(inbox.assigneeOf(second)).isEqualTo(anna);
  }

  @Test
  void aSolvedChatThatTheBuyerReopensIsNotKeptFromTheAgentWhoOnceSentItBack() throws Exception {
    long anna = inbox.createUser("anna", "agent", 3);
    long bob = inbox.createUser("bob", "agent", 3);
    inbox.createUser("lin", "supervisor", 0);
    String lin = inbox.login("lin");
    TestIngest ingest = new TestIngest(inbox, clock);
    ingest.buyer(TestInbox.ACCOUNT_MY, "b2", "Ada warna lain?", T0);
    ingest.buyer(TestInbox.ACCOUNT_MY, "b3", "Bila sampai?", T0);
    inbox.goOnline(bob);
    inbox.awaitAssigned(bob, 2);
    inbox.goOnline(anna);
    long chat = ingest.buyer(TestInbox.ACCOUNT_MY, "b1", "Boleh COD?", T0);
    inbox.awaitAssigned(anna, 1);

    // with no free seat anywhere, anna's chat waits in the queue, passed back by her, and is solved there
    inbox.setLanguages(lin, anna, 0);
    inbox.setLanguages(lin, bob, 2);
    assertThat(inbox.post(inbox.login("anna"), "/api/conversations/" + chat + "/transfer",
        new JsonObject().put("toQueue", true).put("reason", "going on break")).statusCode()).isEqualTo(200);
    assertThat(inbox.count("SELECT count(*) FROM conversations WHERE id = $1 AND passed_by = $2", chat, anna))
        .isEqualTo(1);
    assertThat(inbox.post(lin, "/api/conversations/" + chat + "/close", new JsonObject()).statusCode())
        .isEqualTo(200);

    // the buyer writes again: a new wait, in which anna is the least loaded as anyone would be
    inbox.setLanguages(lin, anna, 3);
    inbox.setLanguages(lin, bob, 3);
    ingest.buyer(TestInbox.ACCOUNT_MY, "b1", "Masih belum sampai", T0.plusSeconds(60));
    Await.until("the reopened chat is assigned", () -> inbox.assigneeOf(chat) != null);
    assertThat(inbox.assigneeOf(chat)).isEqualTo(anna);
  }
}
