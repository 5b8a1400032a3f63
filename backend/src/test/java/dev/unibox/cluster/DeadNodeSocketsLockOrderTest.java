package dev.unibox.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.store.Database;
import dev.unibox.testing.Await;
import dev.unibox.testing.TestDatabases;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A node paused long enough to look dead (a long GC) closes a socket as it resumes (user row locked, then
 * its node_sockets row) while another node's presence janitor forgets that node's sockets: both finish,
 * neither is chosen as a deadlock victim.
 */
@ExtendWith(VertxExtension.class)
class DeadNodeSocketsLockOrderTest {

  private Database db;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    db = TestDatabases.fresh(vertx);
  }

  @AfterEach
  void stop() throws Exception {
    Await.result(db.close());
  }

  @Test
  void theJanitorWaitsForAClosingSocketInsteadOfDeadlockingWithIt() throws Exception {
    Pool pool = db.pool();
    long user = Await.result(pool.query("""
        INSERT INTO users (username, display_name, role, password_hash, presence_choice, presence)
        VALUES ('mei', 'Mei', 'agent', 'x', 'online', 'online') RETURNING id""").execute()).iterator().next().getLong(0);
    Await.result(pool.query("""
        INSERT INTO cluster_nodes (node_id, started_at, heartbeat_at)
        VALUES ('paused', now() - interval '1 minute', now() - interval '1 minute')""").execute());
    Await.result(pool.preparedQuery("INSERT INTO node_sockets (node_id, user_id, sockets) VALUES ('paused', $1, 1)")
        .execute(Tuple.of(user)));

    SqlConnection closing = Await.result(pool.getConnection());
    Transaction tx = Await.result(closing.begin());
    // the first half of NodeSockets.closed on the paused node: the user's row is locked
    Await.result(closing.preparedQuery("SELECT presence FROM users WHERE id = $1 FOR UPDATE").execute(Tuple.of(user)));
    Future<List<Long>> janitor = NodeSockets.forgetDeadNodes(pool, 30);
    Await.until("the janitor waits on a lock", () -> waitingOnLocks(pool) > 0);
    // the second half: its socket row, which the janitor must not have locked while it waits for the user
    Await.result(closing.preparedQuery("DELETE FROM node_sockets WHERE node_id = 'paused' AND user_id = $1")
        .execute(Tuple.of(user)));
    Await.result(closing.preparedQuery("UPDATE users SET presence = 'offline' WHERE id = $1").execute(Tuple.of(user)));
    Await.result(tx.commit());
    Await.result(closing.close());

    assertThat(Await.result(janitor)).as("the janitor finished; the user was already offline").isEmpty();
    assertThat(count(pool, "SELECT count(*) FROM node_sockets")).isZero();
  }

  private static long waitingOnLocks(Pool pool) {
    try {
      return count(pool, "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static long count(Pool pool, String sql) throws Exception {
    return Await.result(pool.query(sql).execute()).iterator().next().getLong(0);
  }
}
