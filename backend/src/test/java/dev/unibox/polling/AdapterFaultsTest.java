package dev.unibox.polling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.adapters.shopee.fake.PushOutcome;
import dev.unibox.signals.Addresses;
import dev.unibox.testing.AgentSocket;
import dev.unibox.testing.Await;
import dev.unibox.testing.MutableClock;
import dev.unibox.testing.TestInbox;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Row;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Platform faults against the real backend (real PostgreSQL, real HTTP, FakeShopee): lost pushes, duplicates
 * and reordering, a token expiring mid-send, a rate-limit storm, a dead refresh token.
 */
@ExtendWith(VertxExtension.class)
class AdapterFaultsTest {

  private TestInbox inbox;

  @AfterEach
  void stop() throws Exception {
    if (inbox != null) {
      inbox.close();
    }
  }

  private void kickPoll(String accountId) {
    inbox.vertx.eventBus().publish(Addresses.POLL_KICK, accountId);
  }

  @Test
  void droppedPushesAreRecoveredByTheBackstopAndTheLostPushQueueIsConfirmed(Vertx vertx) throws Exception {
    inbox = TestInbox.start(vertx);
    inbox.shopee.pushFaults().dropNext(2);
    PushOutcome lostMy = Await.result(inbox.shopee.pushBuyerText(TestInbox.SHOP_MY, "700001", "ana", "where is my parcel?"));
    PushOutcome lostTw = Await.result(inbox.shopee.pushBuyerText(TestInbox.SHOP_TW, "700002", "bo", "請問有貨嗎"));
    assertThat(lostMy.accepted()).isFalse();
    assertThat(inbox.count("SELECT count(*) FROM messages")).isZero();
    assertThat(inbox.shopee.unconsumedLostPushes()).isEqualTo(2);

    kickPoll(TestInbox.ACCOUNT_MY);

    Await.until("both lost messages stored", () -> inbox.count(
        "SELECT count(*) FROM messages WHERE platform_message_id IN ($1, $2)", lostMy.messageId(), lostTw.messageId()) == 2);
    Await.until("lost pushes confirmed", () -> inbox.shopee.unconsumedLostPushes() == 0);
    assertThat(inbox.count("SELECT count(*) FROM messages WHERE account_id = $1 AND body = 'where is my parcel?'",
        TestInbox.ACCOUNT_MY)).isEqualTo(1);
    assertThat(inbox.count("SELECT count(*) FROM messages WHERE account_id = $1", TestInbox.ACCOUNT_TW)).isEqualTo(1);
    Await.until("cursor stored", () -> inbox.count(
        "SELECT count(*) FROM account_health WHERE account_id = $1 AND poll_cursor IS NOT NULL "
            + "AND last_poll_at IS NOT NULL AND recovered_count >= 1", TestInbox.ACCOUNT_MY) == 1);

    // wait for a poll of each account that started after this point, not for one that had already happened
    Instant before = Instant.now();
    kickPoll(TestInbox.ACCOUNT_MY);
    kickPoll(TestInbox.ACCOUNT_TW);
    Await.until("both accounts polled again", () -> inbox.count(
        "SELECT count(*) FROM account_health WHERE last_poll_at > $1", before.atOffset(ZoneOffset.UTC)) == 2);
    assertThat(inbox.count("SELECT count(*) FROM messages")).as("polling again stores nothing twice").isEqualTo(2);
  }

  /**
   * A verified push we cannot read is answered 400, so Shopee does not redeliver it; the message must still
   * reach the inbox, once, through the backstop.
   */
  @Test
  void aVerifiedPushAnswered400IsStillStoredOnceByTheBackstop(Vertx vertx) throws Exception {
    inbox = TestInbox.start(vertx);
    inbox.shopee.pushFaults().dropNext(1);
    PushOutcome original = Await.result(inbox.shopee.pushBuyerText(TestInbox.SHOP_MY, "700003", "cai", "the lid is cracked"));
    JsonObject unreadable = new JsonObject(original.body());
    unreadable.getJsonObject("data").getJsonObject("content").remove("message_type");
    String body = unreadable.encode();
    String signature = dev.unibox.adapters.shopee.ShopeeSigner.pushSignature(TestInbox.PARTNER_KEY,
        inbox.app.baseUrl() + "/webhooks/shopee", body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    var answer = Await.result(inbox.http.post("/webhooks/shopee").putHeader("Content-Type", "application/json")
        .putHeader("Authorization", signature).sendBuffer(io.vertx.core.buffer.Buffer.buffer(body)));
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.bodyAsJsonObject().getString("error")).isEqualTo("malformed_push");
    assertThat(inbox.count("SELECT count(*) FROM messages")).isZero();

    kickPoll(TestInbox.ACCOUNT_MY);

    Await.until("the message stored by the backstop", () -> inbox.count(
        "SELECT count(*) FROM messages WHERE platform_message_id = $1", original.messageId()) == 1);
    Instant before = Instant.now();
    kickPoll(TestInbox.ACCOUNT_MY);
    Await.until("polled again", () -> inbox.count(
        "SELECT count(*) FROM account_health WHERE account_id = $1 AND last_poll_at > $2", TestInbox.ACCOUNT_MY,
        before.atOffset(ZoneOffset.UTC)) == 1);
    assertThat(inbox.count("SELECT count(*) FROM messages WHERE body = 'the lid is cracked'")).isEqualTo(1);
  }

