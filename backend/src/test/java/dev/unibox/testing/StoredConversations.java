package dev.unibox.testing;

import io.vertx.sqlclient.Tuple;

/**
 * Conversations of shop MY written straight into the store, for tests of who may move, read or close them:
 * queued (for a team, or in the shared queue) or assigned to an agent. The buyer of conversation {@code key}
 * is "b-" + key.
 */
public final class StoredConversations {

  private final TestInbox inbox;

  public StoredConversations(TestInbox inbox) {
    this.inbox = inbox;
  }

  /** Assigned to {@code agent}, and counted in the agent's active conversations. */
  public long assigned(long agent, String key) throws Exception {
    long id = write(key, "assigned", agent, null);
    Await.result(inbox.db.pool().preparedQuery("UPDATE users SET active_count = active_count + 1 WHERE id = $1")
        .execute(Tuple.of(agent)));
    return id;
  }

  /** Queued for {@code team}; null: in the shared queue. */
  public long queued(String key, String team) throws Exception {
    return write(key, "queued", null, team);
  }

  private long write(String key, String status, Long agent, String team) throws Exception {
    long buyer = inbox.count("INSERT INTO buyers (account_id, platform_buyer_id, name) VALUES ($1, $2, 'Buyer') "
        + "RETURNING id", TestInbox.ACCOUNT_MY, "b-" + key);
    return inbox.count("""
        INSERT INTO conversations (account_id, platform_conversation_id, buyer_id, status, assignee_id,
                                   last_assignee_id, queued_at, waiting_since, team, created_at, updated_at)
        VALUES ($1, $2, $3, $4, $5, $5, CASE WHEN $4 = 'queued' THEN now() END, now(), $6, now(), now())
        RETURNING id""", TestInbox.ACCOUNT_MY, key, buyer, status, agent, team);
  }
}
