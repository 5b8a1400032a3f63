package dev.unibox.conversations;

import dev.unibox.auth.CurrentUser;
import dev.unibox.events.EventNames;
import dev.unibox.events.UnitOfWork;
import dev.unibox.signals.Kicks;
import dev.unibox.web.ApiException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.ZoneOffset;

/** Marks a conversation solved: it leaves its agent (freeing the seat) and the queue, in one transaction. */
public final class CloseConversation {

  private static final String CLOSE = """
      UPDATE conversations SET status = 'closed', assignee_id = NULL, queued_at = NULL, waiting_since = NULL,
                               sla_state = 'none', sla_due_at = NULL, sla_warn_at = NULL, platform_due_at = NULL,
                               platform_rule = NULL, head_of_class = false, passed_by = NULL, updated_at = $2
      WHERE id = $1""";

  private static final String FREE_SEAT = "UPDATE users SET active_count = active_count - 1 WHERE id = $1 AND active_count > 0";

  private final UnitOfWork work;

  public CloseConversation(Vertx vertx, Pool pool, Clock clock) {
    this.work = new UnitOfWork(vertx, pool, clock);
  }

  public Future<JsonObject> close(CurrentUser user, long conversationId) {
    return work.run(change -> ConversationLocks.lockForActor(change.conn(), conversationId, user)
        .compose(locked -> {
          if ("closed".equals(locked.status())) {
            return Future.failedFuture(new ApiException(409, "conversation_closed", "Already solved"));
          }
          SqlConnection conn = change.conn();
          Future<Void> freed = locked.assigneeId() == null ? Future.succeededFuture()
              : conn.preparedQuery(FREE_SEAT).execute(Tuple.of(locked.assigneeId())).mapEmpty();
          change.afterCommit(Kicks::routing);
          return freed
              .compose(v -> conn.preparedQuery(CLOSE).execute(Tuple.of(conversationId, change.now().atOffset(ZoneOffset.UTC))))
              .compose(v -> Activities.record(conn, conversationId, Activities.CLOSED, user.id(), null,
                  "Marked solved by " + user.displayName(), change.now()))
              .compose(v -> ConversationNews.announce(change, conversationId, locked.accountId(), locked.assigneeId(),
                  EventNames.CONVERSATION_UPDATED, new JsonObject()));
        }));
  }
}
