package dev.unibox.shifts;

import dev.unibox.auth.CurrentUser;
import dev.unibox.events.EventNames;
import dev.unibox.events.UnitOfWork;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Hands over every open conversation of outgoing agents, one {@link Moves#move} (one transaction) per
 * conversation, most urgent first so the urgent ones get the free seats. What finds no seat waits in the
 * queue at the head of its class; the supervisors get a {@code handover.finished} event naming those.
 */
public final class Handovers {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Handovers.class);

  /** Conversations per transaction (one commit each); each still moves all-or-nothing. */
  static final int BATCH = 50;

  private final UnitOfWork work;
  private final Moves moves;
  private final BulkHandover bulk;

  public Handovers(Vertx vertx, Pool pool, Clock clock, Moves moves) {
    this.work = new UnitOfWork(vertx, pool, clock);
    this.moves = moves;
    this.bulk = new BulkHandover(vertx, pool, clock);
  }

  /** Result of one handover run. */
  public record Report(long handoverId, String shift, Instant boundary, int moved, int queued, int skipped,
                       List<Long> queuedIds) {
    public JsonObject json() {
      return new JsonObject().put("handoverId", handoverId).put("shift", shift)
          .put("boundary", boundary == null ? null : boundary.toString()).put("moved", moved).put("queued", queued)
          .put("skipped", skipped).put("queuedConversationIds", new JsonArray(queuedIds));
    }
  }

  /**
   * The end of one shift at one boundary: runs once (the boundary row is unique), whichever node or tick
   * gets there first. Returns null when it already ran or nobody leaves.
   */
  public Future<Report> shiftEnded(String shift, Instant boundary, List<String> outgoingUsernames) {
    return HandoverStore.agentIds(work.pool(), outgoingUsernames)
        .compose(ids -> HandoverStore.claimBoundary(work.pool(), shift, boundary, "End of shift " + shift, ids,
                work.clock().instant())
            .compose(handoverId -> handoverId == null ? Future.<Report>succeededFuture(null)
                : run(handoverId, ids, Moves.Kind.HANDOVER, null, "end of shift " + shift, shift, boundary)));
  }

  /** A supervisor's forced handover of one agent's open conversations. */
  public Future<Report> force(CurrentUser by, long agentId, String reason) {
    return HandoverStore.startForced(work.pool(), by.id(), reason, agentId, work.clock().instant())
        .compose(handoverId -> run(handoverId, List.of(agentId), Moves.Kind.HANDOVER, by, reason, null, null));
  }

  private Future<Report> run(long handoverId, List<Long> agents, Moves.Kind kind, CurrentUser by, String reason,
                             String shift, Instant boundary) {
    return HandoverStore.openOf(work.pool(), agents).compose(open -> {
      int[] counts = new int[3];
      List<Long> queued = new ArrayList<>();
      Future<Void> chain = Future.succeededFuture();
      for (int from = 0; from < open.size(); from += BATCH) {
        List<Moves.Request> batch = new ArrayList<>();
        for (HandoverStore.Held c : open.subList(from, Math.min(open.size(), from + BATCH))) {
          batch.add(new Moves.Request(c.conversationId(), kind, by, c.agentId(), null, false, null, reason, null));
        }
        chain = chain.compose(v -> moveBatch(batch)).map(outcomes -> {
          for (Moves.Outcome o : outcomes) {
            switch (o.result()) {
              case "assigned" -> counts[0]++;
              case "queued" -> {
                counts[1]++;
                queued.add(o.conversationId());
              }
              default -> counts[2]++;
            }
          }
          return null;
        });
      }
      return chain.compose(v -> finish(handoverId, agents, shift, boundary,
          new Report(handoverId, shift, boundary, counts[0], counts[1], counts[2], queued)));
    });
  }

  /** The batch in one transaction; if it fails (e.g. a deadlock victim), each conversation on its own. */
  private Future<List<Moves.Outcome>> moveBatch(List<Moves.Request> batch) {
    return bulk.run(batch, batch.get(0).reason()).recover(e -> {
      LOG.warn("Handover batch of {} failed ({}); moving them one by one", batch.size(), e.getMessage());
      List<Moves.Outcome> out = new ArrayList<>();
      Future<Void> chain = Future.succeededFuture();
      for (Moves.Request r : batch) {
        chain = chain.compose(v -> moves.move(r)
            .recover(err -> Future.succeededFuture(new Moves.Outcome(r.conversationId(), "skipped", r.expectedOwner(),
                null, "failed: " + err.getMessage())))
            .map(o -> {
              out.add(o);
              return null;
            }));
      }
      return chain.map(out);
    });
  }

  private Future<Report> finish(long handoverId, List<Long> agents, String shift, Instant boundary, Report report) {
    return work.run(change -> {
      SqlConnection c = change.conn();
      return HandoverStore.finish(c, handoverId, report.moved(), report.queued(), report.skipped(), change.now())
            .compose(v -> {
              Future<Set<Long>> recipients = Future.succeededFuture(new LinkedHashSet<>(agents));
              for (long a : agents) {
                recipients = recipients.compose(set -> Staff.overseersOf(c, a).map(ids -> {
                  set.addAll(ids);
                  return set;
                }));
              }
              return recipients;
            })
            .map(ids -> {
              change.tell(ids, EventNames.HANDOVER_FINISHED, report.json());
              return report;
            });
    });
  }
}
