package dev.unibox.sla;

import dev.unibox.config.UniboxConfig.SlaConfig;
import dev.unibox.conversations.Activities;
import dev.unibox.conversations.ConversationNews;
import dev.unibox.domain.Priority;
import dev.unibox.events.EventNames;
import dev.unibox.events.UnitOfWork;
import dev.unibox.shifts.ShiftRoster;
import dev.unibox.signals.Kicks;
import dev.unibox.signals.LoopVerticle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The SLA clock: a periodic, idempotent sweep over stored deadlines (Chatwoot's evaluate_applied_sla
 * pattern). Each run, at the injected clock's now:
 * <ol>
 *   <li>warning: running clocks past their warning time are raised (urgent to critical, normal to the
 *       head of its class), supervisors are told;</li>
 *   <li>breach: clocks past their deadline get a timeline entry and an event; assigned ones move to
 *       another agent with room when {@code reassignOnBreach};</li>
 *   <li>disconnects: an agent offline past the grace period gets their conversations requeued, first
 *       in their class;</li>
 *   <li>surge: switched on or off from the queue's forecast;</li>
 *   <li>shifts: every agent's routing state is set from the roster in force (standby follows surge).</li>
 * </ol>
 * Every step is a conditional update of stored state, so running it twice, or on two nodes, changes
 * nothing more.
 */
public final class SlaSweep {

  /** Moves a conversation to another agent with room; the new assignee's id, or null when nobody has room. */
  @FunctionalInterface
  public interface Reassign {
    Future<Long> reassign(long conversationId, String why);
  }

  /** What one run changed; routing is kicked when seats or the queue changed. */
  public record Result(int warned, int breached, int reassigned, int requeued, int shiftChanges, boolean surgeChanged) {
    public boolean routingChanged() {
      return reassigned > 0 || requeued > 0 || shiftChanges > 0 || surgeChanged || warned > 0;
    }
  }

  private final SlaConfig config;
  private final ShiftRoster shifts;
  private final SurgeControl surge;
  private final Reassign router;
  private final UnitOfWork work;

  public SlaSweep(Vertx vertx, Pool pool, Clock clock, SlaConfig config, ShiftRoster shifts, SurgeControl surge,
                  Reassign router) {
    this.config = config;
    this.shifts = shifts;
    this.surge = surge;
    this.router = router;
    this.work = new UnitOfWork(vertx, pool, clock);
  }

  /**
   * The cluster job: runs every {@code periodMillis} (and once at start), kicking routing when a run changed
   * seats or the queue.
   */
  public LoopVerticle job(long periodMillis) {
    return new LoopVerticle("SLA sweep", periodMillis, () -> run().onSuccess(r -> {
      if (r.routingChanged()) {
        Kicks.routing(work.vertx());
      }
    })).passAtStart();
  }

  public Future<Result> run() {
    Instant now = work.clock().instant();
    int[] counts = new int[5];
    boolean[] surgeChanged = {false};
    return deadlines(now, counts)
        .compose(breachedAssigned -> reassignAll(breachedAssigned, 0, counts))
        .compose(v -> departed(now, counts))
        .compose(v -> surge.evaluate(now).map(changed -> surgeChanged[0] = changed))
        .compose(v -> syncShifts().map(n -> counts[4] = n))
        .map(v -> new Result(counts[0], counts[1], counts[2], counts[3], counts[4], surgeChanged[0]));
  }

