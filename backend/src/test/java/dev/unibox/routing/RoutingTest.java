package dev.unibox.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.auth.UserStore;
import dev.unibox.testing.Await;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.TestDatabases;
import dev.unibox.testing.TestInbox;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Minimal routing: queue order, capacity, shop scope, stickiness; several routers at once stay consistent. */
@InboxTest
class RoutingTest {

  private TestInbox inbox;
  private Assigner router;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    router = new Assigner(vertx, inbox.db.pool(), Clock.systemUTC());
  }

  @Test
  void urgentAfterSaleIsAssignedBeforeEarlierPreSaleWhenOneSeatIsFree() throws Exception {
    long mei = inbox.createUser("mei", "agent", 1);
    push("811001", "Do you have this in size L?");
    push("811002", "Hàng bị vỡ, tôi muốn hoàn tiền");
    inbox.goOnline(mei);
    Await.until("one assignment", () -> assignedTo(mei) == 1);
    assertThat(inbox.rows("SELECT c.priority FROM conversations c WHERE assignee_id = $1", mei).get(0).getShort(0))
        .isEqualTo((short) 1);
    assertThat(inbox.count("SELECT count(*) FROM conversations WHERE status = 'queued'")).isEqualTo(1);
  }

  @Test
  void agentsOnlyGetConversationsOfShopsTheyServeAndNeverAboveCapacity() throws Exception {
    long twOnly = inbox.createUser("tw", "agent", 2, TestInbox.ACCOUNT_TW);
    inbox.goOnline(twOnly);
    for (int i = 0; i < 4; i++) {
      push("81200" + i, "Is this available? " + i);
    }
    Await.result(router.drain());
    assertThat(assignedTo(twOnly)).isZero();

    for (int i = 0; i < 4; i++) {
      Await.result(inbox.shopee.pushBuyerText(TestInbox.SHOP_TW, "91200" + i, "tw" + i, "請問有貨嗎 " + i));
    }
    Await.until("tw agent full", () -> assignedTo(twOnly) == 2);
    Await.result(router.drain());
    assertThat(assignedTo(twOnly)).isEqualTo(2);
    assertThat(inbox.count("SELECT active_count FROM users WHERE id = $1", twOnly)).isEqualTo(2);
  }

  @Test
  void severalRoutersAtOnceNeverDoubleAssignOrOverfill() throws Exception {
    List<Long> agents = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      agents.add(inbox.createUser("agent" + i, "agent", 3));
    }
    for (int i = 0; i < 40; i++) {
      push("8130" + i, i % 3 == 0 ? "barang rosak, nak refund " + i : "ada stok? " + i);
    }
    for (long a : agents) {
      Await.result(UserStore.setPresence(inbox.db.pool(), a, "online"));
    }
    // the requirement: after-sale complaints ("rosak, nak refund") are urgent, stock questions are not
    assertThat(inbox.count("SELECT count(*) FROM conversations WHERE priority = 1")).isEqualTo(14);
    assertThat(inbox.count("SELECT count(*) FROM conversations WHERE priority = 0")).isEqualTo(26);
    // six routers as on six nodes: each with its own connection pool, so they really run at once
    List<Pool> nodes = new ArrayList<>();
    try {
      for (int i = 0; i < 6; i++) {
        nodes.add(PgBuilder.pool().with(new PoolOptions().setMaxSize(2))
            .connectingTo(TestDatabases.options(inbox.db)).using(inbox.vertx).build());
      }
      List<Future<Integer>> routers = new ArrayList<>();
      for (Pool node : nodes) {
        routers.add(new Assigner(inbox.vertx, node, Clock.systemUTC()).drain());
      }
      Await.result(Future.all(routers));
    } finally {
      for (Pool node : nodes) {
        Await.result(node.close());
      }
    }
    Await.result(router.drain());

    assertThat(inbox.count("SELECT count(*) FROM conversations WHERE status = 'assigned'")).isEqualTo(15);
    assertThat(inbox.count("SELECT count(*) FROM users u WHERE active_count > max_concurrent")).isZero();
    assertThat(inbox.count("SELECT count(*) FROM users u WHERE active_count <> "
        + "(SELECT count(*) FROM conversations c WHERE c.assignee_id = u.id AND c.status = 'assigned')")).isZero();
    assertThat(inbox.count("SELECT count(*) FROM activities WHERE type = 'assigned'")).isEqualTo(15);
    // no priority inversion: 15 seats, so all 14 urgent ones and exactly one normal one got a seat
    assertThat(inbox.count("SELECT count(*) FROM conversations WHERE status = 'assigned' AND priority = 1")).isEqualTo(14);
    assertThat(inbox.count("SELECT count(*) FROM conversations WHERE status = 'assigned' AND priority = 0")).isEqualTo(1);
  }

  @Test
  void returningBuyerGoesBackToTheAgentWhoServedThemWhenTheyHaveRoom() throws Exception {
    long mei = inbox.createUser("mei", "agent", 3);
    long arif = inbox.createUser("arif", "agent", 3);
    inbox.goOnline(mei);
    push("811500", "Order #123 when will it ship?");
    Await.until("assigned to mei", () -> assignedTo(mei) == 1);
    long id = inbox.count("SELECT id FROM conversations");
    String token = inbox.login("mei");
    assertThat(inbox.post(token, "/api/conversations/" + id + "/close", new io.vertx.core.json.JsonObject())
        .statusCode()).isEqualTo(200);
    inbox.goOnline(arif);
    push("811500", "It has not arrived yet");
    Await.until("reassigned", () -> assignedTo(mei) + assignedTo(arif) == 1);
    assertThat(assignedTo(mei)).isEqualTo(1);
    assertThat(inbox.count("SELECT count(*) FROM activities WHERE type = 'reopened'")).isEqualTo(1);
  }

  private void push(String buyer, String text) throws Exception {
    Await.result(inbox.shopee.pushBuyerText(TestInbox.SHOP_MY, buyer, "b" + buyer, text));
  }

  private long assignedTo(long userId) {
    try {
      return inbox.count("SELECT count(*) FROM conversations WHERE assignee_id = $1 AND status = 'assigned'", userId);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
