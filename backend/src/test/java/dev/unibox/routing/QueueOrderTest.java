package dev.unibox.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.auth.UserStore;
import dev.unibox.testing.Await;
import dev.unibox.testing.MutableClock;
import dev.unibox.testing.TestInbox;
import dev.unibox.testing.TestIngest;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One queue across platforms and shops, with a fixed clock: the priority policy serves priority class
 * first, then the SLA deadline; the slack policy (default) lets a deadline that can no longer be met give
 * way; the FIFO baseline serves arrival order. Skills decide who may take what.
 */
@ExtendWith(VertxExtension.class)
class QueueOrderTest {

  private static final Instant T0 = Instant.parse("2026-11-11T04:00:00Z");
  private final MutableClock clock = new MutableClock(T0);
  private TestInbox inbox;

  @AfterEach
  void stop() throws Exception {
    if (inbox != null) {
      inbox.close();
    }
  }

  /** Five conversations queued one second apart; returns their ids as A..E. */
  private List<Long> queueFive(TestIngest ingest) throws Exception {
    List<Long> ids = new ArrayList<>();
    // (no warning fires before T0+5: every warn time is later)
    // A normal, waiting since T0-80: due T0+40
    ids.add(ingest.buyer(TestInbox.ACCOUNT_MY, "a", "Ada warna lain?", T0.minusSeconds(80)));
    clock.set(T0.plusSeconds(1));
    // B urgent, waiting since T0-10: due T0+50
    ids.add(ingest.buyer(TestInbox.ACCOUNT_TW, "b", "收到的商品破損了,我要退款", T0.minusSeconds(10)));
    clock.set(T0.plusSeconds(2));
    // C normal, waiting since T0-85: due T0+35
    ids.add(ingest.buyer(TestInbox.ACCOUNT_MY, "c", "Boleh COD?", T0.minusSeconds(85)));
    clock.set(T0.plusSeconds(3));
    // D urgent, waiting since T0-30: due T0+30
    ids.add(ingest.buyer(TestInbox.ACCOUNT_MY, "d", "Barang rosak, nak refund", T0.minusSeconds(30)));
    clock.set(T0.plusSeconds(4));
    // E normal, set to critical by a supervisor: due T0+60
    ids.add(ingest.buyer(TestInbox.ACCOUNT_MY, "e", "Hello", T0));
    return ids;
  }

