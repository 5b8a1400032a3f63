package dev.unibox.shifts;

import dev.unibox.auth.CurrentUser;
import dev.unibox.conversations.Activities;
import dev.unibox.conversations.ConversationLocks;
import dev.unibox.events.EventLog;
import dev.unibox.events.EventNames;
import dev.unibox.events.PendingEvents;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Instant;

/**
 * Notes on a conversation by someone who may act on it: internal notes (shown to its staff as they are added)
 * and the handover note the outgoing agent leaves (prefilled from the conversation until saved).
 */
final class ConversationNotes {

  private final Vertx vertx;
  private final Pool pool;
  private final Clock clock;

  ConversationNotes(Vertx vertx, Pool pool, Clock clock) {
    this.vertx = vertx;
    this.pool = pool;
    this.clock = clock;
  }

  /** The timeline entry of the new note. */
  Future<JsonObject> add(CurrentUser user, long conversationId, String text) {
    Instant now = clock.instant();
    PendingEvents events = new PendingEvents();
    return pool.withTransaction(conn -> ConversationLocks.lockForActor(conn, conversationId, user).compose(locked ->
            NoteStore.insert(conn, conversationId, user.id(), text, now).compose(noteId -> {
              JsonObject entry = new JsonObject().put("kind", "activity").put("id", noteId)
                  .put("type", Activities.NOTE).put("text", text).put("at", now.toString())
                  .put("author", user.displayName());
              return EventLog.conversationRecipients(conn, locked.accountId(), locked.assigneeId())
                  .compose(to -> events.append(conn, to, EventNames.NOTE_CREATED,
                      new JsonObject().put("conversationId", conversationId).put("entry", entry), now))
                  .map(entry);
            })))
        .onSuccess(entry -> events.publish(vertx));
  }

  /** The saved handover note ({@code saved: true}) or a draft built from the conversation. */
  Future<JsonObject> handoverNote(CurrentUser user, long conversationId) {
    return pool.withTransaction(conn -> ConversationLocks.lockForActor(conn, conversationId, user)
        .compose(locked -> HandoverNotes.saved(conn, conversationId))
        .compose(saved -> saved != null
            ? Future.succeededFuture(new JsonObject().put("text", saved).put("saved", true))
            : HandoverNotes.prefilled(conn, conversationId, clock.instant())
                .map(p -> new JsonObject().put("text", p).put("saved", false))));
  }

  Future<Void> saveHandoverNote(CurrentUser user, long conversationId, String text) {
    return pool.withTransaction(conn -> ConversationLocks.lockForActor(conn, conversationId, user)
        .compose(locked -> HandoverNotes.save(conn, conversationId, user.id(), text, clock.instant())));
  }
}