  @Test
  void duplicatedAndReorderedPushesGiveOneCorrectTimeline(Vertx vertx) throws Exception {
    MutableClock clock = MutableClock.startingNow();
    inbox = TestInbox.start(vertx, clock);
    String token = inbox.loggedIn("sup", "supervisor", 0);
    inbox.shopee.pushFaults().duplicateNext(2);
    List<PushOutcome> pushes = new ArrayList<>();
    pushes.add(Await.result(inbox.shopee.pushBuyerText(TestInbox.SHOP_MY, "700010", "cat", "line 0")));
    clock.advance(Duration.ofSeconds(1));
    pushes.add(Await.result(inbox.shopee.pushBuyerText(TestInbox.SHOP_MY, "700010", "cat", "line 1")));
    inbox.shopee.pushFaults().hold();
    for (int i = 2; i < 6; i++) {
      clock.advance(Duration.ofSeconds(1));
      pushes.add(Await.result(inbox.shopee.pushBuyerText(TestInbox.SHOP_MY, "700010", "cat", "line " + i)));
    }
    Await.result(inbox.shopee.pushFaults().releaseHeld(true));
    Await.result(inbox.shopee.repush(pushes.get(3)));

    Await.until("six messages", () -> inbox.count("SELECT count(*) FROM messages") == 6);
    assertThat(inbox.count("SELECT count(DISTINCT conversation_id) FROM messages")).isEqualTo(1);
    long conversationId = inbox.count("SELECT id FROM conversations");
    JsonArray timeline = inbox.get(token, "/api/conversations/" + conversationId).bodyAsJsonObject()
        .getJsonArray("timeline");
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < timeline.size(); i++) {
      JsonObject entry = timeline.getJsonObject(i);
      String body = entry.getString("text", entry.getString("body"));
      if (body != null && body.startsWith("line ")) {
        texts.add(body);
      }
    }
    assertThat(texts).containsExactly("line 0", "line 1", "line 2", "line 3", "line 4", "line 5");
    assertThat(inbox.count("SELECT count(*) FROM conversations WHERE last_message_text = 'line 5'")).isEqualTo(1);
  }

  @Test
  void tokenExpiringInTheMiddleOfSendingIsRefreshedPersistedEncryptedAndTheReplySentOnce(Vertx vertx) throws Exception {
    inbox = TestInbox.start(vertx);
    Setup s = agentWithConversation("mei", TestInbox.SHOP_MY, "700020");
    inbox.shopee.expireAccessToken(TestInbox.SHOP_MY);

    long messageId = reply(s, "Sorry for the wait, it ships today.");

    assertThat(s.socket.messageStatus(messageId).getString("status")).isEqualTo("sent");
    assertThat(inbox.shopee.acceptedSends()).hasSize(1);
    assertThat(inbox.shopee.refreshes()).isEqualTo(1);
    Row stored = inbox.rows("SELECT access_token_enc, refresh_token_enc FROM account_credentials WHERE account_id = $1",
        TestInbox.ACCOUNT_MY).get(0);
    assertThat(stored.getString("access_token_enc")).isNotBlank()
        .doesNotContain(inbox.shopee.accessToken(TestInbox.SHOP_MY));
    assertThat(stored.getString("refresh_token_enc")).doesNotContain(inbox.shopee.refreshToken(TestInbox.SHOP_MY));
    s.socket.close();
  }

  @Test
  void rateLimitStormLosesNothingAndSendsNothingTwice(Vertx vertx) throws Exception {
    inbox = TestInbox.start(vertx);
    Setup s = agentWithConversation("ravi", TestInbox.SHOP_MY, "700030");
    inbox.shopee.rateLimitNextCalls(6, 1);
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(reply(s, "answer " + i));
    }
    inbox.shopee.pushFaults().dropNext(1);
    PushOutcome lost = Await.result(inbox.shopee.pushBuyerText(TestInbox.SHOP_MY, "700030", "buyer", "during the storm"));
    kickPoll(TestInbox.ACCOUNT_MY);

    Await.until("all replies sent", () -> inbox.count("SELECT count(*) FROM messages WHERE status = 'sent' AND direction = 'out'") == 3);
    assertThat(inbox.shopee.rateLimitedCalls()).isEqualTo(6);
    assertThat(inbox.shopee.acceptedSends()).extracting(j -> j.getJsonObject("content").getString("text"))
        .containsExactly("answer 0", "answer 1", "answer 2");
    kickPoll(TestInbox.ACCOUNT_MY);
    Await.until("the lost buyer message is recovered", () -> inbox.count(
        "SELECT count(*) FROM messages WHERE platform_message_id = $1", lost.messageId()) == 1);
    assertThat(inbox.count("SELECT count(*) FROM messages WHERE status = 'failed'")).isZero();
    // every one of the six forced rate-limit answers is counted in the accounts' health, none twice
    Await.until("six rate-limit hits counted",
        () -> inbox.count("SELECT COALESCE(sum(rate_limit_count), 0) FROM account_health") == 6);
    assertThat(inbox.count("SELECT rate_limit_count FROM account_health WHERE account_id = $1", TestInbox.ACCOUNT_MY))
        .isEqualTo(6);
    s.socket.close();
  }

  @Test
  void deadRefreshTokenPausesOnlyThatAccountAndAlertsAdminsOnTheirSocket(Vertx vertx) throws Exception {
    inbox = TestInbox.start(vertx);
    String adminToken = inbox.loginAdmin();
    try (AgentSocket admin = inbox.socket(adminToken, 0)) {
      admin.hello();
      inbox.shopee.expireAccessToken(TestInbox.SHOP_MY);
      inbox.shopee.expireRefreshToken(TestInbox.SHOP_MY);

      kickPoll(TestInbox.ACCOUNT_MY);

      JsonObject alert = admin.nextEvent("account.alert");
      assertThat(alert.getJsonObject("data").getString("accountId")).isEqualTo(TestInbox.ACCOUNT_MY);
      assertThat(alert.getJsonObject("data").getString("kind")).isEqualTo("token_dead");
      JsonArray accounts = inbox.get(adminToken, "/api/admin/accounts").bodyAsJsonObject().getJsonArray("accounts");
      JsonObject my = find(accounts, TestInbox.ACCOUNT_MY);
      assertThat(my.getString("status")).isEqualTo("paused");
      assertThat(my.getJsonObject("health").getBoolean("tokenDead")).isTrue();
      assertThat(find(accounts, TestInbox.ACCOUNT_TW).getString("status")).isEqualTo("active");
      assertThat(accounts.encode()).doesNotContain(TestInbox.PARTNER_KEY).doesNotContain("token-tw");

      PushOutcome tw = Await.result(inbox.shopee.pushBuyerText(TestInbox.SHOP_TW, "700040", "dee", "still here?"));
      assertThat(tw.accepted()).isTrue();
      PushOutcome my2 = Await.result(inbox.shopee.pushBuyerText(TestInbox.SHOP_MY, "700041", "eve", "hello?"));
      assertThat(my2.accepted()).as("a paused account still stores what is pushed").isTrue();
    }
  }

  private static JsonObject find(JsonArray accounts, String id) {
    for (int i = 0; i < accounts.size(); i++) {
      if (id.equals(accounts.getJsonObject(i).getString("id"))) {
        return accounts.getJsonObject(i);
      }
    }
    throw new AssertionError("no account " + id);
  }

  private record Setup(String token, AgentSocket socket, long conversationId) {}

  private Setup agentWithConversation(String agent, long shop, String buyer) throws Exception {
    String token = inbox.loggedIn(agent, "agent", 3);
    AgentSocket socket = inbox.onlineSocket(token);
    Await.result(inbox.shopee.pushBuyerText(shop, buyer, "buyer", "hello, anyone there?"));
    long conversationId = socket.nextAssigned();
    return new Setup(token, socket, conversationId);
  }

  private long reply(Setup s, String text) throws Exception {
    var r = inbox.post(s.token, "/api/conversations/" + s.conversationId + "/replies", new JsonObject().put("text", text));
    assertThat(r.statusCode()).isEqualTo(202);
    return r.bodyAsJsonObject().getJsonObject("message").getLong("id");
  }
}
