package dev.unibox.cluster;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * Agent sockets per node in the store, so presence holds across nodes: a user is online while any live
 * node holds a socket of theirs. Opening and closing lock the user's row, so a socket opening on one node
 * and another closing on a second node cannot leave the user offline with a socket open. Sockets of a node
 * that stopped heartbeating are forgotten by {@link #forgetDeadNodes}; the SLA sweep's disconnect grace
 * then applies to its agents as to any disconnect.
 */
public record NodeSockets(Pool pool, String node) {

  private static final String LOCK_USER = "SELECT presence FROM users WHERE id = $1 FOR UPDATE";

  private static final String ADD = """
      INSERT INTO node_sockets (node_id, user_id, sockets) VALUES ($1, $2, 1)
      ON CONFLICT (node_id, user_id) DO UPDATE SET sockets = node_sockets.sockets + 1""";

  /** Online means the user's own choice (online or away); only an offline user changes. */
  private static final String ONLINE = """
      UPDATE users SET presence = presence_choice WHERE id = $1 AND presence = 'offline' RETURNING id""";

  private static final String REMOVE_LAST = "DELETE FROM node_sockets WHERE node_id = $1 AND user_id = $2 AND sockets = 1";

  private static final String REMOVE_ONE =
      "UPDATE node_sockets SET sockets = sockets - 1 WHERE node_id = $1 AND user_id = $2 AND sockets > 1";

  private static final String OFFLINE_IF_NONE = """
      UPDATE users SET presence = 'offline'
      WHERE id = ANY($1) AND presence <> 'offline'
        AND NOT EXISTS (SELECT 1 FROM node_sockets s WHERE s.user_id = users.id)
      RETURNING id""";

  private static final String FORGET_ALL = "DELETE FROM node_sockets";

  /** True when the user was offline everywhere and is now online. */
  public Future<Boolean> opened(long userId) {
    return pool.withTransaction(c -> lock(c, userId)
        .compose(v -> c.preparedQuery(ADD).execute(Tuple.of(node, userId)))
        .compose(v -> c.preparedQuery(ONLINE).execute(Tuple.of(userId)))
        .map(rows -> rows.size() > 0));
  }

  /** True when that was the user's last socket on any node and they are now offline. */
  public Future<Boolean> closed(long userId) {
    return pool.withTransaction(c -> lock(c, userId)
        .compose(v -> c.preparedQuery(REMOVE_LAST).execute(Tuple.of(node, userId)))
        .compose(v -> c.preparedQuery(REMOVE_ONE).execute(Tuple.of(node, userId)))
        .compose(v -> c.preparedQuery(OFFLINE_IF_NONE).execute(Tuple.of(new Long[] {userId})))
        .map(rows -> rows.size() > 0));
  }

  /** A single node starting: no socket of an earlier run is open any more. */
  public static Future<Void> forgetAll(Pool pool) {
    return pool.query(FORGET_ALL).execute().mapEmpty();
  }

  private static Future<Void> lock(SqlConnection c, long userId) {
    return c.preparedQuery(LOCK_USER).execute(Tuple.of(userId)).mapEmpty();
  }

  /**
   * Forgets the sockets of nodes silent for longer than {@code afterSeconds}; returns the users who are
   * offline because of it (to announce).
   */
  public static Future<List<Long>> forgetDeadNodes(Pool pool, double afterSeconds) {
    return pool.withTransaction(c -> LeaseStore.forgetDeadSockets(c, afterSeconds).compose(users -> users.isEmpty()
        ? Future.succeededFuture(List.<Long>of())
        : c.preparedQuery(OFFLINE_IF_NONE).execute(Tuple.of(users.toArray(Long[]::new))).map(rows -> {
          List<Long> offline = new ArrayList<>();
          rows.forEach(r -> offline.add(r.getLong("id")));
          return offline;
        })));
  }
}
