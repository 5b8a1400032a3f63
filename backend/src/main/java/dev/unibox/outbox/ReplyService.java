package dev.unibox.outbox;

import dev.unibox.accounts.AccountRegistry;
import dev.unibox.adapters.spi.PlatformAdapter;
import dev.unibox.auth.CurrentUser;
import dev.unibox.conversations.ConversationJson;
import dev.unibox.conversations.ConversationLocks;
import dev.unibox.conversations.ConversationNews;
import dev.unibox.events.EventNames;
import dev.unibox.events.UnitOfWork;
import dev.unibox.signals.Kicks;
import dev.unibox.web.ApiException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.time.Instant;

/** An agent's reply: stored with its outbox row in one transaction; delivery is the sender's job. */
public final class ReplyService {

  private final UnitOfWork work;
  private final AccountRegistry accounts;
  private final ReplyGuard guard;

  public ReplyService(Vertx vertx, Pool pool, AccountRegistry accounts, Clock clock, ReplyGuard guard) {
    this.work = new UnitOfWork(vertx, pool, clock);
    this.accounts = accounts;
    this.guard = guard;
  }

  /** @return the stored message (status pending) as a timeline entry */
  public Future<JsonObject> reply(CurrentUser user, long conversationId, String rawText) {
    return reply(user, conversationId, "text", rawText, null);
  }

  /**
   * A reply of a neutral type: {@code text}; {@code image} (an image URL), {@code item} (the platform's product id)
   * or {@code order} (its order id) — only where the account's capabilities allow it. Text replies pass the
   * {@link ReplyGuard} (compliance check) first.
   *
   * @param options extra request fields for the {@link ReplyGuard} (override reason), or null
   */
  public Future<JsonObject> reply(CurrentUser user, long conversationId, String type, String rawText,
                                  JsonObject options) {
    String kind = type == null ? "text" : type;
    if (!java.util.Set.of("text", "image", "item", "order").contains(kind)) {
      return Future.failedFuture(ApiException.badRequest("bad_type", "type must be text, image, item or order"));
    }
    String text = rawText == null ? "" : rawText.strip();
    if (text.isEmpty()) {
      return Future.failedFuture(ApiException.badRequest("empty_text", "The reply is empty"));
    }
    return work.run(change -> ConversationLocks.lockForActor(change.conn(), conversationId, user).compose(locked -> {
      if ("closed".equals(locked.status())) {
        return Future.failedFuture(new ApiException(409, "conversation_closed",
            "This conversation is solved; the buyer has to write again to reopen it"));
      }
      PlatformAdapter adapter = accounts.byAccount(locked.accountId()).orElse(null);
      if (adapter == null) {
        return Future.failedFuture(new ApiException(409, "account_unavailable",
            "The shop account " + locked.accountId() + " is not running"));
      }
      if (!adapter.capabilities().supports(kind)) {
        return Future.failedFuture(ApiException.badRequest("unsupported_type",
            "This shop's platform cannot send a message of type " + kind));
      }
      int max = adapter.capabilities().maxTextLength();
      if (text.codePointCount(0, text.length()) > max) {
        return Future.failedFuture(ApiException.badRequest("text_too_long",
            "The reply has " + text.codePointCount(0, text.length()) + " characters; this platform allows " + max));
      }
      SqlConnection conn = change.conn();
      Instant now = change.now();
      change.afterCommit(Kicks::outbox);
      // every outgoing text is checked: an image URL, a product or order id reaches the buyer too
      return guard.inspect(conn, user, locked, text, options)
          .compose(recorder -> OutboxStore.insertReply(conn, conversationId, locked.accountId(), kind, text, user.id(),
                  user.displayName(), now)
              .compose(messageId -> recorder.stored(conn, messageId, now).map(messageId)))
          .compose(messageId -> {
            JsonObject message = ConversationJson.message(messageId, "out", text, "pending", user.displayName(),
                null, now);
            return ConversationNews.announce(change, conversationId, locked.accountId(), locked.assigneeId(),
                EventNames.MESSAGE_CREATED, new JsonObject().put("conversationId", conversationId).put("message", message))
                .map(message);
          });
    }));
  }
}
