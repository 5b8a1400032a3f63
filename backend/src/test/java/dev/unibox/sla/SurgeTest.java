package dev.unibox.sla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.auth.UserStore;
import dev.unibox.config.UniboxConfig;
import dev.unibox.routing.Assigner;
import dev.unibox.shifts.Roster;
import dev.unibox.signals.Kicks;
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
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Surge mode: standby agents switched on when the queue predicts breaches, released when calm, by hand too; a planned
 * window calls only the standby agents it names.
 */
@InboxTest
class SurgeTest implements TestInboxExtension.Tuning {

  private static final Instant T0 = Instant.parse("2026-11-11T04:00:00Z"); // 12:00 in Kuala Lumpur
  private final MutableClock clock = new MutableClock(T0);
  private static final ZoneId KL = ZoneId.of("Asia/Kuala_Lumpur");
  private static final Roster ROSTER = new Roster(KL, List.of(
      new Roster.Shift("morning", LocalTime.of(7, 0), LocalTime.of(15, 0), KL, "lin", List.of("mei")),
      new Roster.Shift("noon", LocalTime.of(15, 0), LocalTime.of(23, 0), KL, "lin", List.of("arif"))),
      List.of("backup"));
  private final UniboxConfig.SurgeConfig surgeConfig = new UniboxConfig.SurgeConfig(true, 3, 0, 60, 300);
  private final UniboxConfig.SlaConfig sla =
      new UniboxConfig.SlaConfig(dev.unibox.domain.SlaPolicy.standard(), 600_000, false, 60);
  private TestInbox inbox;
  private TestIngest ingest;
  private SurgeControl surge;
  private SlaSweep sweep;
  private long lin;
  private long mei;
  private long arif;
  private long backup;

