package dev.unibox.testing;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Open conversations with a history, written straight into the store (a shift's worth of work in one
 * statement per table, instead of thousands of webhook calls). Conversation g (1..n) belongs to shop MY
 * when g is even and TW when odd, is urgent when g % 4 == 0, is owned by agents[g % agents.size()], and
 * holds three messages: the buyer's question with order {@link #orderOf(int)}, the agent's promise and
 * an unanswered follow-up.
 */
public final class ShiftFixtures {

  private ShiftFixtures() {}

  public static String orderOf(int g) {
    return "261111K" + String.format("%07d", g);
  }

  public static Future<Void> openConversations(Pool pool, int n, List<Long> agents, Instant at) {
    Long[] ids = agents.toArray(Long[]::new);
    var t = at.atOffset(ZoneOffset.UTC);
    return pool.withTransaction(c -> c.preparedQuery("""
            INSERT INTO buyers (account_id, platform_buyer_id, name)
            SELECT CASE WHEN g % 2 = 0 THEN 'shopee-my-01' ELSE 'shopee-tw-01' END, 'seed-' || g, 'Buyer ' || g
            FROM generate_series(1, $1) g""").execute(Tuple.of(n))
        .compose(v -> c.preparedQuery("""
            INSERT INTO conversations (account_id, platform_conversation_id, buyer_id, status, priority, category,
                                       assignee_id, last_assignee_id, waiting_since, last_message_text,
                                       last_message_at, last_message_direction, created_at, updated_at)
            SELECT b.account_id, 'seed-conv-' || g, b.id, 'assigned', CASE WHEN g % 4 = 0 THEN 1 ELSE 0 END,
                   'after_sale', ($2::bigint[])[1 + g % cardinality($2::bigint[])],
                   ($2::bigint[])[1 + g % cardinality($2::bigint[])], $3::timestamptz - interval '1 minute',
                   'Please hurry, I need it before Friday', $3::timestamptz - interval '1 minute', 'in', $3::timestamptz - interval '2 hours', $3
            FROM generate_series(1, $1) g JOIN buyers b ON b.platform_buyer_id = 'seed-' || g""")
            .execute(Tuple.tuple().addInteger(n).addArrayOfLong(ids).addOffsetDateTime(t)))
        .compose(v -> c.preparedQuery("""
            INSERT INTO messages (conversation_id, account_id, platform_message_id, direction, body, author_user_id,
                                  author_name, status, at, created_at)
            SELECT c.id, c.account_id, CASE WHEN m.dir = 'in' THEN c.platform_conversation_id || '-m' || m.k END,
                   m.dir, m.body || CASE WHEN m.k = 1 THEN ' ' || $2 || lpad(substr(c.platform_conversation_id, 11), 7, '0')
                                         ELSE '' END,
                   CASE WHEN m.dir = 'out' THEN c.assignee_id END, CASE WHEN m.dir = 'out' THEN 'Agent' ELSE 'Buyer' END,
                   CASE WHEN m.dir = 'out' THEN 'sent' ELSE 'received' END, $1::timestamptz - (4 - m.k) * interval '20 minutes',
                   $1::timestamptz - (4 - m.k) * interval '20 minutes'
            FROM conversations c,
                 (VALUES (1, 'in', 'Hi, my parcel has not arrived and I want a refund. Order'),
                         (2, 'out', 'Sorry! I will follow up with the courier today and get back to you.'),
                         (3, 'in', 'Please hurry, I need it before Friday')) AS m(k, dir, body)
            WHERE c.platform_conversation_id LIKE 'seed-conv-%'""").execute(Tuple.of(t, "261111K")))
        .compose(v -> c.preparedQuery("""
            INSERT INTO activities (conversation_id, type, target_user_id, body, at)
            SELECT id, 'assigned', assignee_id, 'Assigned (seeded)', $1::timestamptz - interval '2 hours'
            FROM conversations WHERE platform_conversation_id LIKE 'seed-conv-%'""").execute(Tuple.of(t)))
        .compose(v -> c.query("""
            UPDATE users u SET active_count = (SELECT count(*) FROM conversations c
                                               WHERE c.assignee_id = u.id AND c.status = 'assigned')""").execute())
        .mapEmpty());
  }
}
