package dev.unibox.routing;

import dev.unibox.conversations.ConversationStore;
import dev.unibox.events.EventLog;
import dev.unibox.events.EventNames;
import dev.unibox.events.PendingEvents;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
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
public final class Router {

  /** Queue rows read per page; a pass reads further pages while seats are left. */
  static final int PAGE = 200;
  /** A pass looks at most this deep into the queue. */
  static final int MAX_DEPTH = 2000;

  /** One committed assignment, with the nano time its decision was taken (for latency measurements). */
  public record Assignment(long conversationId, long agentId, int priority, long decidedAtNanos) {}

  /** Told after each committed pass (benchmarks and the simulation listen). */
  public interface Observer {
    void committed(List<Assignment> assignments, long committedAtNanos);
  }

  private final Vertx vertx;
  private final Pool pool;
  private final Clock clock;
  private final RoutingPolicy policy;
  private volatile Observer observer = (a, t) -> { };
  private int maxPerPass = DEFAULT_MAX_PER_PASS;

  /** Assignments written per pass (one transaction); bounds the decision-to-commit latency of a pass. */
  public static final int DEFAULT_MAX_PER_PASS = 10;

  public Router(Vertx vertx, Pool pool, Clock clock) {
    this(vertx, pool, clock, RoutingPolicies.byName(RoutingPolicies.DEFAULT));
  }

  public Router(Vertx vertx, Pool pool, Clock clock, RoutingPolicy policy) {
    this.vertx = vertx;
    this.pool = pool;
    this.clock = clock;
    this.policy = policy;
  }

  public RoutingPolicy policy() {
    return policy;
  }

  /** At most this many assignments per pass (a drain runs passes until nothing is left). */
  public Router maxPerPass(int n) {
    this.maxPerPass = Math.max(1, n);
    return this;
  }

  public Router observe(Observer observer) {
    this.observer = observer;
    return this;
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
    PendingEvents events = new PendingEvents();
    List<Assignment> decided = new ArrayList<>();
    Instant now = clock.instant();
    // lock, seats and the first queue page are pipelined in one round trip: the connection runs them in
    // order, so both reads see everything committed before the lock was granted
    return pool.withTransaction(conn -> {
          Future<Void> lock = RoutingStore.lockRouting(conn);
          Future<List<AgentSeat>> seats = RoutingStore.availableAgents(conn);
          Future<List<Candidate>> head = RoutingStore.queueHead(conn, policy, pageSize(), 0, now);
          return Future.all(lock, seats, head)
              .compose(v -> seats.result().isEmpty() ? Future.succeededFuture(decided)
                  : decide(conn, seats.result(), head.result(), 0, decided, now))
              .compose(d -> d.isEmpty() ? Future.succeededFuture(0) : write(conn, d, events));
        })
        .map(assigned -> {
          long committed = System.nanoTime();
          events.publish(vertx);
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
    PendingEvents events = new PendingEvents();
    Instant now = clock.instant();
    return pool.withTransaction(conn -> RoutingStore.lockRouting(conn)
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
                    .compose(v -> dev.unibox.conversations.Activities.record(conn, conversationId,
                        dev.unibox.conversations.Activities.REASSIGNED, null, to.id,
                        "Reassigned from " + held.assigneeName() + " to " + to.displayName + " (" + why + ")", now))
                    .compose(v -> Future.all(ConversationStore.summaries(conn, List.of(conversationId)),
                        EventLog.overseers(conn)))
                    .compose(both -> {
                      JsonObject summary = both.<Map<Long, JsonObject>>resultAt(0).get(conversationId);
                      List<Long> toNew = new ArrayList<>(List.of(to.id));
                      for (EventLog.Overseer o : both.<List<EventLog.Overseer>>resultAt(1)) {
                        if (o.oversees(held.candidate().accountId())) {
                          toNew.add(o.id());
                        }
                      }
                      JsonObject data = new JsonObject().put("conversation", summary);
                      return events.appendAll(conn, List.of(
                          new EventLog.Outgoing(toNew, EventNames.CONVERSATION_ASSIGNED, data),
                          new EventLog.Outgoing(List.of(from), EventNames.CONVERSATION_UPDATED, data)), now);
                    })
                    .map(v -> (Long) to.id);
              });
            }))
        .onSuccess(v -> events.publish(vertx));
  }

  /** Queue rows read per page: enough to skip conversations nobody free can serve. */
  private int pageSize() {
    return Math.min(PAGE, Math.max(32, maxPerPass * 2));
  }

  /** Walks queue pages in policy order while any seat has room, up to maxPerPass decisions. */
  private Future<List<Assignment>> decide(SqlConnection conn, List<AgentSeat> seats, List<Candidate> first, int offset,
                                          List<Assignment> decided, Instant now) {
    int pageSize = pageSize();
    Future<List<Candidate>> pageRead = first != null ? Future.succeededFuture(first)
        : RoutingStore.queueHead(conn, policy, pageSize, offset, now);
    return pageRead.compose(page -> {
      for (Candidate candidate : page) {
        AgentSeat seat = policy.pick(seats, candidate).orElse(null);
        if (seat != null) {
          seat.activeCount++;
          seat.assignedSeq = Long.MAX_VALUE - seats.size() + decided.size(); // last in turn, in decision order
          decided.add(new Assignment(candidate.id(), seat.id, candidate.priority(), System.nanoTime()));
          if (decided.size() >= maxPerPass || seats.stream().noneMatch(AgentSeat::hasRoom)) {
            return Future.succeededFuture(decided);
          }
        }
      }
      boolean more = page.size() == pageSize && offset + pageSize < MAX_DEPTH
          && seats.stream().anyMatch(AgentSeat::hasRoom);
      return more ? decide(conn, seats, null, offset + pageSize, decided, now) : Future.succeededFuture(decided);
    });
  }

  private Future<Integer> write(SqlConnection conn, List<Assignment> decided, PendingEvents events) {
    Instant now = clock.instant();
    long[] conversations = new long[decided.size()];
    long[] agents = new long[decided.size()];
    for (int i = 0; i < decided.size(); i++) {
      conversations[i] = decided.get(i).conversationId();
      agents[i] = decided.get(i).agentId();
    }
    // the assignment statement and the overseers' read are pipelined on the connection
    return Future.all(RoutingStore.assignAll(conn, conversations, agents, now), EventLog.overseers(conn))
        .compose(both -> {
          Map<Long, JsonObject> summaries = both.resultAt(0);
          List<EventLog.Overseer> overseers = both.resultAt(1);
          decided.removeIf(a -> !summaries.containsKey(a.conversationId()));
          List<EventLog.Outgoing> outgoing = new ArrayList<>(decided.size());
          for (Assignment a : decided) {
            JsonObject summary = summaries.get(a.conversationId());
            List<Long> recipients = new ArrayList<>();
            recipients.add(a.agentId());
            String account = summary.getString("accountId");
            for (EventLog.Overseer o : overseers) {
              if (o.oversees(account)) {
                recipients.add(o.id());
              }
            }
            outgoing.add(new EventLog.Outgoing(recipients, EventNames.CONVERSATION_ASSIGNED,
                new JsonObject().put("conversation", summary)));
          }
          return events.appendAll(conn, outgoing, now).map(v -> decided.size());
        });
  }
}
