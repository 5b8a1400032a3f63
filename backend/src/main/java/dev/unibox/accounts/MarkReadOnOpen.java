package dev.unibox.accounts;

import dev.unibox.auth.CurrentUser;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the conversation's assignee opens it — a successful
 * {@code GET /api/conversations/:id}, which calls {@link #opened} — tells the platform the shop has read it up
 * to the newest buyer message. Best effort: failures are counted in the account's health, never shown to the
 * agent.
 */
public final class MarkReadOnOpen {

  private static final Logger LOG = LoggerFactory.getLogger(MarkReadOnOpen.class);

  private static final String LATEST_IN = """
      SELECT c.account_id, c.platform_conversation_id, c.assignee_id,
             (SELECT m.platform_message_id FROM messages m
              WHERE m.conversation_id = c.id AND m.direction = 'in' AND m.platform_message_id IS NOT NULL
              ORDER BY m.at DESC, m.id DESC LIMIT 1) AS last_in
      FROM conversations c WHERE c.id = $1""";

  private final Pool pool;
  private final AccountRegistry registry;
  private final Map<Long, String> marked = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
      return size() > 10_000;
    }
  });

  public MarkReadOnOpen(Pool pool, AccountRegistry registry) {
    this.pool = pool;
    this.registry = registry;
  }

  /** Called by the conversation route after it has shown the conversation to {@code user}. */
  public void opened(long id, CurrentUser user) {
    markRead(id, user).onFailure(e -> LOG.debug("mark read of conversation {} failed: {}", id, e.getMessage()));
  }

  /** Marks the conversation read on its platform when the opener serves it. */
  public Future<Void> markRead(long conversationId, CurrentUser user) {
    return pool.preparedQuery(LATEST_IN).execute(Tuple.of(conversationId)).compose(rows -> {
      if (rows.size() == 0) {
        return Future.succeededFuture();
      }
      Row r = rows.iterator().next();
      String lastIn = r.getString("last_in");
      Long assignee = r.getLong("assignee_id");
      boolean serves = assignee != null && assignee == user.id(); // agents also read history they do not serve
      if (lastIn == null || !serves || lastIn.equals(marked.get(conversationId))
          || registry.isPaused(r.getString("account_id"))) {
        return Future.succeededFuture();
      }
      return registry.byAccount(r.getString("account_id"))
          .filter(a -> a.capabilities().markRead())
          .map(a -> a.markRead(r.getString("platform_conversation_id"), lastIn)
              .onSuccess(v -> marked.put(conversationId, lastIn)))
          .orElse(Future.succeededFuture());
    });
  }
}
