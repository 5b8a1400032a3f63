package dev.unibox.testing;

import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;

/**
 * Past days written straight into the store (the ingest stamps a conversation with the clock's now; weeks of it would
 * be thousands of webhook calls): {@code perDay} closed conversations a day in one hour of the day, minute 1, 2, …
 * of that hour in Kuala Lumpur, in one language, optionally urgent, optionally with a whole stay (assigned a minute
 * after it came, answered 20 s later, closed 600 s after the assignment).
 */
public final class PlanHistory {

  private static final String CONVERSATIONS = """
      WITH slots AS (
        SELECT d, k FROM generate_series(0, $4 - 1) d, generate_series(1, $6) k
      ), b AS (
        INSERT INTO buyers (account_id, platform_buyer_id, name)
        SELECT $1, $2 || '-' || d || '-' || k, 'Buyer ' || k FROM slots RETURNING id, platform_buyer_id
      )
      INSERT INTO conversations (account_id, platform_conversation_id, buyer_id, status, priority, language,
                                 created_at, updated_at)
      SELECT $1, b.platform_buyer_id, b.id, 'closed', $8, $7,
             (($3::date + s.d) + make_time($5, s.k, 0)) AT TIME ZONE 'Asia/Kuala_Lumpur',
             (($3::date + s.d) + make_time($5, s.k, 0)) AT TIME ZONE 'Asia/Kuala_Lumpur'
      FROM slots s JOIN b ON b.platform_buyer_id = $2 || '-' || s.d || '-' || s.k""";

  private static final String STAY_ACTIVITIES = """
      INSERT INTO activities (conversation_id, type, body, at)
      SELECT c.id, t.type, 'seeded', c.created_at + t.after
      FROM conversations c, (VALUES ('assigned', interval '60 seconds'), ('closed', interval '660 seconds')) t(type, after)
      WHERE c.platform_conversation_id LIKE $1 || '-%'""";

  private static final String STAY_REPLIES = """
      INSERT INTO messages (conversation_id, account_id, direction, body, author_name, status, at, created_at)
      SELECT id, account_id, 'out', 'Hello, how can I help?', 'Agent', 'sent', created_at + interval '80 seconds',
             created_at + interval '80 seconds'
      FROM conversations WHERE platform_conversation_id LIKE $1 || '-%'""";

  private PlanHistory() {}

  public static void seed(Pool pool, String account, String tag, LocalDate firstDay, int days, int hour, int perDay,
                   String language, boolean urgent, boolean stays) throws Exception {
    Await.result(pool.withTransaction(c -> c.preparedQuery(CONVERSATIONS).execute(Tuple.from(new Object[] {account, tag,
            firstDay, days, hour, perDay, language, (short) (urgent ? 1 : 0)}))
        .compose(v -> stays ? c.preparedQuery(STAY_ACTIVITIES).execute(Tuple.of(tag))
            .compose(x -> c.preparedQuery(STAY_REPLIES).execute(Tuple.of(tag))).mapEmpty()
            : io.vertx.core.Future.succeededFuture())));
  }
}
