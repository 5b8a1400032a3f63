package dev.unibox.shifts;

import dev.unibox.auth.CurrentUser;
import dev.unibox.web.ApiException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.List;

/**
 * A supervisor's commands on agents of their teams or shops — reassign conversations, force a handover —
 * each recorded with who, when, what and why ({@link CommandStore}).
 */
record SupervisorCommands(Pool pool, Clock clock, Moves moves, Handovers handovers) {

  /** Reassign these conversations to an agent (toAgent) or back to the queue; overCapacity lets a full agent take them. */
  record Reassign(List<Long> conversationIds, Long toAgent, boolean toQueue, String reason, String note,
                  boolean overCapacity) {}

  /** One result per conversation, in order: moved, or refused with the error (the others still move). */
  Future<JsonArray> reassign(CurrentUser user, Reassign r) {
    Future<Void> target = r.toAgent() == null ? Future.succeededFuture() : agentInScope(user, r.toAgent());
    return target.compose(v -> {
      JsonArray results = new JsonArray();
      Future<Void> chain = Future.succeededFuture();
      for (long id : r.conversationIds()) {
        chain = chain.compose(x -> moves.move(new Moves.Request(id, Moves.Kind.REASSIGN, user, null, r.toAgent(),
                r.toQueue(), null, r.reason(), r.note(), r.overCapacity()))
            .map(o -> results.add(o.json()))
            .recover(e -> Future.succeededFuture(results.add(refused(id, e))))
            .mapEmpty());
      }
      return chain.compose(x -> record(user, r.toQueue() ? "requeue" : "reassign", r.conversationIds(), r.toAgent(),
          r.reason(), new JsonObject().put("results", results).put("overCapacity", r.overCapacity()))).map(results);
    });
  }

  private static JsonObject refused(long id, Throwable e) {
    JsonObject r = new JsonObject().put("conversationId", id).put("result", "refused");
    if (e instanceof ApiException api) {
      return r.put("error", api.code()).put("message", api.getMessage());
    }
    return r.put("error", "internal").put("message", "Something went wrong on our side");
  }

  /** Hands the agent's conversations over now, as at the end of a shift; the report of what went where. */
  Future<Handovers.Report> forceHandover(CurrentUser user, long agent, String reason) {
    return agentInScope(user, agent)
        .compose(v -> handovers.force(user, agent, reason))
        .compose(report -> record(user, "handover", report.queuedIds(), agent, reason, report.json()).map(report));
  }

  private Future<Void> agentInScope(CurrentUser user, long agentId) {
    return ConsoleStore.agentInScope(pool, user, agentId).compose(inScope -> inScope ? Future.succeededFuture()
        : Future.failedFuture(ApiException.forbidden("That agent is not in your teams or shops")));
  }

  private Future<Void> record(CurrentUser user, String command, List<Long> ids, Long target, String reason,
                              JsonObject result) {
    return CommandStore.record(pool, user, command, ids, target, reason, result, clock.instant());
  }
}
