package dev.unibox.shifts;

import dev.unibox.auth.CurrentUser;
import dev.unibox.conversations.Activities;
import dev.unibox.conversations.ConversationLocks;
import dev.unibox.events.EventNames;
import dev.unibox.events.UnitOfWork;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Clock;

/**
 * Notes on a conversation by someone who may act on it: internal notes (shown to its staff as they are added)
 * and the handover note the outgoing agent leaves (prefilled from the conversation until saved).
 */
final class ConversationNotes {

  private final UnitOfWork work;

  ConversationNotes(Vertx vertx, Pool pool, Clock clock) {
    this.work = new UnitOfWork(vertx, pool, clock);
  }

  /** The timeline entry of the new note. */
  Future<JsonObject> add(CurrentUser user, long conversationId, String text) {
    return work.run(change -> ConversationLocks.lockForActor(change.conn(), conversationId, user).compose(locked ->
        NoteStore.insert(change.conn(), conversationId, user.id(), text, change.now()).compose(noteId -> {
          JsonObject entry = new JsonObject().put("kind", "activity").put("id", noteId)
              .put("type", Activities.NOTE).put("text", text).put("at", change.now().toString())
              .put("author", user.displayName());
          return change.tellAbout(locked.accountId(), locked.assigneeId(), EventNames.NOTE_CREATED,
              new JsonObject().put("conversationId", conversationId).put("entry", entry)).map(entry);
        })));
  }

  /** The saved handover note ({@code saved: true}) or a draft built from the conversation. */
  Future<JsonObject> handoverNote(CurrentUser user, long conversationId) {
    return work.pool().withTransaction(conn -> ConversationLocks.lockForActor(conn, conversationId, user)
        .compose(locked -> HandoverNotes.saved(conn, conversationId))
        .compose(saved -> saved != null
            ? Future.succeededFuture(new JsonObject().put("text", saved).put("saved", true))
            : HandoverNotes.prefilled(conn, conversationId, work.clock().instant())
                .map(p -> new JsonObject().put("text", p).put("saved", false))));
  }

  Future<Void> saveHandoverNote(CurrentUser user, long conversationId, String text) {
    return work.pool().withTransaction(conn -> ConversationLocks.lockForActor(conn, conversationId, user)
        .compose(locked -> HandoverNotes.save(conn, conversationId, user.id(), text, work.clock().instant())));
  }
}
