package dev.unibox.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.auth.CurrentUser;
import dev.unibox.conversations.CloseConversation;
import dev.unibox.testing.Await;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.TestDatabases;
import dev.unibox.testing.TestInbox;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Many routers at once over real PostgreSQL, as on several backend nodes (each "node" has its own
 * Vert.x instance and connection pool), while conversations are closed concurrently and agents come
 * and go between rounds. After every round: zero agents above capacity, zero conversations with two
 * owners, zero priority inversions, and nothing servable left in the queue.
 */
@InboxTest
class RoutingStressTest {

  private static final int NODES = 3;
  private static final int ROUTERS_PER_NODE = 3;
  private static final int ROUNDS = 6;
  private static final int PER_ROUND = 160;
  private static final String[] LANGUAGES = {"en", "zh", "zh-Hant", "th", "vi", "ms"};

  private TestInbox inbox;
  private final List<Vertx> nodes = new ArrayList<>();
  private final List<Pool> pools = new ArrayList<>();
  private final Random random = new Random(20261111);

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    // the app's own router keeps running too: one more router on the first node
    for (int i = 0; i < NODES; i++) {
      Vertx node = Vertx.vertx();
      nodes.add(node);
      pools.add(PgBuilder.pool().with(new PoolOptions().setMaxSize(ROUTERS_PER_NODE + 1))
          .connectingTo(TestDatabases.options(inbox.db)).using(node).build());
    }
  }

  @AfterEach
  void stop() throws Exception {
    for (int i = 0; i < NODES; i++) {
      Await.result(pools.get(i).close());
      Await.result(nodes.get(i).close());
    }
  }

  @Test
  void manyRoutersAtOnceKeepEveryInvariant() throws Exception {
    List<Long> agents = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      String[] accounts = switch (i % 4) {
        case 0 -> new String[] {TestInbox.ACCOUNT_TW};
        case 1 -> new String[] {TestInbox.ACCOUNT_MY};
        default -> new String[0];
      };
      long id = inbox.createUser("agent" + i, "agent", 1 + random.nextInt(4), accounts);
      List<String> speaks = new ArrayList<>();
      if (i % 3 != 0) {
        for (String l : LANGUAGES) {
          if (random.nextInt(3) == 0) {
            speaks.add(l);
          }
        }
        speaks.add("en");
      }
      inbox.count("UPDATE users SET languages = $2 WHERE id = $1 RETURNING 1",
          id, speaks.stream().distinct().toArray(String[]::new));
      agents.add(id);
    }
    CloseConversation close = new CloseConversation(inbox.vertx, inbox.db.pool(), Clock.systemUTC());
    CurrentUser admin = new CurrentUser(1, "admin", "Administrator", "admin", true, Set.of());
    int totalAssigned = 0;
    for (int round = 0; round < ROUNDS; round++) {
      queueConversations(round);
      for (long a : agents) {
        inbox.count("UPDATE users SET presence = $2 WHERE id = $1 RETURNING 1", a,
            random.nextInt(5) == 0 ? "offline" : "online");
      }
      long activityMark = inbox.count("SELECT COALESCE(max(id), 0) FROM activities");
      List<Long> closable = new ArrayList<>();
      inbox.rows("SELECT id FROM conversations WHERE status = 'assigned'").forEach(r -> closable.add(r.getLong(0)));

      List<Future<?>> work = new ArrayList<>();
      for (int n = 0; n < NODES; n++) {
        for (int r = 0; r < ROUTERS_PER_NODE; r++) {
          work.add(new Assigner(nodes.get(n), pools.get(n), Clock.systemUTC()).drain());
        }
      }
      for (int c = 0; c < Math.min(40, closable.size()); c++) {
        work.add(close.close(admin, closable.get(random.nextInt(closable.size()))).recover(e -> Future.succeededFuture()));
      }
      Await.result(Future.join(work));
      Await.result(new Assigner(inbox.vertx, inbox.db.pool(), Clock.systemUTC()).drain());
      totalAssigned += checkInvariants(activityMark);
    }
    assertThat(totalAssigned).as("the stress test must actually assign").isGreaterThan(ROUNDS * 20);
  }

  private void queueConversations(int round) throws Exception {
    String[] langs = new String[PER_ROUND];
    Integer[] priorities = new Integer[PER_ROUND];
    String[] accounts = new String[PER_ROUND];
    Integer[] dueOffsets = new Integer[PER_ROUND];
    for (int i = 0; i < PER_ROUND; i++) {
      langs[i] = LANGUAGES[random.nextInt(LANGUAGES.length)];
      int p = random.nextInt(10);
      priorities[i] = p < 6 ? 0 : p < 9 ? 1 : 2;
      accounts[i] = random.nextBoolean() ? TestInbox.ACCOUNT_MY : TestInbox.ACCOUNT_TW;
      dueOffsets[i] = random.nextInt(3600);
    }
    // deadlines a day ahead: the app's SLA sweep (real clock) must not raise anything mid-round
    inbox.count("""
        WITH input AS (
          SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::int[]) WITH ORDINALITY AS x(lang, prio, account, due, n)
        ), b AS (
          INSERT INTO buyers (account_id, platform_buyer_id, name)
          SELECT account, 'stress-' || $5 || '-' || n, 'stress buyer' FROM input RETURNING id, account_id, platform_buyer_id
        ), c AS (
          INSERT INTO conversations (account_id, platform_conversation_id, buyer_id, status, priority, language,
                                     queued_at, waiting_since, sla_due_at, sla_warn_at, sla_state, created_at, updated_at)
          SELECT b.account_id, b.platform_buyer_id, b.id, 'queued', i.prio, i.lang, now(), now(),
                 now() + interval '1 day' + i.due * interval '1 second', now() + interval '1 day', 'running', now(), now()
          FROM b JOIN input i ON b.platform_buyer_id = 'stress-' || $5 || '-' || i.n
          RETURNING 1
        )
        SELECT count(*) FROM c""",
        langs, priorities, accounts, dueOffsets, String.valueOf(round));
  }

  /** Returns how many were assigned in the round. */
  private int checkInvariants(long activityMark) throws Exception {
    assertThat(inbox.count("SELECT count(*) FROM users WHERE active_count > max_concurrent"))
        .as("agents above capacity").isZero();
    assertThat(inbox.count("""
        SELECT count(*) FROM users u WHERE active_count <>
          (SELECT count(*) FROM conversations c WHERE c.assignee_id = u.id AND c.status = 'assigned')"""))
        .as("seat counts out of step with owners").isZero();
    assertThat(inbox.count("""
        SELECT count(*) FROM (SELECT conversation_id FROM activities WHERE type = 'assigned'
                              GROUP BY conversation_id HAVING count(*) > 1) x"""))
        .as("conversations assigned twice").isZero();

    Map<Long, Seat> seats = new HashMap<>();
    for (Row r : inbox.rows("""
        SELECT u.id, u.all_accounts, u.languages, u.presence, u.active_count, u.max_concurrent,
               ARRAY(SELECT account_id FROM user_accounts ua WHERE ua.user_id = u.id) AS accounts
        FROM users u WHERE u.role = 'agent'""")) {
      seats.put(r.getLong("id"), new Seat(r.getBoolean("all_accounts"), Set.of(r.getArrayOfStrings("accounts")),
          Set.of(r.getArrayOfStrings("languages")), "online".equals(r.getString("presence")),
          r.getInteger("active_count") < r.getInteger("max_concurrent")));
    }
    List<Conv> queued = new ArrayList<>();
    for (Row r : inbox.rows("""
        SELECT id, account_id, language, priority, head_of_class, sla_due_at FROM conversations
        WHERE status = 'queued'""")) {
      queued.add(conv(r, 0));
    }
    // nothing servable left behind: no queued conversation has an online skilled agent with room
    for (Conv q : queued) {
      for (Seat s : seats.values()) {
        assertThat(s.online && s.room && s.skilled(q)).as("conversation " + q.id + " left while a seat fits").isFalse();
      }
    }
    // no inversion: nothing assigned this round went to an agent who could have taken a higher queued one
    List<Conv> assigned = new ArrayList<>();
    for (Row r : inbox.rows("""
        SELECT c.id, c.account_id, c.language, c.priority, c.head_of_class, c.sla_due_at, a.target_user_id
        FROM activities a JOIN conversations c ON c.id = a.conversation_id
        WHERE a.type = 'assigned' AND a.id > $1""", activityMark)) {
      assigned.add(conv(r, r.getLong("target_user_id")));
    }
    int inversions = 0;
    for (Conv l : assigned) {
      Seat agent = seats.get(l.agent);
      for (Conv h : queued) {
        if (ORDER.compare(h, l) < 0 && agent.skilled(h)) {
          inversions++;
        }
      }
    }
    assertThat(inversions).as("priority inversions").isZero();
    return assigned.size();
  }

  /** The priority policy's order: class, head of class, deadline, id. */
  private static final java.util.Comparator<Conv> ORDER = java.util.Comparator
      .comparingInt((Conv c) -> -c.priority)
      .thenComparing(c -> !c.head)
      .thenComparing(c -> c.due)
      .thenComparingLong(c -> c.id);

  private static Conv conv(Row r, long agent) {
    return new Conv(r.getLong("id"), r.getString("account_id"), r.getString("language"), agent,
        r.getShort("priority"), r.getBoolean("head_of_class"), r.getOffsetDateTime("sla_due_at").toInstant());
  }

  private record Seat(boolean all, Set<String> accounts, Set<String> languages, boolean online, boolean room) {
    boolean skilled(Conv c) {
      return (all || accounts.contains(c.account)) && (languages.isEmpty() || c.language == null
          || languages.contains(c.language));
    }
  }

  private record Conv(long id, String account, String language, long agent, int priority, boolean head,
                      java.time.Instant due) {}
}
