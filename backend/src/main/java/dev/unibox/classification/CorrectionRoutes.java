package dev.unibox.classification;

import dev.unibox.auth.AuthRoutes;
import dev.unibox.auth.CurrentUser;
import dev.unibox.conversations.Activities;
import dev.unibox.conversations.ConversationNews;
import dev.unibox.conversations.ConversationStore;
import dev.unibox.domain.Category;
import dev.unibox.domain.Priority;
import dev.unibox.domain.SlaPolicy;
import dev.unibox.events.EventNames;
import dev.unibox.events.UnitOfWork;
import dev.unibox.signals.Kicks;
import dev.unibox.web.ApiException;
import dev.unibox.web.Responses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * An agent's one click on a conversation's urgency or category: stored with who and when (it becomes
 * training data), and the conversation is re-ranked at once (priority, SLA clock, routing kick).
 */
final class CorrectionRoutes {

  private final UnitOfWork work;
  private final SlaPolicy sla;

  CorrectionRoutes(Vertx vertx, Pool pool, Clock clock, SlaPolicy sla) {
    this.work = new UnitOfWork(vertx, pool, clock);
    this.sla = sla;
  }

  void mount(Router router) {
    router.get("/api/conversations/:id/classification").handler(this::state);
    router.post("/api/conversations/:id/classification").handler(this::correct);
  }

  private void state(RoutingContext ctx) {
    long id = Responses.pathId(ctx, "id");
    Responses.reply(ctx, 200, "classification", visible(AuthRoutes.user(ctx), id)
        .compose(v -> ClassificationStore.state(work.pool(), id)));
  }

  private void correct(RoutingContext ctx) {
    long id = Responses.pathId(ctx, "id");
    CurrentUser user = AuthRoutes.user(ctx);
    JsonObject body = Responses.body(ctx);
    Object rawUrgent = body.getValue("urgent");
    Object rawCategory = body.getValue("category");
    if (rawUrgent != null && !(rawUrgent instanceof Boolean)) {
      throw ApiException.badRequest("bad_urgent", "urgent must be true or false");
    }
    if (rawCategory != null && !(rawCategory instanceof String s && Category.ofWire(s).wire().equals(s))) {
      throw ApiException.badRequest("bad_category", "category must be one of pre_sale, in_sale, after_sale");
    }
    if (rawUrgent == null && rawCategory == null) {
      throw ApiException.badRequest("nothing_to_correct", "give urgent and/or category");
    }
    visible(user, id).compose(v -> work.run(change -> ClassificationStore.lockConversation(change.conn(), id)
        .compose(row -> {
          SqlConnection conn = change.conn();
          Instant now = change.now();
          if ("closed".equals(row.getString("status"))) {
            return Future.failedFuture(new ApiException(409, "conversation_closed", "This conversation is solved"));
          }
          int oldPriority = row.getShort("priority");
          boolean urgent = rawUrgent == null ? oldPriority >= 1 : (Boolean) rawUrgent;
          Category category = rawCategory == null ? Category.ofWire(row.getString("category"))
              : Category.ofWire((String) rawCategory);
          int priority = urgent ? Math.max(oldPriority, Priority.URGENT.level()) : Priority.NORMAL.level();
          Sla clockState = slaFor(row, Priority.ofLevel(priority), now);
          String text = row.getString("buyer_text") == null ? "" : row.getString("buyer_text");
          String note = (urgent ? "Marked urgent" : "Marked not urgent") + ", " + category.wire().replace('_', '-')
              + ", by " + user.displayName();
          return ClassificationStore.insertCorrection(conn, row, text, urgent, category, user.id(), now)
              .compose(v2 -> ClassificationStore.correct(conn, id, priority, category, clockState.due, clockState.warn,
                  clockState.state, now))
              .compose(v2 -> Activities.record(conn, id, Activities.PRIORITY_SET, user.id(), null, note, now))
              .compose(v2 -> ConversationNews.announce(change, id, EventNames.CONVERSATION_UPDATED, new JsonObject()))
              .compose(v2 -> {
                change.afterCommit(Kicks::routing);
                return ClassificationStore.state(conn, id);
              });
        })))
        .onSuccess(state -> {
          Responses.json(ctx, 200, new JsonObject().put("classification", state));
        })
        .onFailure(ctx::fail);
  }

  private record Sla(Instant due, Instant warn, String state) {}

  /** The SLA clock for the corrected priority, measured from when the buyer started waiting. */
  private Sla slaFor(Row row, Priority priority, Instant now) {
    OffsetDateTime waiting = row.getOffsetDateTime("waiting_since");
    if (waiting == null) {
      return new Sla(null, null, "none");
    }
    Instant due = sla.dueAt(row.getString("platform"), row.getString("account_id"), priority, waiting.toInstant());
    Instant warn = sla.warnAt(waiting.toInstant(), due);
    String state = "breached".equals(row.getString("sla_state")) && !due.isAfter(now) ? "breached"
        : !warn.isAfter(now) ? "warned" : "running";
    return new Sla(due, warn, state);
  }

  private Future<Void> visible(CurrentUser user, long id) {
    return ConversationStore.summary(work.pool(), id).compose(summary -> {
      if (summary == null) {
        return Future.failedFuture(ApiException.notFound("Conversation"));
      }
      if (!ConversationStore.mayView(user, summary)) {
        return Future.failedFuture(ApiException.forbidden("This conversation is not yours to see"));
      }
      return Future.succeededFuture();
    });
  }
}
