package dev.unibox.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.store.Database;
import dev.unibox.testing.Await;
import dev.unibox.testing.TestDatabases;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Three "nodes" (each its own Vert.x and its own pool, as separate processes would have) share eight
 * accounts through leases in one real PostgreSQL: spread fairly, never run twice, taken over when a
 * node dies, handed over at once when a node stops, and fenced on the old owner's side.
 */
class LeaseKeeperTest {

  private static final Duration TTL = Duration.ofSeconds(2);
  private static final Duration TICK = Duration.ofMillis(300);
  private static final List<String> ACCOUNTS = List.of("a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8");

  private Vertx dbVertx;
  private Database db;
  private final List<Node> nodes = new ArrayList<>();
  /** Every start and stop of every node, to prove that no account ever ran on two nodes at once. */
  private final ConcurrentHashMap<String, String> runningOn = new ConcurrentHashMap<>();
  private final List<String> overlaps = Collections.synchronizedList(new ArrayList<>());

  private final class Node implements LeasedWork {
    final String name;
    final Vertx vertx = Vertx.vertx();
    final Pool pool;
    final LeaseKeeper keeper;
    final Set<String> running = ConcurrentHashMap.newKeySet();
    final List<Long> fences = Collections.synchronizedList(new ArrayList<>());

    Node(String name) {
      this.name = name;
      pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(2)).connectingTo(TestDatabases.options(db))
          .using(vertx).build();
      keeper = new LeaseKeeper(pool, name, TTL, TICK, List.of(new LeaseGroup("account:", () -> ACCOUNTS, this)));
    }

    @Override
    public Future<Void> start(String key, long fence) {
      String other = runningOn.putIfAbsent(key, name);
      if (other != null) {
        overlaps.add(key + " on " + name + " while on " + other);
      }
      running.add(key);
      fences.add(fence);
      return Future.succeededFuture();
    }

    @Override
    public Future<Void> stop(String key) {
      running.remove(key);
      runningOn.remove(key, name);
      return Future.succeededFuture();
    }

    void deploy() throws Exception {
      Await.result(vertx.deployVerticle(keeper.job()));
    }
  }

  @BeforeEach
  void setUp() throws Exception {
    dbVertx = Vertx.vertx();
    db = TestDatabases.fresh(dbVertx);
    for (String n : List.of("n1", "n2", "n3")) {
      nodes.add(new Node(n));
    }
  }

  @AfterEach
  void tearDown() throws Exception {
    for (Node n : nodes) {
      for (String id : n.vertx.deploymentIDs()) {
        Await.result(n.vertx.undeploy(id).recover(e -> Future.succeededFuture()));
      }
      Await.result(n.pool.close().recover(e -> Future.succeededFuture()));
      // closed from this thread: a close chained on the instance's own event loop never reports back
      Await.result(n.vertx.close());
    }
    Await.result(db.close());
    Await.result(dbVertx.close());
  }

  private void startAll() throws Exception {
    for (Node n : nodes) {
      n.deploy();
    }
    Await.until("eight accounts spread over three nodes", () -> runningOn.size() == ACCOUNTS.size()
        && nodes.stream().allMatch(n -> n.running.size() >= 2 && n.running.size() <= 3));
  }

  @Test
  void accountsAreSpreadAndEachRunsOnExactlyOneNode() throws Exception {
    startAll();
    Set<String> all = new HashSet<>();
    for (Node n : nodes) {
      assertThat(all).doesNotContainAnyElementsOf(n.running);
      all.addAll(n.running);
      assertThat(n.keeper.held()).hasSize(n.running.size());
    }
    assertThat(all).containsExactlyInAnyOrderElementsOf(ACCOUNTS);
    assertThat(overlaps).isEmpty();
  }

  @Test
  void aKilledNodesAccountsAreTakenOverWithinTheLeaseTimeAndItStopsBelievingItOwnsThem() throws Exception {
    startAll();
    Node dead = nodes.get(0);
    Set<String> orphaned = Set.copyOf(dead.running);
    // a crash: its database connections go first, so it can neither renew nor hand anything back
    Await.result(dead.pool.close());
    long killedAt = System.nanoTime();

    Await.until("the survivors run every account", () -> nodes.subList(1, 3).stream()
        .mapToInt(n -> n.running.size()).sum() == ACCOUNTS.size());
    double seconds = (System.nanoTime() - killedAt) / 1e9;
    assertThat(seconds).as("failover time").isLessThan(TTL.toMillis() / 1000.0 + 3);
    // fenced: by the time another node took them, the dead node's own view no longer lets it act for them
    orphaned.forEach(a -> assertThat(dead.keeper.holds("account:" + a)).as(a).isFalse());
    // the new owners got a higher fence than the first owner had
    assertThat(nodes.get(1).fences.stream().mapToLong(Long::longValue).max().orElse(0)
        + nodes.get(2).fences.stream().mapToLong(Long::longValue).max().orElse(0)).isGreaterThan(2);
  }

  @Test
  void aStoppedNodeHandsItsAccountsOverWithoutWaitingForExpiry() throws Exception {
    startAll();
    Node leaving = nodes.get(2);
    Set<String> handed = Set.copyOf(leaving.running);
    Await.result(leaving.vertx.undeploy(leaving.vertx.deploymentIDs().iterator().next()));
    assertThat(leaving.running).isEmpty();
    long stoppedAt = System.nanoTime();
    Await.until("the others run the handed-over accounts", () -> handed.stream()
        .allMatch(a -> nodes.get(0).running.contains(a) || nodes.get(1).running.contains(a)));
    assertThat((System.nanoTime() - stoppedAt) / 1e9).as("handover time").isLessThan(TTL.toMillis() / 1000.0);
    assertThat(overlaps).isEmpty();
  }

  @Test
  void aJoiningNodeTakesItsShare() throws Exception {
    nodes.get(0).deploy();
    Await.until("one node runs everything", () -> nodes.get(0).running.size() == ACCOUNTS.size());
    nodes.get(1).deploy();
    Await.until("two nodes share four and four", () -> nodes.get(0).running.size() == 4
        && nodes.get(1).running.size() == 4);
    assertThat(overlaps).isEmpty();
  }
}
