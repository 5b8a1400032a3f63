package dev.unibox.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.AgentSocket;
import dev.unibox.testing.Await;
import dev.unibox.testing.MutableClock;
import dev.unibox.testing.TestInbox;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;

/**
 * The Malaysian Shopee shop of a {@link TestInbox} falling behind Shopee's 12-hour response rate, written
 * through the real service: the shop has supervisor sam (password pw-sam); at 09:00 shop time six buyers
 * write and agent mei answers the three she can take; at 20:59 one more buyer writes; at 21:01 the three
 * unanswered are past 12 hours (3 of 6 met, 50 % against the 80 % line) and the newest chat ("still-time")
 * still counts.
 */
public final class FallingBehindShop {

  /** 09:00 in Kuala Lumpur, where the clock of the inbox must start. */
  public static final Instant MORNING = Instant.parse("2026-11-11T01:00:00Z");
  public static final String SAVER = "still-time";

  private FallingBehindShop() {}

  public static void write(TestInbox inbox, MutableClock clock) throws Exception {
    assertThat(clock.instant()).isEqualTo(MORNING);
    inbox.createUser("sam", "supervisor", 0, TestInbox.ACCOUNT_MY);
    String mei = inbox.loggedIn("mei", "agent", 3, TestInbox.ACCOUNT_MY);
    try (AgentSocket agent = inbox.onlineSocket(mei)) {
      for (int i = 0; i < 6; i++) {
        inbox.buyerWrites(TestInbox.SHOP_MY, "81200" + i, "b" + i, "Ada stok?");
      }
      for (int i = 0; i < 3; i++) {  // mei takes three (her capacity) and answers them at once
        long id = agent.nextAssigned();
        assertThat(inbox.post(mei, "/api/conversations/" + id + "/replies", new JsonObject().put("text", "Ada, kak."))
            .statusCode()).isEqualTo(202);
      }
    }
    // delivered before the clock jumps: a reply still in the outbox when 12 hours pass would fail, not count
    Await.until("mei's three replies delivered", () -> inbox.shopee.acceptedSends().size() == 3);
    clock.advance(Duration.ofHours(11).plusMinutes(59));  // 20:59: a new chat, nothing missed yet
    inbox.buyerWrites(TestInbox.SHOP_MY, "812099", SAVER, "Hello?");
    clock.advance(Duration.ofMinutes(2));
    Await.result(inbox.app.reports().sweep().sweep());
  }
}
