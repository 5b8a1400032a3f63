package dev.unibox.reports;

import dev.unibox.testing.Await;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Writes the rows ingest, replies, routing and quality commit (shops, agents, conversations, messages,
 * activities, ratings) straight into a real database, with shop-local times, so report tests control every
 * timestamp. created_at / activity times come from the clock, as they do in the service.
 */
final class ReportRows {

  private final Pool pool;
  private final Clock clock;

  ReportRows(Pool pool, Clock clock) {
    this.pool = pool;
    this.clock = clock;
  }

  void shop(String id, String platform, String zone) throws Exception {
    exec("INSERT INTO accounts (id, platform, shop_id, shop_name, region, time_zone) VALUES ($1, $2, $1, $3, 'XX', $4)",
        id, platform, "Shop " + id, zone);
  }

  long agent(String username) throws Exception {
    return Await.result(pool.preparedQuery("INSERT INTO users (username, display_name, role, password_hash) "
        + "VALUES ($1, $1, 'agent', 'x') RETURNING id").execute(Tuple.of(username))).iterator().next().getLong(0);
  }

  /** A conversation with its own buyer; status closed (or spam). */
  long conversation(String account, String platformId, String status) throws Exception {
    return conversation(account, platformId, status, "b-" + platformId);
  }

  /** A conversation of this buyer (several conversations may share one). */
  long conversation(String account, String platformId, String status, String platformBuyerId) throws Exception {
    long buyer = Await.result(pool.preparedQuery("INSERT INTO buyers (account_id, platform_buyer_id, name) VALUES ($1, $2, $2) "
            + "ON CONFLICT (account_id, platform_buyer_id) DO UPDATE SET name = EXCLUDED.name RETURNING id")
        .execute(Tuple.of(account, platformBuyerId))).iterator().next().getLong(0);
    OffsetDateTime now = now();
    return Await.result(pool.preparedQuery("INSERT INTO conversations (account_id, platform_conversation_id, buyer_id, status, "
        + "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5) RETURNING id")
        .execute(Tuple.of(account, platformId, buyer, status, now))).iterator().next().getLong(0);
  }

  /** A closed conversation with its own buyer, who wrote at {@code asked}; the agent replied at {@code answered}. */
  long answered(String account, String platformId, long agent, OffsetDateTime asked, OffsetDateTime answered)
      throws Exception {
    long id = conversation(account, platformId, "closed");
    in(id, account, asked);
    reply(id, account, agent, answered);
    return id;
  }

  /**
   * Shop "pdd" (Pinduoduo, Shanghai) with agent mei, and on 23 November one chat she answered within 30 s and
   * one nobody answered, both closed. Returns mei's id.
   */
  long answeredAndUnansweredDay(String zone) throws Exception {
    shop("pdd", "pinduoduo", zone);
    long mei = agent("mei");
    answered("pdd", "c1", mei, local(zone, "2026-11-23T10:00:00"), local(zone, "2026-11-23T10:00:30"));
    long unanswered = conversation("pdd", "c2", "closed");
    in(unanswered, "pdd", local(zone, "2026-11-23T11:00:00"));
    return mei;
  }

  /** The late answer that corrects the 23rd of {@link #answeredAndUnansweredDay}: mei replies to c2 on the 24th. */
  void lateAnswerToTheUnanswered(String zone, long mei) throws Exception {
    long c2 = Await.result(pool.query("SELECT id FROM conversations WHERE platform_conversation_id = 'c2'").execute())
        .iterator().next().getLong(0);
    reply(c2, "pdd", mei, local(zone, "2026-11-24T16:00:00"));
  }

  void in(long conversation, String account, OffsetDateTime at) throws Exception {
    message(conversation, account, "in", "text", null, at);
  }

  void reply(long conversation, String account, long agent, OffsetDateTime at) throws Exception {
    message(conversation, account, "out", "text", agent, at);
  }

  void autoReply(long conversation, String account, OffsetDateTime at) throws Exception {
    message(conversation, account, "out", "autoreply", null, at);
  }

  private void message(long conversation, String account, String direction, String type, Long author, OffsetDateTime at)
      throws Exception {
    exec("INSERT INTO messages (conversation_id, account_id, direction, message_type, body, author_user_id, author_name, "
            + "status, at, created_at) VALUES ($1, $2, $3, $4, 'text', $5, 'x', $6, $7, $8)",
        conversation, account, direction, type, author, "in".equals(direction) ? "received" : "sent", at, now());
  }

  void activity(long conversation, String type, Long actor, Long target, OffsetDateTime at) throws Exception {
    exec("INSERT INTO activities (conversation_id, type, actor_user_id, target_user_id, body, at) VALUES ($1, $2, $3, $4, '', $5)",
        conversation, type, actor, target, at);
  }

  void rating(long conversation, String account, long agent, String rating, String reason, OffsetDateTime at) throws Exception {
    exec("INSERT INTO satisfaction_ratings (conversation_id, account_id, agent_id, rating, reason, source, rated_at) "
        + "VALUES ($1, $2, $3, $4, $5, 'platform', $6)", conversation, account, agent, rating, reason, at);
  }

  /** A buyer of the shop who has not written (yet). */
  void shopBuyer(String account, String platformBuyerId) throws Exception {
    exec("INSERT INTO buyers (account_id, platform_buyer_id, name) VALUES ($1, $2, $2)", account, platformBuyerId);
  }

  /** The classifier's category of the conversation: pre_sale (the default), in_sale or after_sale. */
  void category(long conversation, String category) throws Exception {
    exec("UPDATE conversations SET category = $2 WHERE id = $1", conversation, category);
  }

  /** An order event (its status reached when placed) of a buyer ("b-" + a conversation's platform id), received now. */
  void order(String account, String buyer, String orderId, String status, OffsetDateTime placedAt) throws Exception {
    Await.result(new dev.unibox.ingest.OrderEventStore(pool, clock).store(java.util.List.of(
        new dev.unibox.adapters.spi.OrderEvent(account, orderId, buyer, status, placedAt.toInstant(),
            placedAt.toInstant()))));
  }

  /** A presence interval of the user (open while {@code to} is null). */
  void presence(long user, String from, String to, String presence, int chats, int capacity) throws Exception {
    exec("INSERT INTO presence_intervals (user_id, started_at, ended_at, presence, chats, capacity) "
        + "VALUES ($1, $2, $3, $4, $5, $6)", user, OffsetDateTime.parse(from),
        to == null ? null : OffsetDateTime.parse(to), presence, chats, capacity);
  }

  static OffsetDateTime local(String zone, String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(ZoneId.of(zone)).toOffsetDateTime();
  }

  private OffsetDateTime now() {
    return clock.instant().atOffset(ZoneOffset.UTC);
  }

  void exec(String sql, Object... params) throws Exception {
    Await.result(pool.preparedQuery(sql).execute(Tuple.from(params)));
  }
}
