package dev.unibox.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.accounts.AccountStore;
import dev.unibox.adapters.spi.AccountConfig;
import dev.unibox.adapters.spi.AccountCredentials;
import dev.unibox.store.Database;
import dev.unibox.testing.Await;
import dev.unibox.testing.MutableClock;
import dev.unibox.testing.TestDatabases;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The slack policy over real PostgreSQL at a fixed time: the documented bands in the documented order
 * (aged first, then meetable by class and deadline, then the platform's window, then the missed), the
 * SQL order equal to its Java twin on random queues, and the difference to strict priority.
 */
@ExtendWith(VertxExtension.class)
class SlackPolicyTest {

  private static final Instant T0 = Instant.parse("2026-11-11T12:00:00Z");
  private final MutableClock clock = new MutableClock(T0);
  private final SlackPolicy slack = new SlackPolicy();
  private Database db;
  private Pool pool;
  private long agent;

  @BeforeEach
  void setUp(Vertx vertx) throws Exception {
    db = TestDatabases.fresh(vertx);
    pool = db.pool();
    Await.result(AccountStore.sync(pool, List.of(new AccountConfig("shop-1", "pinduoduo", "1", "shop-1", "CN",
        "Asia/Shanghai", "https://x.invalid", "https://x.invalid/cb", new AccountCredentials("k", "s", "t", "r"),
        Map.of()))));
    agent = Await.result(pool.query("""
        INSERT INTO users (username, display_name, role, password_hash, all_accounts, max_concurrent, presence)
        VALUES ('mei', 'Mei', 'agent', 'x', true, 0, 'online') RETURNING id""").execute()).iterator().next().getLong(0);
    Await.result(pool.query("INSERT INTO event_cursors (user_id) SELECT id FROM users").execute());
  }

  @AfterEach
  void tearDown() throws Exception {
    Await.result(db.close());
  }

  @Test
  void servesAgedThenMeetableByClassAndDeadlineThenPlatformWindowThenMissed(Vertx vertx) throws Exception {
    // seconds relative to T0: due (first response), platform due (null: not counted)
    long missed = queue(1, -30, null);            // urgent, deadline lost 30 s ago, no platform clock: band 6
    long urgentLate = queue(1, 50, null);         // urgent, meetable: band 3, after urgentSoon
    long platform = queue(0, -60, 120);           // normal, SLA lost, Pinduoduo window left: band 5
    long normal = queue(0, 30, 300);              // normal, meetable: band 4
    long aged = queue(0, -200, null);             // normal, 200 s past its deadline (> 180 s aging): band 1
    long urgentSoon = queue(1, 25, null);         // urgent, meetable (25 s left > 20 s margin): band 3
    long tooClose = queue(1, 15, 200);            // urgent, 15 s left: can no longer be answered in time: band 5
    long critical = queue(2, 55, null);           // critical: band 2
    long noDeadline = queue(0, null, null);       // nobody waits: band 7
    List<Long> expected = List.of(aged, critical, urgentSoon, urgentLate, normal, platform, tooClose, missed,
        noDeadline);
    assertThat(serveOneByOne(vertx, slack, expected.size())).isEqualTo(expected);
  }

  @Test
  void aLostUrgentNoLongerBlocksAMeetableOneWhereStrictPriorityLetsItBlock(Vertx vertx) throws Exception {
    long lostUrgent = queue(1, -10, null);
    long meetableNormal = queue(0, 90, null);
    assertThat(serveOneByOne(vertx, slack, 1)).containsExactly(meetableNormal);
    reset();
    assertThat(serveOneByOne(vertx, new PriorityPolicy(), 1)).containsExactly(lostUrgent);
  }

  @Test
  void theSqlOrderIsTheJavaTwinsOrderOnRandomQueuesAtSeveralTimes() throws Exception {
    Random r = new Random(15);
    List<SlackPolicy.Queued> all = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      int priority = r.nextInt(3);
      Integer due = r.nextInt(10) == 0 ? null : r.nextInt(1200) - 600;
      Integer platformDue = due == null || r.nextBoolean() ? null : due + r.nextInt(400);
      long id = queue(priority, due, platformDue);
      all.add(new SlackPolicy.Queued(id, priority, at(due), at(platformDue),
          Await.result(pool.preparedQuery("SELECT queued_at FROM conversations WHERE id = $1").execute(Tuple.of(id)))
              .iterator().next().getOffsetDateTime(0).toInstant()));
    }
    for (long offset : new long[] {0, 45, 200, 700}) {
      Instant now = T0.plusSeconds(offset);
      List<Long> expected = all.stream().sorted(slack.order(now)).map(SlackPolicy.Queued::id).toList();
      List<Long> read = new ArrayList<>();
      for (int page = 0; page < 300; page += 64) {
        int from = page;
        read.addAll(Await.result(pool.withConnection(c -> RoutingStore.queueHead(c, slack, 64, from, now)))
            .stream().map(Candidate::id).toList());
      }
      assertThat(read).as("order at T0+" + offset).isEqualTo(expected);
    }
  }

  /** Queues a conversation; due and platformDue in seconds from T0 (null: none). */
  private long queue(int priority, Integer due, Integer platformDue) throws Exception {
    Row row = Await.result(pool.preparedQuery("""
        WITH b AS (INSERT INTO buyers (account_id, platform_buyer_id, name)
                   VALUES ('shop-1', 'b-' || gen_random_uuid(), 'buyer') RETURNING id, platform_buyer_id)
        INSERT INTO conversations (account_id, platform_conversation_id, buyer_id, status, priority, queued_at,
                                   waiting_since, sla_due_at, platform_due_at, sla_state, created_at, updated_at)
        SELECT 'shop-1', b.platform_buyer_id, b.id, 'queued', $1, clock_timestamp(), $2, $3, $4,
               CASE WHEN $3::timestamptz IS NULL THEN 'none' ELSE 'running' END, $5, $5 FROM b
        RETURNING id""").execute(Tuple.of(priority, utc(due == null ? null : due - 60), utc(due), utc(platformDue),
            T0.atOffset(ZoneOffset.UTC)))).iterator().next();
    return row.getLong(0);
  }

  private static Instant at(Integer seconds) {
    return seconds == null ? null : T0.plusSeconds(seconds);
  }

  private static java.time.OffsetDateTime utc(Integer seconds) {
    return seconds == null ? null : T0.plusSeconds(seconds).atOffset(ZoneOffset.UTC);
  }

  /** Opens one seat at a time at T0 and returns the conversations in the order they were assigned. */
  private List<Long> serveOneByOne(Vertx vertx, RoutingPolicy policy, int n) throws Exception {
    Router router = new Router(vertx, pool, clock, policy);
    for (int i = 1; i <= n; i++) {
      Await.result(pool.preparedQuery("UPDATE users SET max_concurrent = $1 WHERE id = $2").execute(Tuple.of(i, agent)));
      assertThat(Await.result(router.assignBatch())).as("seat " + i).isEqualTo(1);
    }
    List<Long> order = new ArrayList<>();
    Await.result(pool.query("SELECT conversation_id FROM activities WHERE type = 'assigned' ORDER BY id").execute())
        .forEach(r -> order.add(r.getLong(0)));
    return order;
  }

  /** Puts every assigned conversation back in the queue and frees the seat. */
  private void reset() throws Exception {
    Await.result(pool.query("""
        UPDATE conversations SET status = 'queued', assignee_id = NULL, queued_at = clock_timestamp()
        WHERE status = 'assigned'""").execute());
    Await.result(pool.query("UPDATE users SET active_count = 0, max_concurrent = 0").execute());
    Await.result(pool.query("DELETE FROM activities").execute());
  }
}
