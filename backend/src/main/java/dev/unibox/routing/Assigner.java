package dev.unibox.routing;

import dev.unibox.conversations.Activities;
import dev.unibox.conversations.ConversationNews;
import dev.unibox.events.Change;
import dev.unibox.events.EventNames;
import dev.unibox.events.UnitOfWork;
import dev.unibox.signals.Addresses;
import dev.unibox.signals.LoopVerticle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Assigns queued conversations in the order of its {@link RoutingPolicy}. A pass is one transaction
 * under the routing advisory lock: it locks a snapshot of the free seats, walks the queue head in
 * policy order and gives each conversation the seat the policy picks, so a lower conversation is only
 * assigned when no eligible agent had a seat for the higher ones. The decisions are then written in
 * a few statements (one for conversations, seats and activities; one for all events).
 */
public final class Assigner {

  /** Queue rows read per page; a pass reads further pages while seats are left. */
  static final int PAGE = 200;
  /** A pass looks at most this deep into the queue. */
  static final int MAX_DEPTH = 2000;

  /** One committed assignment, with the nano time its decision was taken (for latency measurements). */
  public record Assignment(long conversationId, String accountId, long agentId, int priority, long decidedAtNanos) {}

  /** Told after each committed pass (benchmarks and the simulation listen). */
  public interface Observer {
    void committed(List<Assignment> assignments, long committedAtNanos);
  }

  private final UnitOfWork work;
  private final RoutingPolicy policy;
  private volatile Observer observer = (a, t) -> { };
  private int maxPerPass = DEFAULT_MAX_PER_PASS;

  /** Assignments written per pass (one transaction); bounds the decision-to-commit latency of a pass. */
  public static final int DEFAULT_MAX_PER_PASS = 10;

  public Assigner(Vertx vertx, Pool pool, Clock clock) {
    this(vertx, pool, clock, new PriorityPolicy());
  }

  public Assigner(Vertx vertx, Pool pool, Clock clock, RoutingPolicy policy) {
    this.work = new UnitOfWork(vertx, pool, clock);
    this.policy = policy;
  }

  public RoutingPolicy policy() {
    return policy;
  }

  /** At most this many assignments per pass (a drain runs passes until nothing is left). */
  public Assigner maxPerPass(int n) {
    this.maxPerPass = Math.max(1, n);
    return this;
  }

  public Assigner observe(Observer observer) {
    this.observer = observer;
    return this;
  }

  /** Told after each drain how long it took and how many conversations it assigned (metrics). */
  @FunctionalInterface
  public interface PassListener {
    void passed(Duration took, int assigned);
  }

  /** Runs the router when kicked and on a periodic sweep (and once at start), one drain at a time on this node. */
  public LoopVerticle job(long sweepMillis, PassListener listener) {
    return new LoopVerticle("Routing pass", sweepMillis, () -> {
      long started = System.nanoTime();
      return drain().onSuccess(n -> listener.passed(Duration.ofNanos(System.nanoTime() - started), n));
    }).kickedOn(Addresses.ROUTING_KICK).passAtStart();
  }

  /** Assigns until nothing more can be assigned; returns how many were assigned. */
  public Future<Integer> drain() {
    return drain(0);
  }

  private Future<Integer> drain(int soFar) {
    return assignBatch().compose(n -> n > 0 ? drain(soFar + n) : Future.succeededFuture(soFar));
  }

  /** One pass (one transaction); returns how many it assigned. */
  public Future<Integer> assignBatch() {
    List<Assignment> decided = new ArrayList<>();
    // lock, seats and the first queue page are pipelined in one round trip: the connection runs them in
    // order, so both reads see everything committed before the lock was granted
    return work.run(change -> {
          SqlConnection conn = change.conn();
          Future<Void> lock = RoutingStore.lockRouting(conn);
          Future<List<AgentSeat>> seats = RoutingStore.availableAgents(conn);
          Future<List<Candidate>> head = RoutingStore.queueHead(conn, policy, pageSize(), 0, change.now());
          return Future.all(lock, seats, head)
              .compose(v -> seats.result().isEmpty() ? Future.succeededFuture(decided)
                  : decide(conn, change.now(), seats.result(), head.result(), 0, decided))
              .compose(d -> d.isEmpty() ? Future.succeededFuture(0) : write(change, d));
        })
        .map(assigned -> {
          long committed = System.nanoTime();
          if (assigned > 0) {
            observer.committed(List.copyOf(decided), committed);
          }
          return assigned;
        });
  }

