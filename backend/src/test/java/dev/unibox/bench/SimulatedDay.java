package dev.unibox.bench;

import dev.unibox.adapters.spi.InboundMessage;
import dev.unibox.bench.PromotionDayWorkload.Arrival;
import dev.unibox.config.UniboxConfig.SlaConfig;
import dev.unibox.config.UniboxConfig.SurgeConfig;
import dev.unibox.conversations.CloseConversation;
import dev.unibox.domain.MessageClassifier;
import dev.unibox.domain.SlaPolicy;
import dev.unibox.planning.SurgeWindow;
import dev.unibox.ingest.IngestService;
import dev.unibox.routing.Assigner;
import dev.unibox.routing.RoutingPolicy;
import dev.unibox.shifts.Roster;
import dev.unibox.shifts.Rosters;
import dev.unibox.shifts.SurgeView;
import dev.unibox.sla.SlaSweep;
import dev.unibox.sla.SurgeControl;
import dev.unibox.store.Database;
import dev.unibox.testing.MutableClock;
import dev.unibox.testing.TestDatabases;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One simulated day for one scenario, on a fresh database and one virtual clock: buyers write through the real
 * ingest (and classifier), the simulated agents answer and close, the real SLA sweep runs every
 * {@link #SWEEP_SECONDS} virtual seconds (warnings, surge, shift clock) and the real {@link Assigner} routes.
 * After the day there are no arrivals; it runs on until every buyer is answered. The team's surge windows are stored
 * as a staffing plan stores them ({@code surge_windows}, with the agents each calls): the real shift states call those
 * agents inside them, and the SLA sweep runs at each window's start and end. An agent counts as on duty while the
 * state the product wrote for them is on shift or standby active.
 */
final class SimulatedDay {

  static final int SWEEP_SECONDS = 10;

  /** What differs between the rows: the routing policy, and whether surge switches the standby pool on. */
  record Scenario(String label, RoutingPolicy policy, boolean surge) {}

  private final Scenario scenario;
  private final List<Arrival> arrivals;
  private final PromotionDayScenario day;
  private final PromotionDayTeam team;
  private final long daySeconds;
  private final long wallStart;
  private final Pool pool;
  private final MutableClock clock;
  private final Map<String, Long> userIds;
  private final Assigner router;
  private final SlaSweep sweep;
  private final IngestService ingest;
  private final SimulatedAgents agents;
  private final double[] onDutySecondsByHour = new double[24];
  private final Map<Long, TrackedChat> byConversation = new HashMap<>();
  private final List<TrackedChat> all = new ArrayList<>();
  private final List<Assigner.Assignment> fresh = new ArrayList<>();
  private final SeatTally seats = new SeatTally();
  private int next = 0;
  private long queued = 0;
  /** users.shift_state as the last sweep wrote it. */
  private final Map<String, String> states = new HashMap<>();
  private long lastSweep;
  private int windowEdge = 0;

  static DayResult run(Scenario scenario, PromotionDayScenario day, List<Arrival> arrivals, PromotionDayTeam team,
                       long daySeconds, MessageClassifier classifier) throws Exception {
    long wallStart = System.nanoTime();
    Vertx vertx = Vertx.vertx();
    Database db = TestDatabases.fresh(vertx);
    Pool pool = db.pool();
    MutableClock clock = new MutableClock(day.start());
    Map<String, Long> userIds = PromotionDaySeed.seed(pool, day, team);
    SimulatedDay sim = new SimulatedDay(scenario, day, arrivals, team, daySeconds, wallStart, vertx, pool, clock,
        userIds, classifier);
    long end = sim.runClock();
    int activations = await(pool.query("SELECT count(*) FROM surge_log WHERE action = 'activated'").execute())
        .iterator().next().getInteger(0);
    long breaches = await(pool.query("SELECT count(*) FROM activities WHERE type = 'sla_breached'").execute())
        .iterator().next().getLong(0);
    await(db.close());
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    DayResult result = DayResult.score(scenario, day.start(), sim.all, end, sim.seats, sim.onDutySecondsByHour,
        activations, breaches, (System.nanoTime() - wallStart) / 1e9);
    System.out.println(result.row() + "   (" + Math.round(result.wallSeconds()) + " s wall)");
    return result;
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(5, TimeUnit.MINUTES);
  }

  private SimulatedDay(Scenario scenario, PromotionDayScenario day, List<Arrival> arrivals, PromotionDayTeam team,
                       long daySeconds, long wallStart, Vertx vertx, Pool pool, MutableClock clock,
                       Map<String, Long> userIds, MessageClassifier classifier) throws Exception {
    this.scenario = scenario;
    this.day = day;
    this.arrivals = arrivals;
    this.team = team;
    this.daySeconds = daySeconds;
    this.wallStart = wallStart;
    this.pool = pool;
    this.clock = clock;
    this.userIds = userIds;
    SlaPolicy sla = SlaPolicy.standard();
    // the simulated agents always answer what they hold, so breach reassignment is off (their clock is the sim's)
    SlaConfig slaConfig = new SlaConfig(sla, SWEEP_SECONDS * 1000L, false, 60);
    SurgeConfig surgeConfig = scenario.surge() ? day.surge() : SurgeConfig.off();
    router = new Assigner(vertx, pool, clock, scenario.policy());
    Rosters rosters = new Rosters(vertx, pool, clock, team::plan, SurgeView.FROM_TABLE);
    await(rosters.start());
    SurgeControl surge = new SurgeControl(vertx, pool, clock, surgeConfig, sla.targets(null, null).regular(), rosters);
    for (SurgeWindow w : team.windows()) {
      await(pool.preparedQuery("INSERT INTO surge_windows (starts_at, ends_at, agents, created_at) VALUES ($1, $2, $3, $1)")
          .execute(Tuple.of(utc(w.startHour() * 3600L), utc(w.endHour() * 3600L), w.agents().toArray(String[]::new))));
    }
    sweep = new SlaSweep(vertx, pool, clock, slaConfig, rosters, surge, router::reassign);
    ingest = new IngestService(vertx, pool, classifier, clock, sla);
    agents = new SimulatedAgents(ingest, new CloseConversation(vertx, pool, clock), clock, day.times());
    router.observe((assignments, at) -> {
      synchronized (fresh) {
        fresh.addAll(assignments);
      }
    });
  }

  /** Drives the virtual clock from just before the first arrival; returns the second it stopped at. */
  private long runClock() throws Exception {
    long end = daySeconds + 6 * 3600;   // after the day: no arrivals, until everyone is answered
    long t = arrivals.isEmpty() ? 0 : Math.max(0, arrivals.get(0).second() - 600);
    lastSweep = t - SWEEP_SECONDS;
    long lastHour = -1;
    while (t < end) {
      clock.set(day.start().plusSeconds(t));
      if (t / 3600 != lastHour) {
        lastHour = t / 3600;
        System.out.printf("  %s %02d:00 (%d assigned so far, %.0f s wall)%n", scenario.policy().name(), lastHour,
            all.stream().filter(x -> x.agent != null).count(), (System.nanoTime() - wallStart) / 1e9);
      }
      boolean changed = buyersWrite(t);
      changed |= agents.work(t);
      changed |= sweepWhenDue(t, atWindowEdge(t));
      if (changed) {
        route(t);
      }
      long nextT = Math.min(Math.min(end, lastSweep + SWEEP_SECONDS), nextWindowEdge());
      if (next < arrivals.size()) {
        nextT = Math.min(nextT, arrivals.get(next).second());
      }
      nextT = Math.max(agents.nextStepBefore(nextT), t + 1);
      if (t < daySeconds) {
        countSeats(t, Math.min(nextT, daySeconds) - t);
      }
      if (t >= daySeconds && next >= arrivals.size() && agents.idle()
          && all.stream().allMatch(x -> x.answeredAt >= 0)) {
        break;
      }
      t = nextT;
    }
    return t;
  }

  /** The buyers due at second t write; true when any did. */
  private boolean buyersWrite(long t) throws Exception {
    List<InboundMessage> batch = new ArrayList<>();
    List<TrackedChat> batchTracked = new ArrayList<>();
    while (next < arrivals.size() && arrivals.get(next).second() == t) {
      Arrival a = arrivals.get(next++);
      batchTracked.add(new TrackedChat(a));
      batch.add(new InboundMessage(a.shop().accountId(), "m-" + a.index(), "c-" + a.buyer(), a.buyer(), a.buyer(), true,
          "text", a.text(), clock.instant()));
    }
    if (batch.isEmpty()) {
      return false;
    }
    await(ingest.ingest(batch));
    String[] ids = batchTracked.stream().map(x -> "c-" + x.arrival.buyer()).toArray(String[]::new);
    Map<String, Long> idOf = new HashMap<>();
    for (Row r : await(pool.preparedQuery("SELECT id, platform_conversation_id FROM conversations "
        + "WHERE platform_conversation_id = ANY($1)").execute(Tuple.tuple().addArrayOfString(ids)))) {
      idOf.put(r.getString(1), r.getLong(0));
    }
    for (TrackedChat tr : batchTracked) {
      tr.conversationId = idOf.get("c-" + tr.arrival.buyer());
      TrackedChat open = byConversation.get(tr.conversationId);
      if (open != null && open.closedAt < 0) {
        // the same buyer wrote again while the chat is open: before the first answer it is the same
        // wait (counted once); after it, the agent holding the chat answers the follow-up
        if (open.answeredAt >= 0) {
          agents.followUp(open, tr, t);
        }
        continue;
      }
      byConversation.put(tr.conversationId, tr);
      all.add(tr);
    }
    return true;
  }

  /** Has a surge window started or ended by second t (since the last call)? The sweep then runs at once. */
  private boolean atWindowEdge(long t) {
    boolean at = false;
    while (windowEdge < 2 * team.windows().size() && t >= edgeSecond(windowEdge)) {
      windowEdge++;
      at = true;
    }
    return at;
  }

  private long edgeSecond(int i) {
    SurgeWindow w = team.windows().get(i / 2);
    return (i % 2 == 0 ? w.startHour() : w.endHour()) * 3600L;
  }

  private long nextWindowEdge() {
    return windowEdge < 2 * team.windows().size() ? edgeSecond(windowEdge) : Long.MAX_VALUE;
  }

  private OffsetDateTime utc(long second) {
    return day.start().plusSeconds(second).atOffset(ZoneOffset.UTC);
  }

  /**
   * The SLA clock (and surge, and shifts) every SWEEP_SECONDS, or now when {@code now}; true when it changed what
   * routing sees.
   */
  private boolean sweepWhenDue(long t, boolean now) throws Exception {
    if (!now && t - lastSweep < SWEEP_SECONDS) {
      return false;
    }
    lastSweep = t;
    SlaSweep.Result r = await(sweep.run());
    for (Row row : await(pool.query("SELECT username, shift_state FROM users").execute())) {
      states.put(row.getString(0), row.getString(1));
    }
    return r.routingChanged();
  }

  /** The real router assigns; the agents it chose plan their answers. */
  private void route(long t) throws Exception {
    await(router.drain());
    queued = await(pool.query("SELECT count(*) FROM conversations WHERE status = 'queued'").execute())
        .iterator().next().getLong(0);
    List<Assigner.Assignment> got;
    synchronized (fresh) {
      got = new ArrayList<>(fresh);
      fresh.clear();
    }
    for (Assigner.Assignment a : got) {
      agents.assigned(a, byConversation.get(a.conversationId()), t);
    }
  }

  /** Seats busy and on duty from second t for {@code seconds}, until the next thing happens. */
  private void countSeats(long t, double seconds) {
    for (PromotionDayTeam.Agent a : team.agents()) {
      int busy = agents.load(userIds.get(a.username()));
      String state = states.get(a.username());
      boolean onDuty = Roster.ON_SHIFT.equals(state) || Roster.STANDBY_ACTIVE.equals(state);
      seats.count(busy, a.capacity(), onDuty, queued > 0, seconds);
      if (onDuty) {
        onDutySecondsByHour[(int) Math.min(23, t / 3600)] += seconds;
      }
    }
  }
}
