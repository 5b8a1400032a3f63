package dev.unibox.events;

import dev.unibox.signals.Addresses;
import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.store.Database;
import dev.unibox.testing.Await;
import dev.unibox.testing.TestDatabases;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Invariant 6 under concurrency: writers on many connections change "conversations" (locked rows) and
 * append events, some roll back, some hold their transaction open while others commit; readers keep
 * "reconnecting" (resuming from their last position with small pages) meanwhile, and the node's tail
 * feeds live subscribers. Every reader must end with exactly the committed events for its user, none
 * twice, positions increasing, and each conversation's changes in the order they were made.
 */
@ExtendWith(VertxExtension.class)
class EventLogConcurrencyTest {

  private static final int WRITERS = 8;
  private static final int TRANSACTIONS_PER_WRITER = 60;
  private static final int CONVERSATIONS = 12;
  private static final List<Long> USERS = List.of(1L, 2L, 3L, 4L);

  @Test
  void resumingReadersAndTheLiveTailGetEveryCommittedEventOnceInOrder(Vertx vertx) throws Exception {
    Database writerDb = TestDatabases.fresh(vertx);
    Database readerDb = Await.result(Database.connect(vertx, TestDatabases.options(writerDb), 4));
    var writes = writerDb.pool();
    var reads = readerDb.pool();
    Await.result(writes.query("CREATE TABLE t_conv (id int PRIMARY KEY, version int NOT NULL DEFAULT 0)").execute());
    Await.result(writes.query("INSERT INTO t_conv (id) SELECT generate_series(1, " + CONVERSATIONS + ")").execute());

    Map<Long, List<JsonObject>> live = new ConcurrentHashMap<>();
    for (Long user : USERS) {
      List<JsonObject> got = new CopyOnWriteArrayList<>();
      live.put(user, got);
      Await.result(vertx.eventBus().<LiveFrame>consumer(Addresses.user(user), m -> got.add(new JsonObject(m.body().text())))
          .completion());
    }
    String tail = Await.result(vertx.deployVerticle(new EventTail(vertx, reads).job(20)));

    ExecutorService threads = Executors.newFixedThreadPool(WRITERS + USERS.size());
    AtomicBoolean writing = new AtomicBoolean(true);
    List<Future<?>> unused = new ArrayList<>();
    List<java.util.concurrent.Future<?>> writers = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      int seed = w;
      writers.add(threads.submit(() -> {
        Random random = new Random(seed);
        for (int t = 0; t < TRANSACTIONS_PER_WRITER; t++) {
          writeOne(vertx, writes, random);
        }
        return null;
      }));
    }
    Map<Long, List<JsonObject>> resumed = new HashMap<>();
    List<java.util.concurrent.Future<?>> readers = new ArrayList<>();
    for (Long user : USERS) {
      List<JsonObject> got = new ArrayList<>();
      resumed.put(user, got);
      readers.add(threads.submit(() -> {
        Random random = new Random(user);
        long position = 0;
        boolean last = false;
        while (true) {
          boolean done = !writing.get();
          // a "reconnect": resume from the last position seen, with a small page
          List<JsonObject> page = Await.result(EventLog.after(reads, user, position, 1 + random.nextInt(7)));
          got.addAll(page);
          if (!page.isEmpty()) {
            position = page.get(page.size() - 1).getLong("seq");
          } else if (last) {
            return null;
          } else if (done) {
            last = true;
          }
        }
      }));
    }
    for (var w : writers) {
      w.get(2, TimeUnit.MINUTES);
    }
    writing.set(false);
    for (var r : readers) {
      r.get(2, TimeUnit.MINUTES);
    }
    threads.shutdown();

    for (Long user : USERS) {
      List<Long> committed = new ArrayList<>();
      Await.result(writes.preparedQuery("SELECT id FROM event_log WHERE recipients @> ARRAY[$1]::bigint[] ORDER BY id")
          .execute(Tuple.of(user))).forEach(r -> committed.add(r.getLong(0)));
      assertThat(committed).isNotEmpty();
      checkStream(resumed.get(user), committed);
      Await.until("live tail caught up for user " + user, () -> live.get(user).size() >= committed.size());
      checkStream(live.get(user), committed);
    }
    // nothing of a rolled-back transaction was stored
    assertThat(Await.result(writes.query("SELECT count(*) FROM event_log WHERE payload ->> 'rolledBack' = 'true'")
        .execute()).iterator().next().getLong(0)).isZero();
    Await.result(vertx.undeploy(tail));
    Await.result(readerDb.pool().close());
  }

  /** Exactly the committed positions, increasing, and each conversation's versions in order with no gap. */
  private static void checkStream(List<JsonObject> frames, List<Long> committed) {
    List<Long> ids = frames.stream().map(f -> f.getLong("seq")).toList();
    assertThat(ids).containsExactlyElementsOf(committed);
    Map<Integer, Integer> version = new HashMap<>();
    for (JsonObject f : frames) {
      JsonObject data = f.getJsonObject("data");
      int conversation = data.getInteger("conversation");
      int v = data.getInteger("version");
      assertThat(v).as("conversation %d", conversation).isGreaterThan(version.getOrDefault(conversation, 0));
      version.put(conversation, v);
    }
  }

  /** Locks one or two conversations, bumps their versions and appends an event each; one in ten rolls back. */
  private static void writeOne(Vertx vertx, io.vertx.sqlclient.Pool pool, Random random) throws Exception {
    Set<Integer> targets = new TreeSet<>();
    targets.add(1 + random.nextInt(CONVERSATIONS));
    if (random.nextBoolean()) {
      targets.add(1 + random.nextInt(CONVERSATIONS));
    }
    List<Long> recipients = new ArrayList<>();
    for (Long u : USERS) {
      if (random.nextInt(3) > 0) {
        recipients.add(u);
      }
    }
    if (recipients.isEmpty()) {
      recipients.add(USERS.get(0));
    }
    boolean rollBack = random.nextInt(10) == 0;
    double pause = random.nextInt(4) == 0 ? random.nextDouble() * 0.01 : 0;
    List<EventLog.Outgoing> events = new ArrayList<>();
    Future<Void> tx = pool.withTransaction(conn -> {
      Future<Void> chain = Future.succeededFuture();
      // an early write, so this transaction may hold a lower position while waiting for a lock
      chain = chain.compose(v -> conn.query("SELECT 1").execute().mapEmpty());
      for (int id : targets) {
        chain = chain.compose(v -> conn.preparedQuery("UPDATE t_conv SET version = version + 1 WHERE id = $1 RETURNING version")
            .execute(Tuple.of(id)).compose(rows -> {
              int version = rows.iterator().next().getInteger(0);
              events.add(new EventLog.Outgoing(recipients, "test.changed", new JsonObject().put("conversation", id)
                  .put("version", version).put("rolledBack", rollBack)));
              return Future.<Void>succeededFuture();
            }));
      }
      chain = chain.compose(v -> EventLog.appendAll(conn, events, Instant.now()).mapEmpty());
      // hold the transaction open a little while others commit after it drew its positions
      chain = chain.compose(v -> conn.query("SELECT pg_sleep(" + pause + ")").execute().mapEmpty());
      return rollBack ? chain.compose(v -> Future.failedFuture("roll back")) : chain;
    });
    try {
      Await.result(tx.onSuccess(v -> EventTail.kick(vertx)));
    } catch (java.util.concurrent.ExecutionException e) {
      if (!rollBack) {
        throw e;
      }
    }
  }
}
