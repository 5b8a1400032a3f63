package dev.unibox.bench;

import dev.unibox.accounts.AccountStore;
import dev.unibox.adapters.spi.AccountConfig;
import dev.unibox.adapters.spi.AccountCredentials;
import dev.unibox.adapters.spi.InboundMessage;
import dev.unibox.auth.CurrentUser;
import dev.unibox.config.UniboxConfig.SlaConfig;
import dev.unibox.config.UniboxConfig.SurgeConfig;
import dev.unibox.conversations.CloseConversation;
import dev.unibox.domain.MessageClassifier;
import dev.unibox.domain.SlaPolicy;
import dev.unibox.ingest.IngestService;
import dev.unibox.planning.Scenario;
import dev.unibox.routing.Router;
import dev.unibox.routing.RoutingPolicies;
import dev.unibox.shifts.ShiftPlan;
import dev.unibox.sla.SlaSweep;
import dev.unibox.sla.SurgeControl;
import dev.unibox.store.Database;
import dev.unibox.testing.MutableClock;
import dev.unibox.testing.TestDatabases;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One scenario under one routing policy, on a virtual clock, through the real ingest (classifier), the
 * real {@link Router} and the real SLA sweep (warnings, surge, shift clock every {@value #SWEEP_SECONDS}
 * virtual seconds). Simulated agents answer after reading (slower the more chats they hold; +30 s for
 * a returning buyer new to them) and close after handling.
 */
final class SimDay {

  static final int SWEEP_SECONDS = 10;

  /** One line of the comparison: a routing policy, with or without surge switching the standby pool on. */
  record Variant(String label, String policy, boolean surge) {}

  /** A conversation the simulation follows. */
  static final class Tracked {
    final SimWorkload.Arrival arrival;
    long conversationId;
    Long agent;
    long answeredAt = -1;
    long closedAt = -1;

    Tracked(SimWorkload.Arrival a) {
      this.arrival = a;
    }
  }

  private enum Act { ANSWER, CLOSE, FOLLOW_UP }

  private record Step(long second, int order, Tracked conversation, Act act) {}

  private SimDay() {}

  static SimResult run(Variant row, Scenario s, List<SimWorkload.Arrival> arrivals, MessageClassifier classifier)
      throws Exception {
    long wallStart = System.nanoTime();
    Vertx vertx = Vertx.vertx();
    Database db = TestDatabases.fresh(vertx, java.time.Duration.ofMinutes(5));
    Pool pool = db.pool();
    Instant midnight = s.start();
    MutableClock clock = new MutableClock(midnight.plusSeconds(s.fromHour() * 3600L));
    await(AccountStore.sync(pool, s.shops().stream().map(sh -> new AccountConfig(sh.accountId(), sh.platform(),
        "sim-" + sh.accountId(), sh.accountId(), "SIM", sh.zone().getId(), "https://sim.invalid", "https://sim.invalid/cb",
        new AccountCredentials("k", "s", "t", "r"), Map.of())).toList()));
    SimTeam team = SimTeam.of(s);
    Map<String, Long> userIds = team.insert(pool, s.team().capacity());
    SlaPolicy sla = SlaPolicy.standard();
    // the sweep is driven by the simulation (each SWEEP_SECONDS); reassignment is off (their clock is the sim's)
    SlaConfig slaConfig = new SlaConfig(sla, SWEEP_SECONDS * 1000L, false, 60);
    SurgeConfig surgeConfig = row.surge() ? SurgeConfig.standard() : SurgeConfig.off();
    Router router = new Router(vertx, pool, clock, RoutingPolicies.byName(row.policy()));
    SurgeControl surge = new SurgeControl(vertx, pool, clock, surgeConfig, sla.targets(null, null).regular(), team.plan());
    SlaSweep sweep = new SlaSweep(vertx, pool, clock, slaConfig, team.plan(), surge, router);
    IngestService ingest = new IngestService(vertx, pool, classifier, clock, sla);
    CloseConversation close = new CloseConversation(vertx, pool, clock);

    Map<Long, Tracked> byConversation = new HashMap<>();
    Map<Long, Long> lastAgent = new HashMap<>();
    Map<Long, Integer> load = new HashMap<>();
    List<Router.Assignment> fresh = new ArrayList<>();
    router.observe((assignments, at) -> {
      synchronized (fresh) {
        fresh.addAll(assignments);
      }
    });
    PriorityQueue<Step> steps = new PriorityQueue<>((a, b) -> a.second() != b.second()
        ? Long.compare(a.second(), b.second()) : Integer.compare(a.order(), b.order()));
    List<Tracked> all = new ArrayList<>();
    SimUtilisation use = new SimUtilisation(team, userIds, load, s.team().capacity());
    int next = 0;
    int order = 0;
    long dayEnd = s.toHour() * 3600L;
    long end = dayEnd + 12 * 3600;   // after the window: no arrivals, until everyone is answered
    long queued = 0;
    boolean surgeActive = false;
    long t = s.fromHour() * 3600L;
    long lastSweep = t - SWEEP_SECONDS;
    while (t < end) {
      clock.set(midnight.plusSeconds(t));
      boolean changed = false;
      // 1. buyers write
      List<InboundMessage> batch = new ArrayList<>();
      List<Tracked> batchTracked = new ArrayList<>();
      while (next < arrivals.size() && arrivals.get(next).second() == t) {
        SimWorkload.Arrival a = arrivals.get(next++);
        batchTracked.add(new Tracked(a));
        batch.add(new InboundMessage(a.shop().accountId(), "m-" + a.index(), "c-" + a.buyer(), a.buyer(), a.buyer(), true,
            "text", a.text(), clock.instant()));
      }
      if (!batch.isEmpty()) {
        await(ingest.ingest(batch));
        Map<String, Long> idOf = new HashMap<>();
        for (var r : await(pool.preparedQuery("SELECT id, platform_conversation_id FROM conversations "
            + "WHERE platform_conversation_id = ANY($1)").execute(Tuple.tuple().addArrayOfString(
                batchTracked.stream().map(x -> "c-" + x.arrival.buyer()).toArray(String[]::new))))) {
          idOf.put(r.getString(1), r.getLong(0));
        }
        for (Tracked tr : batchTracked) {
          tr.conversationId = idOf.get("c-" + tr.arrival.buyer());
          Tracked open = byConversation.get(tr.conversationId);
          if (open != null && open.closedAt < 0) {
            // the same buyer again while the chat is open: before the first answer the same wait (counted
            // once); after it, the agent holding the chat answers the follow-up
            if (open.answeredAt >= 0) {
              steps.add(new Step(t + Math.max(1, Math.round(tr.arrival.readSeconds())), order++, open, Act.FOLLOW_UP));
            }
            continue;
          }
          byConversation.put(tr.conversationId, tr);
          all.add(tr);
        }
        changed = true;
      }
      // 2. agents answer and close
      List<InboundMessage> replies = new ArrayList<>();
      while (!steps.isEmpty() && steps.peek().second() <= t) {
        Step st = steps.poll();
        Tracked tr = st.conversation();
        if (st.act() == Act.CLOSE) {
          await(close.close(new CurrentUser(tr.agent, "agent", "agent", "agent", true, Set.of()), tr.conversationId)
              .recover(e -> Future.succeededFuture()));
          tr.closedAt = t;
          load.merge(tr.agent, -1, Integer::sum);
          changed = true;
        } else if (tr.closedAt < 0) {
          if (st.act() == Act.ANSWER) {
            tr.answeredAt = t;
          }
          replies.add(new InboundMessage(tr.arrival.shop().accountId(), "r-" + tr.arrival.index() + "-" + st.order(),
              "c-" + tr.arrival.buyer(), tr.arrival.buyer(), tr.arrival.buyer(), false, "text", "Hi! Let me check.",
              clock.instant()));
        }
      }
      if (!replies.isEmpty()) {
        await(ingest.ingest(replies));
      }
      // 3. the SLA clock (and surge, and shifts)
      if (t - lastSweep >= SWEEP_SECONDS) {
        lastSweep = t;
        changed |= await(sweep.run()).routingChanged();
        surgeActive = await(pool.query("SELECT active FROM surge_state").execute()).iterator().next().getBoolean(0);
      }
      // 4. routing
      if (changed) {
        await(router.drain());
        queued = await(pool.query("SELECT count(*) FROM conversations WHERE status = 'queued'").execute())
            .iterator().next().getLong(0);
        List<Router.Assignment> got;
        synchronized (fresh) {
          got = new ArrayList<>(fresh);
          fresh.clear();
        }
        for (Router.Assignment a : got) {
          Tracked tr = byConversation.get(a.conversationId());
          int l = load.merge(a.agentId(), 1, Integer::sum);
          Long previous = lastAgent.get(a.conversationId());
          double history = tr.arrival.returning() && (previous == null || previous != a.agentId()) ? 30 : 0;
          tr.agent = a.agentId();
          lastAgent.put(a.conversationId(), a.agentId());
          long answer = Math.max(t + 1, t + Math.round(tr.arrival.readSeconds() * (1 + 0.25 * (l - 1)) + history));
          steps.add(new Step(answer, order++, tr, Act.ANSWER));
          steps.add(new Step(answer + Math.round(tr.arrival.handleSeconds() * (1 + 0.15 * (l - 1))), order++, tr,
              Act.CLOSE));
        }
      }
      // 5. utilisation until the next thing happens
      long nextT = Math.min(end, lastSweep + SWEEP_SECONDS);
      if (next < arrivals.size()) {
        nextT = Math.min(nextT, arrivals.get(next).second());
      }
      if (!steps.isEmpty()) {
        nextT = Math.min(nextT, steps.peek().second());
      }
      nextT = Math.max(nextT, t + 1);
      if (t < dayEnd) {
        use.add(clock.instant(), Math.min(nextT, dayEnd) - t, surgeActive, queued > 0);
      }
      if (t >= dayEnd && next >= arrivals.size() && steps.isEmpty() && all.stream().allMatch(x -> x.answeredAt >= 0)) {
        break;
      }
      t = nextT;
    }
    int activations = await(pool.query("SELECT count(*) FROM surge_log WHERE action = 'activated'").execute())
        .iterator().next().getInteger(0);
    await(db.close());
    vertx.close().toCompletionStage().toCompletableFuture().get(1, TimeUnit.MINUTES);
    SimResult result = SimResult.of(row, s, all, t, use, activations, (System.nanoTime() - wallStart) / 1e9);
    System.out.println(result.row() + "   (" + Math.round(result.wallSeconds()) + " s wall)");
    return result;
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.MINUTES);
  }
}
