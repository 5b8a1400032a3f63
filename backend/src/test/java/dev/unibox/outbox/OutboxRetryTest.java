package dev.unibox.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.config.UniboxConfig;
import dev.unibox.testing.AgentSocket;
import dev.unibox.testing.Await;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.MutableClock;
import dev.unibox.testing.TestInbox;
import dev.unibox.testing.TestInboxExtension;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sender's retry schedule as stored in the outbox, on a clock that stands still until the test moves
 * it: a transient error waits the initial backoff ±20 %; a rate limit waits as long as the platform's
 * Retry-After when that is longer than the backoff, and the backoff when it is shorter.
 */
@InboxTest
class OutboxRetryTest implements TestInboxExtension.Tuning {

  private static final Instant T0 = Instant.parse("2026-11-11T04:00:00Z");
  private static final long INITIAL_MS = 10_000;

  private final MutableClock clock = new MutableClock(T0);
  private TestInbox inbox;

  @Override
  public UniboxConfig tune(UniboxConfig c) {
    return new UniboxConfig(c.http(), c.database(), c.auth(), c.routing(),
        new UniboxConfig.OutboxConfig(5, INITIAL_MS, 120_000, 50), c.classificationFile(), c.demo(), c.accounts());
  }
  private String token;
  private long conversationId;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    long mei = inbox.createUser("mei", "agent", 3);
    token = inbox.login("mei");
    inbox.markOnline(mei);
    Await.result(inbox.shopee.pushBuyerText(TestInbox.SHOP_MY, "811801", "ana", "Bila sampai?"));
    inbox.awaitAssigned(mei, 1);
    conversationId = inbox.count("SELECT id FROM conversations");
  }

  @Test
  void aLongerRetryAfterFromThePlatformDecidesTheNextAttempt() throws Exception {
    inbox.shopee.rateLimitNextCalls(1, 30);
    reply("Esok sampai");

    // a rate limit does not use up an attempt
    Await.until("retry scheduled, attempt given back",
        () -> inbox.count("SELECT count(*) FROM outbox WHERE last_error IS NOT NULL AND attempts = 0") == 1);
    Row row = awaitRetryScheduled();
    assertThat(row.getOffsetDateTime("next_attempt_at").toInstant()).isEqualTo(T0.plusSeconds(30));
    assertThat(inbox.shopee.acceptedSends()).isEmpty();

    clock.advance(Duration.ofSeconds(30));
    Await.until("sent after the Retry-After", () -> inbox.shopee.acceptedSends().size() == 1);
    Await.until("marked sent", () -> inbox.count("SELECT count(*) FROM outbox WHERE status = 'sent'") == 1);
  }

  @Test
  void aShorterRetryAfterLosesToTheBackoff() throws Exception {
    inbox.shopee.rateLimitNextCalls(1, 1);
    reply("Esok sampai");

    Instant next = awaitRetryScheduled().getOffsetDateTime("next_attempt_at").toInstant();
    assertThat(Duration.between(T0, next).toMillis()).isBetween(INITIAL_MS * 8 / 10, INITIAL_MS * 12 / 10);
  }

  @Test
  void aTransientErrorWaitsTheInitialBackoffWithJitter() throws Exception {
    inbox.shopee.failNextSends(1, "system_busy");
    reply("Esok sampai");

    Row row = awaitRetryScheduled();
    long waitMs = Duration.between(T0, row.getOffsetDateTime("next_attempt_at").toInstant()).toMillis();
    assertThat(waitMs).isBetween(INITIAL_MS * 8 / 10, INITIAL_MS * 12 / 10);
    assertThat(row.getInteger("attempts")).isEqualTo(1);

    clock.advance(Duration.ofMillis(waitMs));
    Await.until("sent on the second attempt", () -> inbox.shopee.acceptedSends().size() == 1);
  }

  @Test
  void aSendWhoseOutcomeWasNeverStoredIsLookedForOnThePlatformInsteadOfSentAgain() throws Exception {
    // Shopee takes the reply, then the database refuses to store that it was sent (once): the same state
    // as a node that died between the platform's answer and its commit.
    Await.result(inbox.db.pool().query("""
        CREATE SEQUENCE refuse_first_sent;
        CREATE FUNCTION refuse_first_sent() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF nextval('refuse_first_sent') = 1 THEN RAISE EXCEPTION 'the sent mark is lost'; END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER refuse_first_sent BEFORE UPDATE ON outbox FOR EACH ROW
          WHEN (OLD.status = 'pending' AND NEW.status = 'sent') EXECUTE FUNCTION refuse_first_sent();""").execute());
    reply("Esok sampai");
    Await.until("Shopee took it", () -> inbox.shopee.acceptedSends().size() == 1);
    Await.until("its outcome was not stored", () -> inbox.count("SELECT last_value FROM refuse_first_sent") == 1);
    assertThat(inbox.count("SELECT count(*) FROM outbox WHERE status = 'pending' AND attempts = 1")).isEqualTo(1);

    clock.advance(Duration.ofSeconds(61));  // past the claim's lease
    Await.until("settled", () -> inbox.count("SELECT count(*) FROM outbox WHERE status = 'sent'") == 1);
    assertThat(inbox.shopee.acceptedSends()).as("found on Shopee, not sent again").hasSize(1);
    String shopeeId = inbox.shopee.acceptedSends().get(0).getString("message_id");
    assertThat(inbox.rows("SELECT platform_message_id FROM messages WHERE direction = 'out'").get(0).getString(0))
        .isEqualTo(shopeeId);
  }

  @Test
  void anEchoStoredWhileTheSendIsMarkedIsDroppedAndTheReplyMarkedSentAtOnce() throws Exception {
    String admin = inbox.loginAdmin();
    String account = "/api/admin/accounts/" + TestInbox.ACCOUNT_MY;
    assertThat(inbox.post(admin, account + "/pause", new JsonObject()).statusCode()).isEqualTo(200);
    reply("Esok sampai");
    Await.until("held while paused", () -> inbox.count("SELECT count(*) FROM outbox WHERE last_error = 'account paused'") == 1);

    // The platform's copy of the reply (its echo, from a push or a poll) is being stored in another transaction
    // under the id Shopee is about to give the reply: the "sent" mark waits for it, then collides with it.
    long echoId = Long.parseLong(inbox.rows("SELECT platform_message_id FROM messages WHERE direction = 'in'")
        .get(0).getString(0)) + 1;
    long ourRow = inbox.count("SELECT id FROM messages WHERE direction = 'out'");
    SqlConnection echo = Await.result(inbox.db.pool().getConnection());
    Transaction storingEcho = Await.result(echo.begin());
    long echoRow = Await.result(echo.preparedQuery("""
        INSERT INTO messages (conversation_id, account_id, platform_message_id, direction, message_type, body,
                              author_name, status, at, created_at)
        VALUES ($1, $2, $3, 'out', 'text', 'Esok sampai', 'Shop (on platform)', 'sent', now(), now()) RETURNING id""")
        .execute(Tuple.of(conversationId, TestInbox.ACCOUNT_MY, Long.toString(echoId)))).iterator().next().getLong(0);
    AgentSocket meiSocket = inbox.socket(token, 0);
    meiSocket.hello();
    assertThat(inbox.post(admin, account + "/resume", new JsonObject()).statusCode()).isEqualTo(200);
    clock.advance(Duration.ofSeconds(30));
    Await.until("Shopee took it", () -> inbox.shopee.acceptedSends().size() == 1);
    assertThat(inbox.shopee.acceptedSends().get(0).getString("message_id")).isEqualTo(Long.toString(echoId));
    Await.until("the sent mark waits for the echo",
        () -> inbox.count("SELECT count(*) FROM pg_locks WHERE NOT granted") >= 1);
    Await.result(storingEcho.commit());
    Await.result(echo.close());

    Await.until("marked sent without waiting for the lease",
        () -> inbox.count("SELECT count(*) FROM outbox WHERE status = 'sent'") == 1);
    assertThat(inbox.rows("SELECT platform_message_id, author_name FROM messages WHERE direction = 'out'"))
        .as("one row: ours, with Shopee's id").singleElement()
        .satisfies(r -> assertThat(r.getString(0)).isEqualTo(Long.toString(echoId)))
        .satisfies(r -> assertThat(r.getString(1)).isNotEqualTo("Shop (on platform)"));
    assertThat(inbox.shopee.acceptedSends()).hasSize(1);
    // a view that already shows the echo (its message.created came from the push) is told to drop it
    JsonObject status = meiSocket.messageStatus(ourRow);
    assertThat(status.getString("status")).isEqualTo("sent");
    assertThat(status.getJsonArray("removed")).hasSize(1);
    assertThat(status.getJsonArray("removed").getLong(0)).isEqualTo(echoRow);
    meiSocket.close();
  }

  private void reply(String text) throws Exception {
    assertThat(inbox.post(token, "/api/conversations/" + conversationId + "/replies", new JsonObject().put("text", text))
        .statusCode()).isEqualTo(202);
  }

  private Row awaitRetryScheduled() throws Exception {
    Await.until("retry scheduled", () -> inbox.count("SELECT count(*) FROM outbox WHERE last_error IS NOT NULL") == 1);
    return inbox.rows("SELECT next_attempt_at, attempts FROM outbox").get(0);
  }
}
