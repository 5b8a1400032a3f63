package dev.unibox.demo;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A week of finished conversations for the demo's shops, written once on the first demo start, so the
 * Reports page and the daily reports have something to show: buyers writing between 08:00 and 23:00 shop
 * time, answered by the demo agents mostly within a minute, some late, some asking again, each closed by its
 * agent. Seeded, so every demo shows the same week relative to its start.
 */
public final class DemoHistory {

  public static final int DAYS = 7;
  private static final String PREFIX = "history-";

  private static final String ANY = "SELECT 1 FROM conversations WHERE platform_conversation_id LIKE 'history-%' LIMIT 1";
  private static final String SHOPS = "SELECT id, time_zone FROM accounts ORDER BY id";
  private static final String AGENTS = "SELECT id, display_name FROM users WHERE role = 'agent' ORDER BY id";
  private static final String BUYER = """
      INSERT INTO buyers (account_id, platform_buyer_id, name) VALUES ($1, $2, $3) RETURNING id""";
  private static final String CONVERSATION = """
      INSERT INTO conversations (account_id, platform_conversation_id, buyer_id, status, category, language,
        last_assignee_id, last_message_text, last_message_at, last_message_direction, created_at, updated_at)
      VALUES ($1, $2, $3, 'closed', $4, 'en', $5, $6, $7, 'out', $8, $7) RETURNING id""";
  private static final String MESSAGE = """
      INSERT INTO messages (conversation_id, account_id, platform_message_id, direction, body, author_user_id,
        author_name, status, at, created_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)""";
  private static final String CLOSED = """
      INSERT INTO activities (conversation_id, type, actor_user_id, body, at) VALUES ($1, 'closed', $2, 'Solved', $3)""";

  /** A pre-sale buyer who later ordered (as the platform's order event would have reported it). */
  private static final String ORDER = """
      INSERT INTO order_events (account_id, order_id, status, platform_buyer_id, placed_at, at, received_at)
      VALUES ($1, $2, 'PAID', $3, $4, $4, $5)""";

  private static final String[][] CHATS = {
      {"pre_sale", "Hi, is this still in stock?", "Yes, it is in stock and ships today."},
      {"pre_sale", "Do you have it in blue, size M?", "We do: blue in M is available."},
      {"in_sale", "When will my order ship?", "It ships tomorrow morning; you will get the tracking number."},
      {"after_sale", "The cup arrived broken.", "Sorry about that! We are sending a replacement today."},
      {"after_sale", "I want to return this, it does not fit.", "No problem, the return is approved; here is how."},
  };

  private final Pool pool;
  private final Clock clock;
  private final Random random = new Random(1111);
  /** Its own sequence, so the orders do not change the conversations drawn from {@link #random}. */
  private final Random orders = new Random(2222);

  public DemoHistory(Pool pool, Clock clock) {
    this.pool = pool;
    this.clock = clock;
  }

  /** Writes the week once (nothing when it exists or there are no demo agents); answers conversations written. */
  public Future<Integer> seedOnce() {
    return pool.query(ANY).execute().compose(any -> any.size() > 0 ? Future.succeededFuture(0)
        : pool.withTransaction(c -> c.query(SHOPS).execute().compose(shops -> c.query(AGENTS).execute().compose(agents -> {
          List<Long> ids = new ArrayList<>();
          List<String> names = new ArrayList<>();
          agents.forEach(r -> {
            ids.add(r.getLong(0));
            names.add(r.getString(1));
          });
          if (ids.isEmpty()) {
            return Future.succeededFuture(0);
          }
          Future<Integer> written = Future.succeededFuture(0);
          for (var shop : shops) {
            String account = shop.getString(0);
            ZoneId zone = ZoneId.of(shop.getString(1));
            LocalDate today = clock.instant().atZone(zone).toLocalDate();
            for (int d = DAYS; d >= 1; d--) {
              LocalDate day = today.minusDays(d);
              int count = 12 + random.nextInt(14);
              for (int n = 0; n < count; n++) {
                int agent = random.nextInt(ids.size());
                Instant first = day.atTime(LocalTime.of(8, 0)).plusSeconds(random.nextInt(15 * 3600)).atZone(zone).toInstant();
                String key = account + "-" + day + "-" + n;
                written = written.compose(w -> conversation(c, account, key, first, ids.get(agent), names.get(agent))
                    .map(w + 1));
              }
            }
          }
          return written;
        }))));
  }

  private Future<Void> conversation(SqlConnection c, String account, String key, Instant first, long agent, String agentName) {
    String[] chat = CHATS[random.nextInt(CHATS.length)];
    Instant reply = first.plusSeconds(waitSeconds());
    boolean asksAgain = random.nextInt(10) < 3;
    Instant again = reply.plusSeconds(60 + random.nextInt(600));
    Instant secondReply = again.plusSeconds(waitSeconds());
    Instant last = asksAgain ? secondReply : reply;
    OffsetDateTime now = utc(clock.instant());
    return c.preparedQuery(BUYER).execute(Tuple.of(account, PREFIX + key, "Buyer " + Math.floorMod(key.hashCode(), 1000)))
        .compose(b -> c.preparedQuery(CONVERSATION).execute(Tuple.from(new Object[] {account, PREFIX + key,
            b.iterator().next().getLong(0), chat[0], agent, chat[2], utc(last), utc(first)})))
        .compose(conv -> {
          long id = conv.iterator().next().getLong(0);
          List<Tuple> messages = new ArrayList<>();
          messages.add(message(id, account, key + "-1", "in", chat[1], null, "Buyer", first, now));
          messages.add(message(id, account, key + "-2", "out", chat[2], agent, agentName, reply, now));
          if (asksAgain) {
            messages.add(message(id, account, key + "-3", "in", "Thanks! And how long does it take?", null, "Buyer", again, now));
            messages.add(message(id, account, key + "-4", "out", "About 3 days to you.", agent, agentName, secondReply, now));
          }
          // about a third of the pre-sale buyers order within a day of the answer
          boolean ordered = "pre_sale".equals(chat[0]) && orders.nextInt(100) < 35;
          Instant placed = reply.plusSeconds(600 + orders.nextInt(86_400));
          return c.preparedQuery(MESSAGE).executeBatch(messages)
              .compose(x -> c.preparedQuery(CLOSED).execute(Tuple.of(id, agent, utc(last.plusSeconds(120)))))
              .compose(x -> ordered && placed.isBefore(clock.instant())
                  ? c.preparedQuery(ORDER).execute(Tuple.of(account, PREFIX + "order-" + key, PREFIX + key, utc(placed), now))
                      .<Void>mapEmpty()
                  : Future.<Void>succeededFuture());
        });
  }

  /** Most answers within a minute, some within five, a few later (so the rates are not all 100 %). */
  private long waitSeconds() {
    int p = random.nextInt(100);
    return p < 70 ? 8 + random.nextInt(50) : p < 90 ? 60 + random.nextInt(240) : 300 + random.nextInt(900);
  }

  private static Tuple message(long conversation, String account, String platformId, String direction, String body,
                               Long author, String authorName, Instant at, OffsetDateTime createdAt) {
    return Tuple.from(new Object[] {conversation, account, PREFIX + platformId, direction, body, author, authorName,
        "in".equals(direction) ? "received" : "sent", utc(at), createdAt});
  }

  private static OffsetDateTime utc(Instant t) {
    return t.atOffset(ZoneOffset.UTC);
  }
}
