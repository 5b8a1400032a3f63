package dev.unibox.testing;

import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;

/** Writes buyers, conversations and their messages straight into the test database (reads are under test). */
public final class FindFixture {

  private final TestInbox inbox;
  private Instant at = Instant.parse("2026-11-20T08:00:00Z");

  public FindFixture(TestInbox inbox) {
    this.inbox = inbox;
  }

  /** A conversation with these buyer messages; status queued, assigned (to {@code assignee}) or closed. */
  public long conversation(String account, String buyerId, String buyerName, String status, Long assignee, String language,
                    int priority, String... texts) throws Exception {
    long buyer = inbox.count("""
        INSERT INTO buyers (account_id, platform_buyer_id, name) VALUES ($1, $2, $3)
        ON CONFLICT (account_id, platform_buyer_id) DO UPDATE SET name = excluded.name RETURNING id""",
        account, buyerId, buyerName);
    at = at.plusSeconds(60);
    var when = at.atOffset(ZoneOffset.UTC);
    long id = Await.result(inbox.db.pool().preparedQuery("""
        INSERT INTO conversations (account_id, platform_conversation_id, buyer_id, status, priority, language,
          assignee_id, last_assignee_id, queued_at, last_message_text, last_message_at, last_message_direction,
          created_at, updated_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'in', $11, $11) RETURNING id""")
        .execute(Tuple.tuple().addString(account).addString("c-" + buyerId + "-" + at.getEpochSecond())
            .addLong(buyer).addString(status).addShort((short) priority).addString(language)
            .addLong("assigned".equals(status) ? assignee : null).addLong(assignee)
            .addOffsetDateTime("queued".equals(status) ? when : null).addString(texts[texts.length - 1])
            .addOffsetDateTime(when))).iterator().next().getLong(0);
    for (String text : texts) {
      Await.result(inbox.db.pool().preparedQuery("""
          INSERT INTO messages (conversation_id, account_id, direction, body, author_name, status, at, created_at)
          VALUES ($1, $2, 'in', $3, $4, 'received', $5, $5)""")
          .execute(Tuple.of(id, account, text, buyerName, when)));
    }
    return id;
  }
}
