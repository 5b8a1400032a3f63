package dev.unibox.conversations;

import dev.unibox.auth.CurrentUser;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;

/**
 * Which conversations a user may <em>read</em> (open, find, see in a buyer's history). Acting on one is the
 * narrower {@link ConversationStore#mayView}. Supervisors and admins read what they oversee. Agents read
 * the conversations assigned to them and, in their own shops, the waiting queue and solved conversations
 * (the next agent reads the history first); never another agent's open chat, nor spam.
 */
public final class ReadScope {

  private ReadScope() {}

  public static boolean mayRead(CurrentUser user, JsonObject summary) {
    if (ConversationStore.mayView(user, summary)) {
      return true;
    }
    String status = summary.getString("status");
    return user.isAgent() && user.mayServe(summary.getString("accountId"))
        && ("queued".equals(status) || "closed".equals(status));
  }

  /**
   * The same rule in SQL over {@code c} (conversation) and {@code u} (its assignee), with its parameters
   * appended to {@code params} from position {@code next}.
   */
  public static String sql(CurrentUser user, Tuple params, int next) {
    user.shops().addTo(params);
    String shop = "($" + next + " OR c.account_id = ANY($" + (next + 1) + "))";
    if (user.isAgent()) {
      params.addLong(user.id());
      return "((c.status = 'assigned' AND c.assignee_id = $" + (next + 2) + ") OR (c.status IN ('queued', 'closed') AND "
          + shop + "))";
    }
    params.addBoolean(user.teamScoped()).addArrayOfString(user.ledTeams().toArray(String[]::new));
    return "(" + shop + " AND (NOT $" + (next + 2) + " OR COALESCE(u.team, c.team) IS NULL OR COALESCE(u.team, c.team) = ANY($"
        + (next + 3) + ")))";
  }
}