  /**
   * Moves an assigned conversation to another eligible agent with room (least loaded first), under the
   * routing lock. Returns the new agent's id, or null when nobody else can take it (it stays).
   */
  public Future<Long> reassign(long conversationId, String why) {
    return work.run(change -> {
      SqlConnection conn = change.conn();
      Instant now = change.now();
      return RoutingStore.lockRouting(conn)
            .compose(v -> RoutingStore.lockConversation(conn, conversationId))
            .compose(held -> {
              if (held == null || !"assigned".equals(held.status()) || held.assigneeId() == null) {
                return Future.succeededFuture((Long) null);
              }
              return RoutingStore.availableAgents(conn).compose(seats -> {
                List<AgentSeat> others = seats.stream().filter(s -> s.id != held.assigneeId()).toList();
                AgentSeat to = new PriorityPolicy().pick(others, held.candidate()).orElse(null);
                if (to == null) {
                  return Future.succeededFuture((Long) null);
                }
                long from = held.assigneeId();
                return RoutingStore.move(conn, conversationId, to.id, from, now)
                    .compose(v -> Activities.record(conn, conversationId,
                        Activities.REASSIGNED, null, to.id,
                        "Reassigned from " + held.assigneeName() + " to " + to.displayName + " (" + why + ")", now))
                    .compose(v -> ConversationNews.announce(change, conversationId, held.candidate().accountId(),
                        to.id, EventNames.CONVERSATION_ASSIGNED, new JsonObject()))
                    .map(summary -> {
                      change.tell(List.of(from), EventNames.CONVERSATION_UPDATED,
                          new JsonObject().put("conversation", summary));
                      return (Long) to.id;
                    });
              });
            });
    });
  }

  /** Queue rows read per page: enough to skip conversations nobody free can serve. */
  private int pageSize() {
    return Math.min(PAGE, Math.max(32, maxPerPass * 2));
  }

  /** Walks queue pages in policy order while any seat has room, up to maxPerPass decisions. */
  private Future<List<Assignment>> decide(SqlConnection conn, Instant now, List<AgentSeat> seats, List<Candidate> first,
                                          int offset, List<Assignment> decided) {
    int pageSize = pageSize();
    Future<List<Candidate>> pageRead = first != null ? Future.succeededFuture(first)
        : RoutingStore.queueHead(conn, policy, pageSize, offset, now);
    return pageRead.compose(page -> {
      for (Candidate candidate : page) {
        AgentSeat seat = policy.pick(seats, candidate).orElse(null);
        if (seat != null) {
          seat.activeCount++;
          seat.assignedSeq = Long.MAX_VALUE - seats.size() + decided.size(); // last in turn, in decision order
          decided.add(new Assignment(candidate.id(), candidate.accountId(), seat.id, candidate.priority(),
              System.nanoTime()));
          if (decided.size() >= maxPerPass || seats.stream().noneMatch(AgentSeat::hasRoom)) {
            return Future.succeededFuture(decided);
          }
        }
      }
      boolean more = page.size() == pageSize && offset + pageSize < MAX_DEPTH
          && seats.stream().anyMatch(AgentSeat::hasRoom);
      return more ? decide(conn, now, seats, null, offset + pageSize, decided) : Future.succeededFuture(decided);
    });
  }

  private Future<Integer> write(Change change, List<Assignment> decided) {
    Instant now = change.now();
    long[] conversations = new long[decided.size()];
    long[] agents = new long[decided.size()];
    for (int i = 0; i < decided.size(); i++) {
      conversations[i] = decided.get(i).conversationId();
      agents[i] = decided.get(i).agentId();
    }
    // the assignment statement and the reads of each shop's staff are pipelined on the connection
    Future<Map<Long, JsonObject>> assigned = RoutingStore.assignAll(change.conn(), conversations, agents, now);
    List<Future<?>> all = new ArrayList<>(List.of(assigned));
    decided.forEach(a -> all.add(change.audience(a.accountId(), null)));
    return Future.all(all).map(x -> {
      Map<Long, JsonObject> summaries = assigned.result();
      decided.removeIf(a -> !summaries.containsKey(a.conversationId()));
      for (Assignment a : decided) {
        List<Long> recipients = new ArrayList<>(change.audience(a.accountId(), null).result());
        recipients.add(a.agentId());
        change.tell(recipients, EventNames.CONVERSATION_ASSIGNED,
            new JsonObject().put("conversation", summaries.get(a.conversationId())));
      }
      return decided.size();
    });
  }
}
