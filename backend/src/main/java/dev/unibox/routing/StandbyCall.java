package dev.unibox.routing;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whom automatic surge calls: the standby agents that seat the buyers waiting now, not the whole pool. The queue is
 * walked urgent first, then oldest first. A buyer whom an agent already called can take fills one of that agent's
 * seats; otherwise the standby agent who can take the buyer and the most of the buyers still waiting is called. A
 * buyer no standby agent can take calls nobody. The same skills match as a routing pass ({@link AgentSeat#canTake}).
 */
public final class StandbyCall {

  /** The queue read per call: the sweep's work stays small however long the queue is. */
  static final int QUEUE_READ = 500;

  private StandbyCall() {}

  /** Usernames of the pool's callable agents (standby, online, with room) the waiting buyers need, in call order. */
  public static Future<List<String>> forQueue(SqlConnection c, List<String> pool) {
    return call(c, pool, false);
  }

  /** As {@link #forQueue}, for the buyers waiting past their SLA warning only. */
  public static Future<List<String>> forWarned(SqlConnection c, List<String> pool) {
    return call(c, pool, true);
  }

  private static Future<List<String>> call(SqlConnection c, List<String> pool, boolean warnedOnly) {
    if (pool.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    // the few callable agents first: once surge has called everyone the queue need not be read at every sweep
    return RoutingStore.standbySeats(c, pool).compose(seats -> seats.isEmpty()
        ? Future.succeededFuture(List.of())
        : RoutingStore.waiting(c, QUEUE_READ, warnedOnly).map(waiting -> pick(waiting, seats)));
  }

  static List<String> pick(List<Candidate> waiting, Map<String, AgentSeat> standby) {
    Map<Need, Integer> left = new LinkedHashMap<>();
    waiting.forEach(w -> left.merge(Need.of(w), 1, Integer::sum));
    Map<String, AgentSeat> uncalled = new LinkedHashMap<>(standby);
    List<AgentSeat> called = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Candidate buyer : waiting) {
      left.merge(Need.of(buyer), -1, Integer::sum);
      AgentSeat seat = called.stream().filter(a -> a.canTake(buyer)).findFirst().orElse(null);
      if (seat == null) {
        String best = null;
        int bestServes = -1;
        for (Map.Entry<String, AgentSeat> e : uncalled.entrySet()) {
          if (e.getValue().canTake(buyer)) {
            int serves = serves(e.getValue(), left);
            if (serves > bestServes) {
              best = e.getKey();
              bestServes = serves;
            }
          }
        }
        if (best == null) {
          continue;
        }
        seat = uncalled.remove(best);
        called.add(seat);
        names.add(best);
      }
      seat.activeCount++;
    }
    return names;
  }

  private static int serves(AgentSeat agent, Map<Need, Integer> left) {
    int n = 0;
    for (Map.Entry<Need, Integer> e : left.entrySet()) {
      if (e.getValue() > 0 && agent.skilledFor(e.getKey().sample())) {
        n += e.getValue();
      }
    }
    return n;
  }

  /** Buyers who need the same skills. */
  private record Need(String accountId, String platform, String language, String team) {
    static Need of(Candidate c) {
      return new Need(c.accountId(), c.platform(), c.language(), c.team());
    }

    Candidate sample() {
      return new Candidate(0, accountId, platform, language, team, 0, null, null, null, null);
    }
  }
}
