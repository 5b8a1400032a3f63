package dev.unibox.routing;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * SQL of assignment. Routers on every node take one transaction-scoped advisory lock first, so exactly
 * one assigns at a time and always from the true head of the queue (no priority inversion between
 * nodes). Queue rows being written by ingest right now are skipped, not waited for. Seats are taken with
 * the capacity check in the UPDATE itself, so no agent can go above capacity.
 */
final class RoutingStore {

  /** Arbitrary constant naming the routing lock in pg_locks. */
  private static final long ROUTING_LOCK = 0x756e69626f78L;

  private static final String LOCK = "SELECT pg_advisory_xact_lock($1)";

  private static final String QUEUE_HEAD = """
      SELECT id, account_id, priority, last_assignee_id, team FROM conversations
      WHERE status = 'queued'
      ORDER BY priority DESC, head_of_class DESC, queued_at, id
      LIMIT $1
      FOR UPDATE SKIP LOCKED""";

  /** The seats of this pass, locked so capacity cannot change under the router. */
  private static final String AVAILABLE_AGENTS = """
      SELECT u.id, u.display_name, u.all_accounts, u.active_count, u.max_concurrent, u.last_assigned_at, u.team,
             ARRAY(SELECT ua.account_id FROM user_accounts ua WHERE ua.user_id = u.id) AS account_ids
      FROM users u
      WHERE u.role = 'agent' AND u.presence = 'online' AND u.active_count < u.max_concurrent
        AND u.shift_state IN ('unrostered', 'on_shift', 'standby_active')
      ORDER BY u.id
      FOR UPDATE OF u""";

  private static final String ASSIGN_CONVERSATION = """
      UPDATE conversations SET status = 'assigned', assignee_id = $2, last_assignee_id = $2, queued_at = NULL,
                               head_of_class = false, updated_at = $3
      WHERE id = $1 AND status = 'queued'""";

  private static final String TAKE_SEAT = """
      UPDATE users SET active_count = active_count + 1, last_assigned_at = $2
      WHERE id = $1 AND active_count < max_concurrent""";

  private RoutingStore() {}

  record Candidate(long id, String accountId, int priority, Long lastAssigneeId, String team) {}

  static Future<Void> lockRouting(SqlConnection c) {
    return c.preparedQuery(LOCK).execute(Tuple.of(ROUTING_LOCK)).mapEmpty();
  }

  static Future<List<Candidate>> queueHead(SqlConnection c, int limit) {
    return c.preparedQuery(QUEUE_HEAD).execute(Tuple.of(limit)).map(rows -> {
      List<Candidate> out = new ArrayList<>();
      for (Row r : rows) {
        out.add(new Candidate(r.getLong("id"), r.getString("account_id"), r.getShort("priority"),
            r.getLong("last_assignee_id"), r.getString("team")));
      }
      return out;
    });
  }

  static Future<List<AgentSeat>> availableAgents(SqlConnection c) {
    return c.query(AVAILABLE_AGENTS).execute().map(rows -> {
      List<AgentSeat> out = new ArrayList<>();
      for (Row r : rows) {
        var last = r.getOffsetDateTime("last_assigned_at");
        AgentSeat seat = new AgentSeat(r.getLong("id"), r.getString("display_name"), r.getBoolean("all_accounts"),
            Set.of(r.getArrayOfStrings("account_ids")), r.getInteger("active_count"), r.getInteger("max_concurrent"),
            last == null ? null : last.toInstant());
        seat.team = r.getString("team");
        out.add(seat);
      }
      return out;
    });
  }

  static Future<Void> assign(SqlConnection c, long conversationId, long agentId, Instant now) {
    return c.preparedQuery(TAKE_SEAT).execute(Tuple.of(agentId, now.atOffset(ZoneOffset.UTC)))
        .compose(seat -> {
          if (seat.rowCount() != 1) {
            return Future.failedFuture(new IllegalStateException("agent " + agentId + " has no free seat"));
          }
          return c.preparedQuery(ASSIGN_CONVERSATION)
              .execute(Tuple.of(conversationId, agentId, now.atOffset(ZoneOffset.UTC)));
        })
        .compose(rows -> rows.rowCount() == 1 ? Future.<Void>succeededFuture()
            : Future.failedFuture(new IllegalStateException("conversation " + conversationId + " left the queue")));
  }
}