  /** Opens one seat at a time and records which conversation each seat went to. */
  private List<Long> serveOneByOne(long agent, int n) throws Exception {
    Await.result(UserStore.setPresence(inbox.db.pool(), agent, "online"));
    List<Long> order = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      inbox.count("UPDATE users SET max_concurrent = $1 WHERE id = $2 RETURNING 1", i, agent);
      RoutingKick.send(inbox.vertx);
      int expected = i;
      Await.until("seat " + i + " taken", () -> {
        try {
          return inbox.count("SELECT count(*) FROM activities WHERE type = 'assigned'") == expected;
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
    }
    inbox.rows("SELECT conversation_id FROM activities WHERE type = 'assigned' ORDER BY id")
        .forEach(r -> order.add(r.getLong(0)));
    return order;
  }

  @Test
  void priorityPolicyServesCriticalThenUrgentThenNormalEachByDeadline(Vertx vertx) throws Exception {
    inbox = TestInbox.start(vertx, clock, c -> TestInbox.withRouting(c, c.routing().withPolicy("priority")));
    long mei = inbox.createUser("mei", "agent", 0);
    inbox.createUser("lin", "supervisor", 3);
    List<Long> ids = queueFive(new TestIngest(inbox, clock));
    var set = inbox.post(inbox.login("lin"), "/api/conversations/" + ids.get(4) + "/priority",
        new JsonObject().put("priority", "critical"));
    assertThat(set.statusCode()).isEqualTo(200);
    assertThat(set.bodyAsJsonObject().getJsonObject("conversation").getString("priority")).isEqualTo("critical");

    // the supervisor's queue view shows the same order the router serves
    JsonArray view = inbox.get(inbox.login("lin"), "/api/queue").bodyAsJsonObject().getJsonArray("conversations");
    List<Long> shown = view.stream().map(o -> ((JsonObject) o).getLong("id")).toList();
    List<Long> expected = List.of(ids.get(4), ids.get(3), ids.get(1), ids.get(2), ids.get(0));
    assertThat(shown).isEqualTo(expected);
    assertThat(serveOneByOne(mei, 5)).isEqualTo(expected);
  }

  @Test
  void slackPolicyLetsAnUrgentWhoseMinuteIsLostGiveWayAndTheQueueViewShowsThatOrder(Vertx vertx) throws Exception {
    inbox = TestInbox.start(vertx, clock);                 // the default policy
    long mei = inbox.createUser("mei", "agent", 0);
    inbox.createUser("lin", "supervisor", 3);
    TestIngest ingest = new TestIngest(inbox, clock);
    // urgent, due T0+10: too close to be answered in time (20 s margin) -> its Shopee 12 h window is what is left
    long lost = ingest.buyer(TestInbox.ACCOUNT_TW, "u", "收到的商品破損了,我要退款", T0.minusSeconds(50));
    // normal, due T0+110: still meetable
    long normal = ingest.buyer(TestInbox.ACCOUNT_MY, "n", "Ada warna lain?", T0.minusSeconds(10));
    // urgent, due T0+60: meetable, urgent class first
    long urgent = ingest.buyer(TestInbox.ACCOUNT_MY, "c", "Barang rosak, nak refund", T0);
    List<Long> expected = List.of(urgent, normal, lost);
    JsonArray view = inbox.get(inbox.login("lin"), "/api/queue").bodyAsJsonObject().getJsonArray("conversations");
    assertThat(view.stream().map(o -> ((JsonObject) o).getLong("id")).toList()).isEqualTo(expected);
    assertThat(serveOneByOne(mei, 3)).isEqualTo(expected);
  }

  @Test
  void fifoBaselineServesArrivalOrderWhateverTheUrgency(Vertx vertx) throws Exception {
    inbox = TestInbox.start(vertx, clock, c -> TestInbox.withRouting(c, c.routing().withPolicy("fifo-round-robin")));
    long mei = inbox.createUser("mei", "agent", 0);
    List<Long> ids = queueFive(new TestIngest(inbox, clock));
    assertThat(serveOneByOne(mei, 5)).isEqualTo(ids);
  }

  @Test
  void skillsDecideWhoTakesWhatAndALowerConversationOnlyGoesToAnAgentWhoCouldNotTakeTheHigher(Vertx vertx)
      throws Exception {
    inbox = TestInbox.start(vertx, clock);
    long thai = inbox.createUser("somchai", "agent", 1);
    long english = inbox.createUser("mei", "agent", 1);
    inbox.createUser("lin", "supervisor", 3);
    String lead = inbox.login("lin");
    assertThat(inbox.put(lead, "/api/agents/" + thai + "/skills", new JsonObject()
        .put("languages", new JsonArray().add("th")).put("maxConcurrent", 1)).statusCode()).isEqualTo(200);
    assertThat(inbox.put(lead, "/api/agents/" + english + "/skills", new JsonObject()
        .put("languages", new JsonArray().add("en").add("ms")).put("maxConcurrent", 1)).statusCode()).isEqualTo(200);
    TestIngest ingest = new TestIngest(inbox, clock);
    long urgentVi = ingest.buyer(TestInbox.ACCOUNT_MY, "v", "Hàng bị vỡ rồi, tôi muốn hoàn tiền", T0.minusSeconds(50));
    long urgentTh = ingest.buyer(TestInbox.ACCOUNT_MY, "t", "สินค้าเสียหาย ขอคืนเงินค่ะ", T0);
    long normalEn = ingest.buyer(TestInbox.ACCOUNT_MY, "e", "Can I stack the shop voucher with the platform coupon?",
        T0.minusSeconds(60));
    long normalEn2 = ingest.buyer(TestInbox.ACCOUNT_MY, "f", "Do you have this in a bigger size please?", T0);
    Await.result(UserStore.setPresence(inbox.db.pool(), thai, "online"));
    Await.result(UserStore.setPresence(inbox.db.pool(), english, "online"));
    Await.result(new Router(vertx, inbox.db.pool(), clock).drain());
    assertThat(assignee(urgentTh)).isEqualTo(thai);
    assertThat(assignee(normalEn)).isEqualTo(english);   // nobody who speaks Vietnamese: not an inversion
    assertThat(assignee(urgentVi)).isNull();
    assertThat(assignee(normalEn2)).isNull();
  }

  private Long assignee(long id) throws Exception {
    return inbox.rows("SELECT assignee_id FROM conversations WHERE id = $1", id).get(0).getLong(0);
  }
}
