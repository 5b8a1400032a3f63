package dev.unibox.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.auth.UserStore;
import dev.unibox.signals.Kicks;
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
 * The deadline policy on a real database and the injected clock: an urgent conversation that can still meet its
 * target goes first, a missed deadline gives way to one that can still be met, a conversation that has waited
 * past the aging bound regains the front, and seats and skills hold.
 */
@ExtendWith(VertxExtension.class)
class DeadlinePolicyTest {

  private static final Instant T0 = Instant.parse("2026-11-11T04:00:00Z");
  private final MutableClock clock = new MutableClock(T0);
  private TestInbox inbox;

  @AfterEach
  void stop() throws Exception {
    if (inbox != null) {
      inbox.close();
    }
  }

  private void start(Vertx vertx) throws Exception {
    inbox = TestInbox.start(vertx, clock,
        c -> TestInbox.withRouting(c, c.routing().withPolicy(DeadlinePolicy.NAME)));
  }

  @Test
  void aMeetableUrgentGoesFirstAndAMissedUrgentGivesWayToARegularThatCanStillBeMet(Vertx vertx) throws Exception {
    start(vertx);
    long mei = inbox.createUser("mei", "agent", 0);
    inbox.createUser("lin", "supervisor", 3);
    TestIngest ingest = new TestIngest(inbox, clock);
    long missedUrgent = ingest.buyer(TestInbox.ACCOUNT_MY, "u1", "Barang rosak, nak refund", T0.minusSeconds(70));
    long regular = ingest.buyer(TestInbox.ACCOUNT_MY, "r", "Boleh COD?", T0.minusSeconds(30));
    long freshUrgent = ingest.buyer(TestInbox.ACCOUNT_TW, "u2", "收到的商品破損了,我要退款", T0.minusSeconds(5));

    List<Long> expected = List.of(freshUrgent, regular, missedUrgent);
    assertThat(queueView()).isEqualTo(expected);
    assertThat(serveOneByOne(mei, 3)).isEqualTo(expected);
  }

  @Test
  void aConversationThatWaitedPastTheAgingBoundRegainsTheFrontButNotAheadOfAMeetableUrgent(Vertx vertx)
      throws Exception {
    start(vertx);
    long mei = inbox.createUser("mei", "agent", 0);
    TestIngest ingest = new TestIngest(inbox, clock);
    long fresh = ingest.buyer(TestInbox.ACCOUNT_MY, "r", "Boleh COD?", T0.minusSeconds(10));
    long aged = ingest.buyer(TestInbox.ACCOUNT_MY, "a", "Ada warna lain?",
        T0.minus(DeadlinePolicy.AGING).minusSeconds(10));
    long urgent = ingest.buyer(TestInbox.ACCOUNT_MY, "u", "Barang rosak, nak refund", T0.minusSeconds(5));

    assertThat(serveOneByOne(mei, 3)).isEqualTo(List.of(urgent, aged, fresh));
  }

  @Test
  void theOrderFollowsTheInjectedClockNotTheDatabaseClock(Vertx vertx) throws Exception {
    start(vertx);
    long mei = inbox.createUser("mei", "agent", 0);
    inbox.createUser("lin", "supervisor", 3);
    TestIngest ingest = new TestIngest(inbox, clock);
    long early = ingest.buyer(TestInbox.ACCOUNT_MY, "e", "Ada warna lain?", T0.minusSeconds(80));   // due T0+40
    long late = ingest.buyer(TestInbox.ACCOUNT_MY, "l", "Boleh COD?", T0.minusSeconds(10));          // due T0+110
    // at T0 both targets can be met: the earlier deadline first
    assertThat(queueView()).isEqualTo(List.of(early, late));
    // 20 s later the first target is closer than an agent can answer: it gives way (until it has aged)
    clock.set(T0.plusSeconds(20));
    assertThat(queueView()).isEqualTo(List.of(late, early));
    assertThat(serveOneByOne(mei, 2)).isEqualTo(List.of(late, early));
  }

  @Test
  void noAgentGoesAboveCapacityAndSkillsHold(Vertx vertx) throws Exception {
    start(vertx);
    long mei = inbox.createUser("mei", "agent", 2);
    inbox.createUser("lin", "supervisor", 3);
    assertThat(inbox.put(inbox.login("lin"), "/api/agents/" + mei + "/skills", new JsonObject()
        .put("languages", new JsonArray().add("ms").add("en")).put("maxConcurrent", 2)).statusCode()).isEqualTo(200);
    TestIngest ingest = new TestIngest(inbox, clock);
    long thai = ingest.buyer(TestInbox.ACCOUNT_MY, "t", "สินค้าเสียหาย ขอคืนเงินค่ะ", T0.minusSeconds(5));
    List<Long> malay = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      malay.add(ingest.buyer(TestInbox.ACCOUNT_MY, "m" + i, "Boleh COD?", T0.minusSeconds(40 - i)));
    }
    Await.result(UserStore.setPresence(inbox.db.pool(), mei, "online"));
    Assigner router = new Assigner(vertx, inbox.db.pool(), clock, new DeadlinePolicy());
    Await.result(router.drain());
    Await.result(router.drain());

    assertThat(inbox.count("SELECT active_count FROM users WHERE id = $1", mei)).isEqualTo(2);
    assertThat(inbox.count("SELECT count(*) FROM conversations WHERE assignee_id = $1 AND status = 'assigned'", mei))
        .isEqualTo(2);
    // the two earliest deadlines; the Thai buyer waits for someone who reads Thai
    assertThat(assignees(malay)).containsExactly(mei, mei, null, null);
    assertThat(assignees(List.of(thai))).containsOnlyNulls();
  }

  /** The supervisor's queue view (lead "lin"): the order the configured policy serves, as of the injected clock. */
  private List<Long> queueView() throws Exception {
    JsonArray view = inbox.get(inbox.login("lin"), "/api/queue").bodyAsJsonObject().getJsonArray("conversations");
    return view.stream().map(o -> ((JsonObject) o).getLong("id")).toList();
  }

  private List<Long> assignees(List<Long> ids) throws Exception {
    List<Long> out = new ArrayList<>();
    for (long id : ids) {
      out.add(inbox.rows("SELECT assignee_id FROM conversations WHERE id = $1", id).get(0).getLong(0));
    }
    return out;
  }

  /** Opens one seat at a time and records which conversation each seat went to. */
  private List<Long> serveOneByOne(long agent, int n) throws Exception {
    Await.result(UserStore.setPresence(inbox.db.pool(), agent, "online"));
    for (int i = 1; i <= n; i++) {
      inbox.count("UPDATE users SET max_concurrent = $1 WHERE id = $2 RETURNING 1", i, agent);
      Kicks.routing(inbox.vertx);
      int expected = i;
      Await.until("seat " + i + " taken", () -> {
        try {
          return inbox.count("SELECT count(*) FROM activities WHERE type = 'assigned'") == expected;
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
    }
    List<Long> order = new ArrayList<>();
    inbox.rows("SELECT conversation_id FROM activities WHERE type = 'assigned' ORDER BY id")
        .forEach(r -> order.add(r.getLong(0)));
    return order;
  }
}
