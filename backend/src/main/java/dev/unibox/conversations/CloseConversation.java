package dev.unibox.conversations;

import dev.unibox.auth.CurrentUser;
import dev.unibox.events.EventLog;
import dev.unibox.events.EventNames;
import dev.unibox.events.PendingEvents;
import dev.unibox.signals.Kicks;
import dev.unibox.web.ApiException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Marks a conversation solved: it leaves its agent (freeing the seat) and the queue, in one transaction. */
public final class CloseConversation {

  private static final String CLOSE = """
      UPDATE conversations SET status = 'closed', assignee_id = NULL, queued_at = NULL, waiting_since = NULL,
                               sla_state = 'none', sla_due_at = NULL, sla_warn_at = NULL, platform_due_at = NULL,
                               platform_rule = NULL, head_of_class = false, updated_at = $2
      WHERE id = $1""";

  private static final String FREE_SEAT = "UPDATE users SET active_count = active_count - 1 WHERE id = $1 AND active_count > 0";

  private final Vertx vertx;
  private final Pool pool;
  private final Clock clock;

  public CloseConversation(Vertx vertx, Pool pool, Clock clock) {
    this.vertx = vertx;
    this.pool = pool;
    this.clock = clock;
  }

  public Future<JsonObject> close(CurrentUser user, long conversationId) {
    PendingEvents events = new PendingEvents();
    Instant now = clock.instant();
    return pool.withTransaction(conn -> ConversationLocks.lockForActor(conn, conversationId, user)
        .compose(locked -> {
          if ("closed".equals(locked.status())) {
            return Future.failedFuture(new ApiException(409, "conversation_closed", "Already solved"));
          }
          Future<Void> freed = locked.assigneeId() == null ? Future.succeededFuture()
              : conn.preparedQuery(FREE_SEAT).execute(Tuple.of(locked.assigneeId())).mapEmpty();
          return freed
              .compose(v -> conn.preparedQuery(CLOSE).execute(Tuple.of(conversationId, now.atOffset(ZoneOffset.UTC))))
              .compose(v -> Activities.record(conn, conversationId, Activities.CLOSED, user.id(), null,
                  "Marked solved by " + user.displayName(), now))
              .compose(v -> ConversationStore.summary(conn, conversationId))
              .compose(summary -> EventLog.conversationRecipients(conn, locked.accountId(), locked.assigneeId())
                  .compose(recipients -> events.append(conn, recipients, EventNames.CONVERSATION_UPDATED,
                      new JsonObject().put("conversation", summary), now))
                  .map(summary));
        }))
        .onSuccess(s -> {
          events.publish(vertx);
          Kicks.routing(vertx);
        });
  }
}
