package dev.unibox.routing;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The router's seat choice for one conversation that is changing hands (handover, transfer, supervisor
 * reassignment), inside the caller's transaction and under the same routing lock as {@link Assigner}, so
 * a handover and a routing pass never race for a seat. Same rules as a routing pass: an online agent
 * on shift (or unrostered, or standby while surge is on) who serves the shop, speaks the conversation's
 * language and works its platform ({@link AgentReach#fits}), of the required team if any, under capacity,
 * least loaded first, then longest since an assignment.
 */
public final class Seats {

  /** @param overCapacity taken beyond the agent's capacity by a supervisor's override */
  public record Seat(long agentId, String displayName, boolean overCapacity) {
    public Seat(long agentId, String displayName) {
      this(agentId, displayName, false);
    }
  }

  private static final String BEST = """
      SELECT u.id, u.display_name FROM users u
      WHERE u.role = 'agent' AND u.presence = 'online' AND u.active_count < u.max_concurrent
        AND u.shift_state IN ('unrostered', 'on_shift', 'standby_active')
        AND u.id <> $2
        AND (u.all_accounts OR EXISTS (SELECT 1 FROM user_accounts ua WHERE ua.user_id = u.id AND ua.account_id = $1))
        AND ($3::text IS NULL OR u.team = $3)
        AND (cardinality(u.languages) = 0 OR $4::text IS NULL OR $4 = ANY(u.languages))
        AND (cardinality(u.platforms) = 0 OR $5 = ANY(u.platforms))
      ORDER BY u.active_count::float8 / GREATEST(u.max_concurrent, 1), u.last_assigned_at NULLS FIRST, u.id
      LIMIT 1""";

  private static final String NAMED = """
      SELECT u.id, u.display_name, u.role, u.active_count, u.max_concurrent, u.team, u.disabled,
             (u.all_accounts OR EXISTS (SELECT 1 FROM user_accounts ua WHERE ua.user_id = u.id AND ua.account_id = $2))
               AS serves_shop
      FROM users u WHERE u.id = $1""";

  private static final String TAKE = """
      UPDATE users SET active_count = active_count + 1, last_assigned_at = $2
      WHERE id = $1 AND active_count < max_concurrent""";

  /** A supervisor's capacity override: the seat is taken even when the agent is full. */
  private static final String TAKE_OVER = "UPDATE users SET active_count = active_count + 1, last_assigned_at = $2 WHERE id = $1";

  private static final String FREE = "UPDATE users SET active_count = active_count - 1 WHERE id = $1 AND active_count > 0";

  private Seats() {}

  /** Serialises with every routing pass (transaction-scoped). */
  public static Future<Void> lockRouting(SqlConnection c) {
    return RoutingStore.lockRouting(c);
  }

  /**
   * Takes the best free seat for a conversation of this shop and platform, in its language (null = unknown: anyone)
   * and team (if not null), never on {@code notAgentId}.
   */
  public static Future<Optional<Seat>> takeBest(SqlConnection c, String accountId, String platform, String language,
                                                String team, long notAgentId, Instant now) {
    return c.preparedQuery(BEST).execute(Tuple.of(accountId, notAgentId, team, language, platform)).compose(rows -> {
      if (rows.size() == 0) {
        return Future.succeededFuture(Optional.<Seat>empty());
      }
      Row r = rows.iterator().next();
      Seat seat = new Seat(r.getLong("id"), r.getString("display_name"));
      return take(c, seat.agentId(), now).map(ok -> ok ? Optional.of(seat) : Optional.<Seat>empty());
    });
  }

  /** Why a named agent cannot take a conversation, or null when they can. */
  public record Refusal(int status, String code, String message) {}

  /**
   * Takes a seat on one named agent (a supervisor's or agent's choice): they must be an agent who serves
   * the shop, of the team if one is required, with room. Presence and shift are not required: a
   * supervisor may deliberately give work to someone about to come online. With {@code overCapacity} a
   * full agent takes it anyway (the supervisor's override, recorded by the caller).
   */
  public static Future<Object> takeOn(SqlConnection c, long agentId, String accountId, String team, Instant now,
                                      boolean overCapacity) {
    return c.preparedQuery(NAMED).execute(Tuple.of(agentId, accountId)).compose(rows -> {
      if (rows.size() == 0) {
        return Future.succeededFuture(new Refusal(404, "not_found", "Agent not found"));
      }
      Row r = rows.iterator().next();
      if (!"agent".equals(r.getString("role"))) {
        return Future.succeededFuture(new Refusal(400, "not_an_agent", "Conversations go to agents only"));
      }
      if (r.getBoolean("disabled")) {
        return Future.succeededFuture(new Refusal(409, "agent_not_eligible", r.getString("display_name") + " is disabled"));
      }
      if (!r.getBoolean("serves_shop")) {
        return Future.succeededFuture(new Refusal(409, "agent_not_eligible",
            r.getString("display_name") + " does not serve this shop"));
      }
      if (team != null && !team.equals(r.getString("team"))) {
        return Future.succeededFuture(new Refusal(409, "agent_not_eligible",
            r.getString("display_name") + " is not in team " + team));
      }
      Seat seat = new Seat(r.getLong("id"), r.getString("display_name"));
      return take(c, agentId, now).compose(ok -> {
        if (ok) {
          return Future.succeededFuture((Object) seat);
        }
        if (overCapacity) {
          return c.preparedQuery(TAKE_OVER).execute(Tuple.of(agentId, now.atOffset(ZoneOffset.UTC)))
              .map(x -> (Object) new Seat(seat.agentId(), seat.displayName(), true));
        }
        return Future.succeededFuture((Object) new Refusal(409, "agent_full", seat.displayName()
            + " is at capacity (" + r.getInteger("max_concurrent") + "); a supervisor can override it with a reason"));
      });
    });
  }

  public static Future<Void> free(SqlConnection c, long agentId) {
    return c.preparedQuery(FREE).execute(Tuple.of(agentId)).mapEmpty();
  }

  private static Future<Boolean> take(SqlConnection c, long agentId, Instant now) {
    return c.preparedQuery(TAKE).execute(Tuple.of(agentId, now.atOffset(ZoneOffset.UTC))).map(r -> r.rowCount() == 1);
  }
}