  @Override
  public UniboxConfig tune(UniboxConfig c) {
    return TestInbox.withRouting(c, c.routing().withSla(sla).withSurge(surgeConfig));
  }

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    var rosters = inbox.app.shifts().rosters;
    surge = new SurgeControl(vertx, inbox.db.pool(), clock, surgeConfig, Duration.ofSeconds(120), rosters);
    sweep = new SlaSweep(vertx, inbox.db.pool(), clock, sla, rosters, surge,
        new Assigner(vertx, inbox.db.pool(), clock)::reassign);
    mei = inbox.createUser("mei", "agent", 1);
    arif = inbox.createUser("arif", "agent", 5);
    backup = inbox.createUser("backup", "agent", 3);
    lin = inbox.createUser("lin", "supervisor", 3);
    Await.result(rosters.replace(ROSTER, lin));
    for (long id : List.of(mei, arif, backup)) {
      Await.result(UserStore.setPresence(inbox.db.pool(), id, "online"));
    }
    Await.result(sweep.run()); // shift states from the roster
  }

  @Test
  void onlyAgentsOnTheCurrentShiftAreRouted() throws Exception {
    assertThat(state(mei)).isEqualTo("on_shift");
    assertThat(state(arif)).isEqualTo("off_shift");
    assertThat(state(backup)).isEqualTo("standby");
    long id = ingest.buyer(TestInbox.ACCOUNT_MY, "x1", "Ada stok?", T0);
    Await.until("assigned to mei", () -> assigned(mei) == 1);
    assertThat(assigned(arif) + assigned(backup)).isZero();
    clock.set(T0.plus(Duration.ofHours(3)));      // 15:00: noon shift
    Await.result(sweep.run());
    assertThat(state(mei)).isEqualTo("off_shift");
    assertThat(state(arif)).isEqualTo("on_shift");
    // mei's open chat stays with her or is handed over to the noon shift by the shift clock, never to standby
    assertThat(inbox.count("SELECT coalesce(assignee_id, 0) FROM conversations WHERE id = $1", id)).isIn(mei, arif);
    // the next buyer goes to the noon shift's agent, not to the standby pool
    long next = ingest.buyer(TestInbox.ACCOUNT_MY, "x2", "Ada stok saiz L?", T0.plus(Duration.ofHours(3)));
    Await.until("the next buyer assigned to arif", () -> assigneeOf(next) == arif);
    assertThat(assigned(backup)).isZero();
  }

  private long assigneeOf(long conversation) {
    try {
      return inbox.count("SELECT coalesce(assignee_id, 0) FROM conversations WHERE id = $1", conversation);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void deepQueueSwitchesTheStandbyPoolOnAndACalmQueueReleasesIt() throws Exception {
    try (AgentSocket lin = inbox.socket(inbox.login("lin"), 0)) {
      lin.hello();
      for (int i = 0; i < 4; i++) {
        ingest.buyer(TestInbox.ACCOUNT_MY, "q" + i, "Ada stok saiz M? " + i, T0);
      }
      Await.until("mei full", () -> assigned(mei) == 1);
      assertThat(queued()).isEqualTo(3);
      SlaSweep.Result r = Await.result(sweep.run());
      assertThat(r.surgeChanged()).isTrue();
      assertThat(state(backup)).isEqualTo("standby_active");
      JsonObject event = lin.nextEvent("surge.changed");
      assertThat(event.getJsonObject("data").getJsonObject("surge").getBoolean("active")).isTrue();
      dev.unibox.signals.Kicks.routing(inbox.vertx);
      Await.until("backup takes the queue", () -> assigned(backup) == 3);
      var log = inbox.rows("SELECT action, reason, agents FROM surge_log ORDER BY id");
      assertThat(log).hasSize(1);
      assertThat(log.get(0).getString(0)).isEqualTo("activated");
      assertThat(log.get(0).getString(1)).contains("queue depth 3");
      assertThat(log.get(0).getArrayOfStrings(2)).containsExactly("backup");

      // calm: nothing queued; released only after calmSeconds
      clock.set(T0.plusSeconds(10));
      assertThat(Await.result(sweep.run()).surgeChanged()).isFalse();
      clock.set(T0.plusSeconds(69));
      assertThat(Await.result(sweep.run()).surgeChanged()).isFalse();
      clock.set(T0.plusSeconds(70));
      assertThat(Await.result(sweep.run()).surgeChanged()).isTrue();
      assertThat(state(backup)).isEqualTo("standby");
      assertThat(inbox.count("SELECT count(*) FROM surge_log WHERE action = 'released'")).isEqualTo(1);
      lin.next(f -> "surge.changed".equals(f.getString("event"))
          && !f.getJsonObject("data").getJsonObject("surge").getBoolean("active"));
    }
  }

  @Test
  void automaticSurgeCallsTheStandbyAgentsTheWaitingBuyersNeedAndMoreWheneverTheyWaitWhileOn() throws Exception {
    long thai = inbox.createUser("thai", "agent", 3);
    long spare = inbox.createUser("spare", "agent", 3);
    for (long id : List.of(thai, spare)) {
      Await.result(UserStore.setPresence(inbox.db.pool(), id, "online"));
    }
    inbox.setLanguages(inbox.login("lin"), thai, 3, "th");
    Await.result(inbox.app.shifts().rosters.replace(new Roster(KL, ROSTER.shifts(), List.of("backup", "thai", "spare")),
        lin));
    Await.result(sweep.run());
    List<Long> first = new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++) {
      first.add(ingest.buyer(TestInbox.ACCOUNT_MY, "m" + i, "Bila barang saya akan sampai? " + i, T0));
    }
    Await.until("mei full", () -> assigned(mei) == 1);
    for (long id : first) {
      assertThat(inbox.languageOf(id)).isNotNull().isNotEqualTo("th");
    }

    // three wait: backup's three seats take them; the Thai speaker and spare stay on standby
    assertThat(Await.result(sweep.run()).surgeChanged()).isTrue();
    assertThat(List.of(state(backup), state(thai), state(spare)))
        .containsExactly("standby_active", "standby", "standby");
    Await.until("backup takes the queue", () -> assigned(backup) == 3);
    assertThat(inbox.rows("SELECT agents FROM surge_log WHERE action = 'activated'").get(0).getArrayOfStrings(0))
        .containsExactly("backup");
    String lead = inbox.login("lin");
    assertThat(inbox.get(lead, "/api/surge").bodyAsJsonObject().getJsonObject("surge").getJsonArray("called"))
        .containsExactly("backup");

    // one more waits while surge is on, short of a predicted breach (depth 1 of 3, expected wait 75 s): the next
    // sweep still calls spare for them, never the Thai speaker
    clock.set(T0.plusSeconds(10));
    ingest.buyer(TestInbox.ACCOUNT_MY, "m4", "Bila barang saya akan sampai? 4", clock.instant());
    assertThat(queued()).isEqualTo(1);
    assertThat(Await.result(sweep.run()).surgeChanged()).isTrue();
    assertThat(List.of(state(backup), state(thai), state(spare)))
        .containsExactly("standby_active", "standby", "standby_active");
    Await.until("spare takes the buyer", () -> assigned(spare) == 1);
    var called = inbox.rows("SELECT agents FROM surge_log WHERE action = 'called'");
    assertThat(called).hasSize(1);
    assertThat(called.get(0).getArrayOfStrings(0)).containsExactly("spare");

    // a supervisor's "on" calls the whole pool; calm releases everyone back to standby
    Await.result(surge.setMode(lin, "lin", "on"));
    Await.result(sweep.run());
    assertThat(state(thai)).isEqualTo("standby_active");
    Await.result(surge.setMode(lin, "lin", "auto"));
    clock.set(T0.plusSeconds(20));
    Await.result(sweep.run());
    clock.set(T0.plusSeconds(80));
    assertThat(Await.result(sweep.run()).surgeChanged()).isTrue();
    assertThat(List.of(state(backup), state(thai), state(spare))).containsExactly("standby", "standby", "standby");
  }

  @Test
  void aBuyerPastTheWarningWhomOnlyAStandbyAgentCanTakeCallsThatAgentInAShortQueue() throws Exception {
    long thai = inbox.createUser("thai", "agent", 3);
    Await.result(UserStore.setPresence(inbox.db.pool(), thai, "online"));
    String lead = inbox.login("lin");
    inbox.setLanguages(lead, thai, 3, "th");
    inbox.setLanguages(lead, backup, 3, "ms");
    inbox.setLanguages(lead, mei, 6, "ms");
    Await.result(inbox.app.shifts().rosters.replace(new Roster(KL, ROSTER.shifts(), List.of("backup", "thai")), lin));
    Await.result(sweep.run());
    for (int i = 0; i < 6; i++) {
      ingest.buyer(TestInbox.ACCOUNT_MY, "m" + i, "Bila barang saya akan sampai? " + i, T0);
    }
    Await.until("mei takes the Malay buyers", () -> assigned(mei) == 6);
    long vietnamese = ingest.buyer(TestInbox.ACCOUNT_MY, "v1", "Khi nào đơn hàng của tôi được giao vậy shop?",
        T0);
    assertThat(inbox.languageOf(vietnamese)).isEqualTo("vi");

    // past the warning (90 s of 120) with nobody on standby who reads Vietnamese: surge stays off, nothing logged
    clock.set(T0.plusSeconds(91));
    assertThat(Await.result(sweep.run()).surgeChanged()).isFalse();
    assertThat(inbox.count("SELECT count(*) FROM surge_log")).isZero();

    // a Thai buyer waits too: two in the queue (under the depth of 3), expected wait 100 s (under the 120 s target)
    long thaiBuyer = ingest.buyer(TestInbox.ACCOUNT_MY, "t1", "สินค้าจะมาถึงเมื่อไหร่ครับ ส่งของหรือยัง",
        clock.instant());
    assertThat(inbox.languageOf(thaiBuyer)).isEqualTo("th");
    clock.set(T0.plusSeconds(150));
    assertThat(Await.result(sweep.run()).surgeChanged()).isFalse();
    assertThat(state(thai)).isEqualTo("standby");

    // the Thai buyer past the warning: the Thai speaker is called, and only they
    clock.set(T0.plusSeconds(182));
    assertThat(Await.result(sweep.run()).surgeChanged()).isTrue();
    assertThat(List.of(state(thai), state(backup))).containsExactly("standby_active", "standby");
    Kicks.routing(inbox.vertx);
    Await.until("the Thai speaker takes the Thai buyer", () -> assigneeOf(thaiBuyer) == thai);
    var log = inbox.rows("SELECT action, reason, agents FROM surge_log ORDER BY id");
    assertThat(log).hasSize(1);
    assertThat(log.get(0).getString(0)).isEqualTo("activated");
    assertThat(log.get(0).getString(1)).isEqualTo("2 waiting past their SLA warning");
    assertThat(log.get(0).getArrayOfStrings(2)).containsExactly("thai");
    assertThat(inbox.get(lead, "/api/surge").bodyAsJsonObject().getJsonObject("surge").getJsonObject("queue")
        .getLong("warned")).isEqualTo(1);
  }

  @Test
  void supervisorSwitchesSurgeByHandAndAgentsMayNot() throws Exception {
    String lead = inbox.login("lin");
    String agent = inbox.login("mei");
    assertThat(inbox.post(agent, "/api/surge", new JsonObject().put("mode", "on")).statusCode()).isEqualTo(403);
    var bad = inbox.post(lead, "/api/surge", new JsonObject().put("mode", "maybe"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.bodyAsJsonObject().getString("error")).isEqualTo("bad_mode");
    assertThat(inbox.count("SELECT count(*) FROM surge_log")).isZero();

    var on = inbox.post(lead, "/api/surge", new JsonObject().put("mode", "on"));
    assertThat(on.statusCode()).isEqualTo(200);
    assertThat(on.bodyAsJsonObject().getJsonObject("surge").getBoolean("active")).isTrue();
    assertThat(on.bodyAsJsonObject().getJsonObject("surge").getString("mode")).isEqualTo("on");
    Await.result(sweep.run());
    assertThat(state(backup)).isEqualTo("standby_active");
    // the automatic release does not override the hand
    clock.set(T0.plusSeconds(3600));
    Await.result(sweep.run());
    Await.result(sweep.run());
    assertThat(state(backup)).isEqualTo("standby_active");
    var log = inbox.rows("SELECT action, by_user_id FROM surge_log ORDER BY id");
    assertThat(log).extracting(r -> r.getString(0)).containsExactly("mode", "activated");
    assertThat(log.get(1).getLong(1)).isNotNull();

    var off = inbox.post(lead, "/api/surge", new JsonObject().put("mode", "off"));
    assertThat(off.bodyAsJsonObject().getJsonObject("surge").getBoolean("active")).isFalse();
    Await.result(sweep.run());
    assertThat(state(backup)).isEqualTo("standby");
    assertThat(inbox.get(agent, "/api/surge").statusCode()).isEqualTo(403);
    var status = inbox.get(lead, "/api/surge").bodyAsJsonObject().getJsonObject("surge");
    assertThat(status.getJsonArray("history")).hasSize(4);
    assertThat(status.getJsonArray("standby")).containsExactly("backup");
  }

  @Test
  void surgeCallsOnTheStandbyPoolOfTheRosterASupervisorEdited() throws Exception {
    long spare = inbox.createUser("spare", "agent", 3);
    Await.result(UserStore.setPresence(inbox.db.pool(), spare, "online"));
    String lead = inbox.login("lin");
    JsonObject edited = new JsonObject("""
        {"zone": "Asia/Kuala_Lumpur", "standby": ["spare"],
         "shifts": [{"name": "morning", "start": "07:00", "end": "15:00", "lead": "lin", "agents": ["mei"]},
                    {"name": "noon", "start": "15:00", "end": "23:00", "lead": "lin", "agents": ["arif"]}]}""");
    assertThat(inbox.put(lead, "/api/shifts", edited).statusCode()).isEqualTo(200);

    // what supervisors are shown, what surge logs and what it switches on is the edited pool
    var status = inbox.get(lead, "/api/surge").bodyAsJsonObject().getJsonObject("surge");
    assertThat(status.getJsonArray("standby")).containsExactly("spare");
    assertThat(Await.result(surge.setMode(lin, "lin", "on")).getJsonArray("standby")).containsExactly("spare");
    assertThat(inbox.rows("SELECT agents FROM surge_log WHERE action = 'activated'").get(0).getArrayOfStrings(0))
        .containsExactly("spare");
    Await.result(sweep.run());
    assertThat(state(spare)).isEqualTo("standby_active");
    assertThat(state(backup)).isEqualTo("unrostered");
  }

  @Test
  void aPlannedWindowCallsOnlyTheAgentsItNamesUntilItEndsAndOffHoldsItBack() throws Exception {
    long spare = inbox.createUser("spare", "agent", 3);
    Await.result(UserStore.setPresence(inbox.db.pool(), spare, "online"));
    Await.result(inbox.app.shifts().rosters.replace(new Roster(KL, ROSTER.shifts(), List.of("backup", "spare")), lin));
    // 12:30-13:30 in Kuala Lumpur calling backup, as a staffing plan stores it
    inbox.count("INSERT INTO surge_windows (starts_at, ends_at, agents, created_at) VALUES ($1, $2, $3, $1) RETURNING 1",
        T0.plusSeconds(1800).atOffset(java.time.ZoneOffset.UTC), T0.plusSeconds(5400).atOffset(java.time.ZoneOffset.UTC),
        new String[] {"backup"});
    clock.set(T0.plusSeconds(1799));
    Await.result(sweep.run());
    assertThat(List.of(state(backup), state(spare))).containsExactly("standby", "standby");

    clock.set(T0.plusSeconds(1800));
    Await.result(sweep.run());
    assertThat(List.of(state(backup), state(spare))).containsExactly("standby_active", "standby");
    // surge itself stays off: the window called backup alone
    assertThat(inbox.rows("SELECT active FROM surge_state").get(0).getBoolean(0)).isFalse();
    assertThat(inbox.count("SELECT count(*) FROM surge_log")).isZero();
    ingest.buyer(TestInbox.ACCOUNT_MY, "w1", "Ada stok?", clock.instant());
    ingest.buyer(TestInbox.ACCOUNT_MY, "w2", "Ada stok saiz L?", clock.instant());
    Await.until("both buyers assigned", () -> assigned(mei) + assigned(backup) + assigned(spare) == 2);
    assertThat(assigned(backup)).isPositive(); // mei takes one chat at a time
    assertThat(assigned(spare)).isZero();

    // a supervisor's off means no standby now: it holds the window back too, until auto hands it back
    Await.result(surge.setMode(lin, "lin", "off"));
    clock.set(T0.plusSeconds(3000));
    Await.result(sweep.run());
    assertThat(state(backup)).isEqualTo("standby");
    Await.result(surge.setMode(lin, "lin", "auto"));
    Await.result(sweep.run());
    assertThat(state(backup)).isEqualTo("standby_active");

    clock.set(T0.plusSeconds(5400)); // the window is over
    Await.result(sweep.run());
    assertThat(List.of(state(backup), state(spare))).containsExactly("standby", "standby");

    // surge still switches the whole pool on
    Await.result(surge.setMode(lin, "lin", "on"));
    Await.result(sweep.run());
    assertThat(List.of(state(backup), state(spare))).containsExactly("standby_active", "standby_active");
  }

  @Test
  void aWindowsAgentsStayOnCallForItsTailWhileBuyersWait(Vertx vertx) throws Exception {
    // surge's automatic decision off, so only the window calls anyone
    var rosters = inbox.app.shifts().rosters;
    SlaSweep sweep = new SlaSweep(vertx, inbox.db.pool(), clock, sla, rosters,
        new SurgeControl(vertx, inbox.db.pool(), clock, UniboxConfig.SurgeConfig.off(), Duration.ofSeconds(120), rosters),
        new Assigner(vertx, inbox.db.pool(), clock)::reassign);
    // 12:30-13:30 in Kuala Lumpur calling backup
    inbox.count("INSERT INTO surge_windows (starts_at, ends_at, agents, created_at) VALUES ($1, $2, $3, $1) RETURNING 1",
        T0.plusSeconds(1800).atOffset(java.time.ZoneOffset.UTC), T0.plusSeconds(5400).atOffset(java.time.ZoneOffset.UTC),
        new String[] {"backup"});
    clock.set(T0.plusSeconds(5390));
    Await.result(sweep.run());
    ingest.buyer(TestInbox.ACCOUNT_MY, "t1", "Ada stok?", clock.instant());
    Await.until("mei takes the first buyer", () -> assigned(mei) == 1);

    clock.set(T0.plusSeconds(5400)); // the window ends with nobody waiting: backup goes back to standby
    Await.result(sweep.run());
    assertThat(state(backup)).isEqualTo("standby");
    ingest.buyer(TestInbox.ACCOUNT_MY, "t2", "Ada stok saiz L?", clock.instant());
    assertThat(queued()).isEqualTo(1); // mei holds one chat at a time, arif's shift starts at 15:00

    clock.set(T0.plusSeconds(5400 + 60)); // inside the tail a waiting buyer calls the window's agents back
    Await.result(sweep.run());
    Await.until("backup takes the waiting buyer", () -> assigned(backup) == 1);
    Await.result(sweep.run()); // nobody waits: backup stands by again
    assertThat(state(backup)).isEqualTo("standby");

    clock.set(T0.plusSeconds(5400).plus(dev.unibox.shifts.Rosters.WINDOW_TAIL)); // after the tail a waiting buyer waits
    ingest.buyer(TestInbox.ACCOUNT_MY, "t3", "Bila hantar?", clock.instant());
    Await.result(sweep.run());
    assertThat(state(backup)).isEqualTo("standby");
    assertThat(queued()).isEqualTo(1);
    assertThat(assigned(backup)).isEqualTo(1);
  }

  private String state(long id) throws Exception {
    return inbox.rows("SELECT shift_state FROM users WHERE id = $1", id).get(0).getString(0);
  }

  private long queued() throws Exception {
    return inbox.count("SELECT count(*) FROM conversations WHERE status = 'queued'");
  }

  private long assigned(long id) {
    try {
      return inbox.count("SELECT count(*) FROM conversations WHERE assignee_id = $1 AND status = 'assigned'", id);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
