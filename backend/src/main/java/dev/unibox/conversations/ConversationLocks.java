package dev.unibox.conversations;

import dev.unibox.auth.CurrentUser;
import dev.unibox.web.ApiException;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

/**
 * Locks a conversation row for a write by a user and checks, under the lock, that the user may act on
 * it: its assignee, or a supervisor/admin of its shop (a team lead: of its team, {@link ConversationTeam}).
 */
public final class ConversationLocks {

  private static final String LOCK = """
      SELECT c.id, c.account_id, c.status, c.assignee_id, COALESCE(u.team, c.team) AS owning_team
      FROM conversations c LEFT JOIN users u ON u.id = c.assignee_id
      WHERE c.id = $1 FOR UPDATE OF c""";

  private static final String WAS_OWNER =
      "SELECT EXISTS (SELECT 1 FROM activities WHERE conversation_id = $1 AND target_user_id = $2)";

  private ConversationLocks() {}

  public record Locked(long id, String accountId, String status, Long assigneeId) {}

  public static Future<Locked> lockForActor(SqlConnection conn, long conversationId, CurrentUser user) {
    return conn.preparedQuery(LOCK).execute(Tuple.of(conversationId)).compose(rows -> {
      if (rows.size() == 0) {
        return Future.failedFuture(ApiException.notFound("Conversation"));
      }
      Row r = rows.iterator().next();
      Locked locked = new Locked(r.getLong("id"), r.getString("account_id"), r.getString("status"),
          r.getLong("assignee_id"));
      boolean mayAct = user.oversees() ? user.oversees(locked.accountId(), r.getString("owning_team"))
          : locked.assigneeId() != null && locked.assigneeId() == user.id();
      if (!mayAct) {
        // A former owner (reassigned or handed over while typing) gets 409: the state moved under them.
        return conn.preparedQuery(WAS_OWNER).execute(Tuple.of(conversationId, user.id())).compose(was ->
            Future.failedFuture(was.iterator().next().getBoolean(0)
                ? new ApiException(409, "not_owner", "This conversation was moved to someone else; nothing was sent")
                : ApiException.forbidden("This conversation is not assigned to you")));
      }
      return Future.succeededFuture(locked);
    });
  }
}
