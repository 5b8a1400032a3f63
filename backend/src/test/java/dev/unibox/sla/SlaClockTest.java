package dev.unibox.sla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.accounts.AccountStore;
import dev.unibox.adapters.spi.AccountConfig;
import dev.unibox.adapters.spi.AccountCredentials;
import dev.unibox.auth.UserStore;
import dev.unibox.config.UniboxConfig;
import dev.unibox.routing.Assigner;
import dev.unibox.testing.AgentSocket;
import dev.unibox.testing.Await;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.MutableClock;
import dev.unibox.testing.TestInbox;
import dev.unibox.testing.TestInboxExtension;
import dev.unibox.testing.TestIngest;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SLA clock with a fixed clock: warning, breach, reassignment, disconnect grace, platform windows. */
@InboxTest
class SlaClockTest implements TestInboxExtension.Tuning {

  private static final Instant T0 = Instant.parse("2026-11-11T04:00:00Z"); // 12:00 in Kuala Lumpur
  private final MutableClock clock = new MutableClock(T0);
  private final UniboxConfig.SlaConfig sla =
      new UniboxConfig.SlaConfig(dev.unibox.domain.SlaPolicy.standard(), 600_000, true, 60);
  private TestInbox inbox;
  private TestIngest ingest;
  private SlaSweep sweep;