  /** Warnings and breaches in one transaction; returns the breached conversations that have an assignee. */
  private Future<List<Long>> deadlines(Instant now, int[] counts) {
    return work.run(now, change -> SlaStore.warn(change.conn(), now).compose(warned -> SlaStore.breach(change.conn(), now)
        .compose(breached -> {
          SqlConnection conn = change.conn();
          counts[0] = warned.size();
          counts[1] = breached.size();
          if (warned.isEmpty() && breached.isEmpty()) {
            return Future.succeededFuture(List.<Long>of());
          }
          List<Long> ids = new ArrayList<>();
          List<String> bodies = new ArrayList<>();
          List<Long> targets = new ArrayList<>();
          for (SlaStore.Transition t : warned) {
            ids.add(t.id());
            targets.add(null);
            bodies.add("SLA warning: first response due " + until(now, t.dueAt()) + "; "
                + (t.priority() == 0 ? "moved to the head of the normal class"
                    : "priority now " + Priority.ofLevel(t.priority()).wire()));
          }
          List<Long> breachIds = new ArrayList<>();
          List<String> breachBodies = new ArrayList<>();
          List<Long> breachTargets = new ArrayList<>();
          for (SlaStore.Transition t : breached) {
            breachIds.add(t.id());
            breachTargets.add(t.assigneeId());
            breachBodies.add("SLA breached: no first response by " + t.dueAt() + " ("
                + ("assigned".equals(t.status()) ? "assigned, not answered" : "still in the queue") + ")");
          }
          return SlaStore.activities(conn, ids, Activities.SLA_WARNING, targets, bodies, now)
              .compose(v -> SlaStore.activities(conn, breachIds, Activities.SLA_BREACHED, breachTargets, breachBodies, now))
              .compose(v -> ConversationNews.announceEach(change, changed(warned), EventNames.SLA_WARNING))
              .compose(v -> ConversationNews.announceEach(change, changed(breached), EventNames.SLA_BREACHED))
              .map(v -> breached.stream().filter(t -> "assigned".equals(t.status()) && t.assigneeId() != null)
                  .map(SlaStore.Transition::id).toList());
        })));
  }

  private static List<ConversationNews.Changed> changed(List<SlaStore.Transition> transitions) {
    return transitions.stream().map(t -> new ConversationNews.Changed(t.id(), t.accountId(), t.assigneeId())).toList();
  }

  private Future<Void> reassignAll(List<Long> ids, int index, int[] counts) {
    if (!config.reassignOnBreach() || index >= ids.size()) {
      return Future.succeededFuture();
    }
    return router.reassign(ids.get(index), "SLA breached")
        .map(to -> {
          if (to != null) {
            counts[2]++;
          }
          return null;
        })
        .compose(v -> reassignAll(ids, index + 1, counts));
  }

  private Future<Void> departed(Instant now, int[] counts) {
    Instant graceStart = now.minus(Duration.ofSeconds(config.disconnectGraceSeconds()));
    return work.run(now, change -> SlaStore.trackOffline(change.conn(), now)
        .compose(v -> SlaStore.requeueDeparted(change.conn(), graceStart, now))
        .compose(requeued -> {
          SqlConnection conn = change.conn();
          counts[3] = requeued.size();
          if (requeued.isEmpty()) {
            return Future.succeededFuture();
          }
          List<Long> ids = requeued.stream().map(SlaStore.Requeued::id).toList();
          List<Long> targets = requeued.stream().map(r -> (Long) null).toList();
          List<String> bodies = requeued.stream().map(r -> r.agentName() + " has been offline for "
              + config.disconnectGraceSeconds() + " s; back in the queue, first in its class").toList();
          return SlaStore.activities(conn, ids, Activities.REQUEUED, targets, bodies, now)
              .compose(v -> ConversationNews.announceEach(change, requeued.stream()
                  .map(r -> new ConversationNews.Changed(r.id(), r.accountId(), r.agentId())).toList(),
                  EventNames.CONVERSATION_UPDATED));
        }));
  }

  /** Every agent's shift state from the roster in force (the one writer of users.shift_state). */
  private Future<Integer> syncShifts() {
    return shifts.refreshStates().map(0);
  }

  private static String until(Instant now, Instant due) {
    long s = Duration.between(now, due).toSeconds();
    return s >= 0 ? "in " + s + " s" : s + " s ago";
  }
}
