package dev.unibox.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.auth.CurrentUser;
import dev.unibox.auth.UserStore;
import dev.unibox.config.UniboxConfig;
import dev.unibox.testing.Await;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.MutableClock;
import dev.unibox.testing.TestInbox;
import dev.unibox.testing.TestInboxExtension;
import dev.unibox.testing.TestIngest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The deadline policy on a real database and the injected clock: an urgent conversation that can still meet its
 * target goes first, a missed deadline gives way to one that can still be met, a conversation that has waited
 * past the aging bound regains the front (ahead of meetable urgent ones too with the aged tier first), and seats
 * and skills hold.
 */
@InboxTest
class DeadlinePolicyTest implements TestInboxExtension.Tuning {

  private static final Instant T0 = Instant.parse("2026-11-11T04:00:00Z");
  private final MutableClock clock = new MutableClock(T0);
  private TestInbox inbox;
  private TestIngest ingest;

  @Override
  public UniboxConfig tune(UniboxConfig c) {
    return TestInbox.withRouting(c, c.routing().withPolicy(DeadlinePolicy.NAME));
  }

  @Test
  void aMeetableUrgentGoesFirstAndAMissedUrgentGivesWayToARegularThatCanStillBeMet() throws Exception {
    long mei = inbox.createUser("mei", "agent", 0);
    inbox.createUser("lin", "supervisor", 3);
    long missedUrgent = ingest.buyer(TestInbox.ACCOUNT_MY, "u1", "Barang rosak, nak refund", T0.minusSeconds(70));
    long regular = ingest.buyer(TestInbox.ACCOUNT_MY, "r", "Boleh COD?", T0.minusSeconds(30));
    long freshUrgent = ingest.buyer(TestInbox.ACCOUNT_TW, "u2", "收到的商品破損了,我要退款", T0.minusSeconds(5));

    List<Long> expected = List.of(freshUrgent, regular, missedUrgent);
    assertThat(queueView()).isEqualTo(expected);
    assertThat(inbox.serveOneByOne(mei, 3)).isEqualTo(expected);
  }

  @Test
  void aConversationThatWaitedPastTheAgingBoundRegainsTheFrontButNotAheadOfAMeetableUrgent()
      throws Exception {
    long mei = inbox.createUser("mei", "agent", 0);
    long fresh = ingest.buyer(TestInbox.ACCOUNT_MY, "r", "Boleh COD?", T0.minusSeconds(10));
    long aged = ingest.buyer(TestInbox.ACCOUNT_MY, "a", "Ada warna lain?",
        T0.minus(DeadlinePolicy.AGING).minusSeconds(10));
    long urgent = ingest.buyer(TestInbox.ACCOUNT_MY, "u", "Barang rosak, nak refund", T0.minusSeconds(5));

    assertThat(inbox.serveOneByOne(mei, 3)).isEqualTo(List.of(urgent, aged, fresh));
  }

  @Test
  void withTheAgedTierFirstAConversationThatWaitedPastTheAgingBoundGoesAheadOfAMeetableUrgent() throws Exception {
    long fresh = ingest.buyer(TestInbox.ACCOUNT_MY, "r", "Boleh COD?", T0.minusSeconds(10));
    long aged = ingest.buyer(TestInbox.ACCOUNT_MY, "a", "Ada warna lain?",
        T0.minus(DeadlinePolicy.AGING).minusSeconds(10));
    long agedLater = ingest.buyer(TestInbox.ACCOUNT_MY, "b", "Ada saiz lain?",
        T0.minus(DeadlinePolicy.AGING).minusSeconds(5));
    long urgent = ingest.buyer(TestInbox.ACCOUNT_MY, "u", "Barang rosak, nak refund", T0.minusSeconds(5));
    CurrentUser admin = new CurrentUser(1, "admin", "Administrator", "admin", true, Set.of());

    DeadlinePolicy agedFirst = new DeadlinePolicy(DeadlinePolicy.REACH, DeadlinePolicy.AGING,
        DeadlinePolicy.Tiers.AGED_THEN_URGENT);
    assertThat(Await.result(QueueStore.queuedIds(inbox.db.pool(), admin, agedFirst, T0)))
        .containsExactly(aged, agedLater, urgent, fresh);
    assertThat(Await.result(QueueStore.queuedIds(inbox.db.pool(), admin, new DeadlinePolicy(), T0)))
        .containsExactly(urgent, aged, agedLater, fresh);
  }

  @Test
  void withoutTheUrgentTierAnUrgentConversationLeadsOnlyByItsShorterTarget() throws Exception {
    long regular = ingest.buyer(TestInbox.ACCOUNT_MY, "r", "Boleh COD?", T0.minusSeconds(70));          // due T0+50
    long urgent = ingest.buyer(TestInbox.ACCOUNT_MY, "u", "Barang rosak, nak refund", T0.minusSeconds(5)); // T0+55
    long later = ingest.buyer(TestInbox.ACCOUNT_MY, "l", "Ada warna lain?", T0.minusSeconds(60));      // due T0+60
    CurrentUser admin = new CurrentUser(1, "admin", "Administrator", "admin", true, Set.of());

    RoutingPolicy noTier = RoutingPolicies.byName(DeadlinePolicy.NO_URGENT_TIER);
    assertThat(Await.result(QueueStore.queuedIds(inbox.db.pool(), admin, noTier, T0)))
        .containsExactly(regular, urgent, later);
    assertThat(Await.result(QueueStore.queuedIds(inbox.db.pool(), admin, new DeadlinePolicy(), T0)))
        .containsExactly(urgent, regular, later);
  }

  @Test
  void theOrderFollowsTheInjectedClockNotTheDatabaseClock() throws Exception {
    long mei = inbox.createUser("mei", "agent", 0);
    inbox.createUser("lin", "supervisor", 3);
    long early = ingest.buyer(TestInbox.ACCOUNT_MY, "e", "Ada warna lain?", T0.minusSeconds(80));   // due T0+40
    long late = ingest.buyer(TestInbox.ACCOUNT_MY, "l", "Boleh COD?", T0.minusSeconds(10));          // due T0+110
    // at T0 both targets can be met: the earlier deadline first
    assertThat(queueView()).isEqualTo(List.of(early, late));
    // 20 s later the first target is closer than an agent can answer: it gives way (until it has aged)
    clock.set(T0.plusSeconds(20));
    assertThat(queueView()).isEqualTo(List.of(late, early));
    assertThat(inbox.serveOneByOne(mei, 2)).isEqualTo(List.of(late, early));
  }

  @Test
  void noAgentGoesAboveCapacityAndSkillsHold() throws Exception {
    long mei = inbox.createUser("mei", "agent", 2);
    inbox.createUser("lin", "supervisor", 3);
    assertThat(inbox.put(inbox.login("lin"), "/api/agents/" + mei + "/skills", new JsonObject()
        .put("languages", new JsonArray().add("ms").add("en")).put("maxConcurrent", 2)).statusCode()).isEqualTo(200);
    long thai = ingest.buyer(TestInbox.ACCOUNT_MY, "t", "สินค้าเสียหาย ขอคืนเงินค่ะ", T0.minusSeconds(5));
    List<Long> malay = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      malay.add(ingest.buyer(TestInbox.ACCOUNT_MY, "m" + i, "Boleh COD?", T0.minusSeconds(40 - i)));
    }
    Await.result(UserStore.setPresence(inbox.db.pool(), mei, "online"));
    Assigner router = new Assigner(inbox.vertx, inbox.db.pool(), clock, new DeadlinePolicy());
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
}
