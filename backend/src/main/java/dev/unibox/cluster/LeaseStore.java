package dev.unibox.cluster;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL of node heartbeats and leases. Every expiry is judged by the database's clock ({@code now()}),
 * never by a node's, so two nodes with skewed clocks still agree on who holds what.
 */
final class LeaseStore {

  private static final String HEARTBEAT = """
      INSERT INTO cluster_nodes (node_id, started_at, heartbeat_at, draining) VALUES ($1, now(), now(), $2)
      ON CONFLICT (node_id) DO UPDATE SET heartbeat_at = now(), draining = EXCLUDED.draining""";

  private static final String LIVE_NODES = """
      SELECT count(*) AS n FROM cluster_nodes
      WHERE heartbeat_at > now() - make_interval(secs => $1) AND NOT draining""";

  private static final String RENEW = """
      UPDATE leases SET expires_at = now() + make_interval(secs => $2)
      WHERE owner = $1 AND expires_at > now()
      RETURNING name, fence""";

  /** Free means never taken, expired, or released; taking it raises the fence. */
  private static final String ACQUIRE = """
      INSERT INTO leases (name, owner, fence, expires_at) VALUES ($1, $2, 1, now() + make_interval(secs => $3))
      ON CONFLICT (name) DO UPDATE SET owner = EXCLUDED.owner, fence = leases.fence + 1,
                                       expires_at = EXCLUDED.expires_at
      WHERE leases.expires_at <= now()
      RETURNING fence""";

  private static final String FREE = """
      SELECT n AS name FROM unnest($1::text[]) AS n
      WHERE NOT EXISTS (SELECT 1 FROM leases l WHERE l.name = n AND l.expires_at > now())
      ORDER BY n""";

  private static final String RELEASE = "UPDATE leases SET expires_at = now() WHERE owner = $1 AND name = ANY($2)";

  private static final String HOLDERS = "SELECT name, owner, fence FROM leases WHERE expires_at > now() AND name LIKE $1";

  /** A socket row whose node is unknown or stopped heartbeating ($1 seconds). */
  private static final String OF_NO_LIVE_NODE = """
      NOT EXISTS (SELECT 1 FROM cluster_nodes n
                  WHERE n.node_id = s.node_id AND n.heartbeat_at >= now() - make_interval(secs => $1))""";

  /** The users first, in id order, as a socket's own open and close do: the other order can deadlock with them. */
  private static final String LOCK_DEAD_SOCKET_USERS = """
      SELECT u.id FROM users u WHERE u.id IN (SELECT s.user_id FROM node_sockets s WHERE %s)
      ORDER BY u.id FOR UPDATE OF u""".formatted(OF_NO_LIVE_NODE);

  private static final String FORGET_DEAD_SOCKETS =
      "DELETE FROM node_sockets s WHERE %s RETURNING s.user_id".formatted(OF_NO_LIVE_NODE);

  private static final String FORGET_DEAD_NODES = """
      DELETE FROM cluster_nodes WHERE heartbeat_at < now() - make_interval(secs => $1) * 10""";

  private LeaseStore() {}

  static Future<Void> heartbeat(SqlClient c, String node, boolean draining) {
    return c.preparedQuery(HEARTBEAT).execute(Tuple.of(node, draining)).mapEmpty();
  }

  static Future<Integer> liveNodes(SqlClient c, double withinSeconds) {
    return c.preparedQuery(LIVE_NODES).execute(Tuple.of(withinSeconds))
        .map(rows -> rows.iterator().next().getLong("n").intValue());
  }

  /** Extends every lease the node still holds; the answer is exactly those (name → fence). */
  static Future<Map<String, Long>> renew(SqlClient c, String node, double ttlSeconds) {
    return c.preparedQuery(RENEW).execute(Tuple.of(node, ttlSeconds)).map(rows -> {
      Map<String, Long> held = new HashMap<>();
      for (Row r : rows) {
        held.put(r.getString("name"), r.getLong("fence"));
      }
      return held;
    });
  }

  /** The fence if the lease was free and is now the node's, else null. */
  static Future<Long> acquire(SqlClient c, String name, String node, double ttlSeconds) {
    return c.preparedQuery(ACQUIRE).execute(Tuple.of(name, node, ttlSeconds))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getLong("fence"));
  }

  static Future<List<String>> free(SqlClient c, List<String> names) {
    return c.preparedQuery(FREE).execute(Tuple.tuple().addArrayOfString(names.toArray(String[]::new))).map(rows -> {
      List<String> free = new ArrayList<>();
      rows.forEach(r -> free.add(r.getString("name")));
      return free;
    });
  }

  static Future<Void> release(SqlClient c, String node, List<String> names) {
    return c.preparedQuery(RELEASE).execute(Tuple.of(node).addArrayOfString(names.toArray(String[]::new))).mapEmpty();
  }

  /** Current holders of the leases whose name starts with the prefix: name → owner. */
  static Future<Map<String, String>> holders(SqlClient c, String prefix) {
    return c.preparedQuery(HOLDERS).execute(Tuple.of(prefix + "%")).map(rows -> {
      Map<String, String> owners = new HashMap<>();
      rows.forEach(r -> owners.put(r.getString("name"), r.getString("owner")));
      return owners;
    });
  }

  /** Forgets the sockets of nodes that stopped heartbeating (or are unknown); returns the users who had one there. */
  static Future<List<Long>> forgetDeadSockets(SqlClient c, double afterSeconds) {
    return c.preparedQuery(LOCK_DEAD_SOCKET_USERS).execute(Tuple.of(afterSeconds))
        .compose(locked -> c.preparedQuery(FORGET_DEAD_SOCKETS).execute(Tuple.of(afterSeconds)))
        .map(dead -> {
          List<Long> users = new ArrayList<>();
          dead.forEach(r -> users.add(r.getLong("user_id")));
          return users;
        })
        .compose(users -> c.preparedQuery(FORGET_DEAD_NODES).execute(Tuple.of(afterSeconds)).map(users));
  }
}
