package dev.unibox.outbox;

import dev.unibox.auth.CurrentUser;
import dev.unibox.conversations.ConversationLocks;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.time.Instant;

/**
 * Inspects an agent's reply inside its transaction, before it is stored (the compliance check of
 * {@code dev.unibox.quality}): a reply the guard refuses is never stored, so it never reaches the outbox
 * or the platform, whichever client sent it.
 */
public interface ReplyGuard {

  /**
   * @param options the request's extra fields (e.g. {@code override: {reason}}), or null
   * @return what to record once the reply is stored; a failed future (an ApiException) refuses it
   */
  Future<Recorder> inspect(SqlConnection conn, CurrentUser user, ConversationLocks.Locked conversation, String text,
                           JsonObject options);

  /** Records the inspection of a reply that was stored, in the same transaction. */
  interface Recorder {
    Future<Void> stored(SqlConnection conn, long messageId, Instant now);

    Recorder NOTHING = (conn, messageId, now) -> Future.succeededFuture();
  }

  /** Lets everything through (tests of other features, tools that have no quality rules). */
  ReplyGuard NONE = (conn, user, conversation, text, options) -> Future.succeededFuture(Recorder.NOTHING);
}