  @Override
  public UniboxConfig tune(UniboxConfig c) {
    return TestInbox.withRouting(c, c.routing().withSla(sla));
  }

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    Assigner router = new Assigner(vertx, inbox.db.pool(), clock);
    SurgeControl surge = new SurgeControl(vertx, inbox.db.pool(), clock, UniboxConfig.SurgeConfig.off(),
        Duration.ofSeconds(120), inbox.app.shifts().rosters);
    sweep = new SlaSweep(vertx, inbox.db.pool(), clock, sla, inbox.app.shifts().rosters, surge, router::reassign);
  }

  @Test
  void deadlineIsStoredWarningRaisesAndTellsSupervisorsBreachIsRecordedOnce() throws Exception {
    inbox.createUser("lin", "supervisor", 3);
    try (AgentSocket lin = inbox.socket(inbox.login("lin"), 0)) {
      lin.hello();
      long id = ingest.buyer(TestInbox.ACCOUNT_MY, "b1", "Is the blue one in stock?", T0);
      var row = inbox.rows("SELECT sla_due_at, sla_warn_at, sla_state, priority FROM conversations WHERE id = $1", id).get(0);
      assertThat(row.getOffsetDateTime(0).toInstant()).isEqualTo(T0.plusSeconds(120));
      assertThat(row.getOffsetDateTime(1).toInstant()).isEqualTo(T0.plusSeconds(90));
      assertThat(row.getString(2)).isEqualTo("running");

      actsOnceAt(T0.plusSeconds(90), SlaSweep.Result::warned, 1);
      // a normal conversation is raised to the head of its class (not into the urgent class)
      assertThat(inbox.count("SELECT priority FROM conversations WHERE id = $1", id)).isZero();
      assertThat(inbox.rows("SELECT head_of_class FROM conversations WHERE id = $1", id).get(0).getBoolean(0)).isTrue();
      assertThat(inbox.count("SELECT count(*) FROM activities WHERE type = 'sla_warning'")).isEqualTo(1);
      JsonObject warning = lin.nextEvent("sla.warning");
      assertThat(warning.getJsonObject("data").getJsonObject("conversation").getString("priority")).isEqualTo("normal");
      assertThat(warning.getJsonObject("data").getJsonObject("conversation").getJsonObject("sla").getString("state"))
          .isEqualTo("warned");

      actsOnceAt(T0.plusSeconds(120), SlaSweep.Result::breached, 1);
      assertThat(inbox.count("SELECT count(*) FROM activities WHERE type = 'sla_breached' AND conversation_id = $1", id))
          .isEqualTo(1);
      lin.nextEvent("sla.breached");
    }
  }

  @Test
  void urgentConversationBecomesCriticalAtItsWarningUnlessASupervisorSetIt() throws Exception {
    long id = ingest.buyer(TestInbox.ACCOUNT_MY, "u1", "Barang rosak, nak refund", T0);
    assertThat(inbox.rows("SELECT sla_warn_at FROM conversations WHERE id = $1", id).get(0).getOffsetDateTime(0)
        .toInstant()).isEqualTo(T0.plusSeconds(45));
    assertThat(sweepAt(T0.plusSeconds(45)).warned()).isEqualTo(1);
    assertThat(inbox.count("SELECT priority FROM conversations WHERE id = $1", id)).isEqualTo(2);

    long manual = ingest.buyer(TestInbox.ACCOUNT_MY, "u2", "Barang rosak, nak refund", T0.plusSeconds(45));
    inbox.count("UPDATE conversations SET priority_manual = true WHERE id = $1 RETURNING 1", manual);
    assertThat(sweepAt(T0.plusSeconds(90)).warned()).isEqualTo(1);
    assertThat(inbox.count("SELECT priority FROM conversations WHERE id = $1", manual)).isEqualTo(1);
  }

  @Test
  void urgentMessageGetsTheUrgentTargetAndARisingConversationMovesItsDeadlineEarlier() throws Exception {
    long id = ingest.buyer(TestInbox.ACCOUNT_MY, "b2", "Do you ship to Penang?", T0);
    clock.set(T0.plusSeconds(20));
    ingest.buyer(TestInbox.ACCOUNT_MY, "b2", "Actually the last one arrived broken, I want a refund", T0.plusSeconds(20));
    var row = inbox.rows("SELECT sla_due_at, priority, category FROM conversations WHERE id = $1", id).get(0);
    assertThat(row.getOffsetDateTime(0).toInstant()).isEqualTo(T0.plusSeconds(60));
    assertThat(row.getShort(1)).isEqualTo((short) 1);
    assertThat(row.getString(2)).isEqualTo("after_sale");
    assertThat(inbox.count("SELECT count(*) FROM activities WHERE type = 'priority_raised'")).isEqualTo(1);
  }

  @Test
  void breachMovesTheConversationToAnotherAgentWithRoom() throws Exception {
    long mei = inbox.createUser("mei", "agent", 1);
    long arif = inbox.createUser("arif", "agent", 2);
    inbox.goOnline(mei);
    long id = ingest.buyer(TestInbox.ACCOUNT_MY, "b3", "Bila barang sampai?", T0);
    Await.until("assigned to mei", () -> assignee(id) == mei);
    inbox.goOnline(arif);
    SlaSweep.Result r = sweepAt(T0.plusSeconds(121));
    assertThat(r.breached()).isEqualTo(1);
    assertThat(r.reassigned()).isEqualTo(1);
    assertThat(assignee(id)).isEqualTo(arif);
    assertThat(inbox.count("SELECT active_count FROM users WHERE id = $1", mei)).isZero();
    assertThat(inbox.count("SELECT active_count FROM users WHERE id = $1", arif)).isEqualTo(1);
    assertThat(inbox.rows("SELECT body FROM activities WHERE type = 'reassigned'").get(0).getString(0))
        .contains("mei").contains("arif").contains("SLA breached");
    assertThat(sweepNow().reassigned()).isZero();
  }

  @Test
  void aHumanReplyStopsTheClockAndNothingIsBreached() throws Exception {
    long mei = inbox.createUser("mei", "agent", 3);
    inbox.goOnline(mei);
    long id = ingest.buyer(TestInbox.ACCOUNT_MY, "b4", "Ada warna merah?", T0);
    Await.until("assigned", () -> assignee(id) == mei);
    assertThat(inbox.post(inbox.login("mei"), "/api/conversations/" + id + "/replies",
        new JsonObject().put("text", "Ada, kak!")).statusCode()).isEqualTo(202);
    SlaSweep.Result r = sweepAt(T0.plusSeconds(600));
    assertThat(r.warned() + r.breached()).isZero();
    assertThat(inbox.rows("SELECT sla_state, sla_due_at FROM conversations WHERE id = $1", id).get(0).getString(0))
        .isEqualTo("none");
  }

  @Test
  void disconnectedAgentsConversationsReturnAfterTheGracePeriodFirstInTheirClass() throws Exception {
    long mei = inbox.createUser("mei", "agent", 2);
    inbox.goOnline(mei);
    long a = ingest.buyer(TestInbox.ACCOUNT_MY, "b5", "Boleh tukar saiz?", T0);
    long b = ingest.buyer(TestInbox.ACCOUNT_MY, "b6", "Ada stok?", T0);
    Await.until("both assigned", () -> assignee(a) == mei && assignee(b) == mei);
    // a normal conversation waits in the queue with an earlier deadline (T0+100) than theirs (T0+120)
    clock.set(T0.plusSeconds(5));
    long waiting = ingest.buyer(TestInbox.ACCOUNT_MY, "b7", "Harga borong?", T0.minusSeconds(20));
    Await.result(UserStore.setPresence(inbox.db.pool(), mei, "offline"));

    sweepNow();                                      // notices mei offline at T0+5
    actsOnceAt(T0.plusSeconds(65), SlaSweep.Result::requeued, 2);
    assertThat(inbox.count("SELECT active_count FROM users WHERE id = $1", mei)).isZero();
    assertThat(inbox.count("SELECT count(*) FROM activities WHERE type = 'requeued'")).isEqualTo(2);

    String token = supervisorToken();
    var queue = inbox.get(token, "/api/queue").bodyAsJsonObject().getJsonArray("conversations");
    List<Long> order = queue.stream().map(o -> ((JsonObject) o).getLong("id")).toList();
    assertThat(order).containsExactly(a, b, waiting);
  }

  @Test
  void pinduoduoClockCountsOnlyFromEightToElevenAndShopeeIgnoresAutoReplies() throws Exception {
    Await.result(AccountStore.sync(inbox.db.pool(), List.of(new AccountConfig("pdd-01", "pinduoduo", "9001",
        "PDD shop", "CN", "Asia/Shanghai", "https://bridge.invalid", "https://bridge.invalid/cb",
        new AccountCredentials("k", "s", "t", "r"), Map.of()))));
    Instant sevenThirty = Instant.parse("2026-11-10T23:30:00Z");   // 07:30 in Shanghai
    clock.set(sevenThirty);
    long early = ingest.buyer("pdd-01", "p1", "在吗?", sevenThirty);
    assertThat(inbox.rows("SELECT platform_due_at FROM conversations WHERE id = $1", early).get(0).getValue(0)).isNull();
    Instant nine = Instant.parse("2026-11-11T01:00:00Z");          // 09:00 in Shanghai
    clock.set(nine);
    long counted = ingest.buyer("pdd-01", "p2", "在吗?", nine);
    var row = inbox.rows("SELECT platform_due_at, platform_rule FROM conversations WHERE id = $1", counted).get(0);
    assertThat(row.getOffsetDateTime(0).toInstant()).isEqualTo(nine.plusSeconds(300));
    assertThat(row.getString(1)).isEqualTo("pinduoduo-5min");

    long shopee = ingest.buyer(TestInbox.ACCOUNT_MY, "s1", "Hello?", nine);
    ingest.shop(TestInbox.ACCOUNT_MY, "s1", "auto_reply", "Thanks, we will reply soon", nine.plusSeconds(1));
    var afterAuto = inbox.rows("SELECT platform_due_at, waiting_since, sla_state FROM conversations WHERE id = $1", shopee)
        .get(0);
    assertThat(afterAuto.getOffsetDateTime(0).toInstant()).isEqualTo(nine.plus(Duration.ofHours(12)));
    assertThat(afterAuto.getValue(1)).isNotNull();
    assertThat(afterAuto.getString(2)).isEqualTo("running");
    ingest.shop(TestInbox.ACCOUNT_MY, "s1", "text", "Hi! Yes, how can I help?", nine.plusSeconds(30));
    var afterHuman = inbox.rows("SELECT platform_due_at, waiting_since, sla_state FROM conversations WHERE id = $1", shopee)
        .get(0);
    assertThat(afterHuman.getValue(0)).isNull();
    assertThat(afterHuman.getValue(1)).isNull();
    assertThat(afterHuman.getString(2)).isEqualTo("none");
  }

  private SlaSweep.Result sweepNow() throws Exception {
    return Await.result(sweep.run());
  }

  private SlaSweep.Result sweepAt(Instant at) throws Exception {
    clock.set(at);
    return sweepNow();
  }

  /** The sweep does nothing a second before {@code at}, {@code expected} at {@code at}, and nothing when run again. */
  private void actsOnceAt(Instant at, ToIntFunction<SlaSweep.Result> count, int expected) throws Exception {
    assertThat(count.applyAsInt(sweepAt(at.minusSeconds(1)))).as("a second before " + at).isZero();
    assertThat(count.applyAsInt(sweepAt(at))).as("at " + at).isEqualTo(expected);
    assertThat(count.applyAsInt(sweepNow())).as("run again at " + at).isZero();
  }

  private String supervisorToken() throws Exception {
    inbox.createUser("lin", "supervisor", 3);
    return inbox.login("lin");
  }

  private long assignee(long conversationId) {
    try {
      var rows = inbox.rows("SELECT assignee_id FROM conversations WHERE id = $1", conversationId);
      Long v = rows.get(0).getLong(0);
      return v == null ? -1 : v;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
