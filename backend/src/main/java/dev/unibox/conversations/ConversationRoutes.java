package dev.unibox.conversations;

import dev.unibox.auth.AuthRoutes;
import dev.unibox.auth.CurrentUser;
import dev.unibox.web.ApiException;
import dev.unibox.web.Responses;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.time.Clock;

/**
 * GET list (each with the viewer's unread count), GET one with its timeline (read-only when the user may
 * read but not act; what it shows is read by the viewer, and a successful open is told to the
 * {@link ConversationOpened} listener), POST read (a message that arrived while open), POST close.
 */
public record ConversationRoutes(Pool pool, Clock clock, CloseConversation close, ConversationOpened opened) {

  public void mount(Router router) {
    router.get("/api/conversations").handler(this::list);
    router.get("/api/conversations/:id").handler(this::one);
    router.post("/api/conversations/:id/read").handler(this::read);
    router.post("/api/conversations/:id/close").handler(this::close);
  }

  private void list(RoutingContext ctx) {
    CurrentUser user = AuthRoutes.user(ctx);
    Responses.reply(ctx, 200, "conversations", ConversationStore.visibleTo(pool, user)
        .compose(list -> ReadPositionStore.unread(pool, user.id(), list.stream().map(c -> c.getLong("id")).toList())
            .map(unread -> {
              list.forEach(c -> c.put("unread", unread.getOrDefault(c.getLong("id"), 0)));
              return new JsonArray(list);
            })));
  }

  /** Body {@code {"upTo": messageId}} or none (up to the newest message); answers what is still unread. */
  private void read(RoutingContext ctx) {
    long id = Responses.pathId(ctx, "id");
    CurrentUser user = AuthRoutes.user(ctx);
    Long upTo = upTo(ctx);
    Responses.reply(ctx, 200, ConversationStore.summary(pool, id)
        .compose(summary -> readable(user, summary))
        .compose(summary -> ReadPositionStore.read(pool, user.id(), id, upTo, clock.instant()))
        .map(unread -> new JsonObject().put("conversationId", id).put("unread", unread)));
  }

  private static Long upTo(RoutingContext ctx) {
    if (ctx.body() == null || ctx.body().length() == 0) {
      return null;
    }
    Object upTo = Responses.body(ctx).getValue("upTo");
    if (upTo == null) {
      return null;
    }
    if (!(upTo instanceof Number n) || n.doubleValue() != n.longValue() || n.longValue() <= 0) {
      throw ApiException.badRequest("bad_read_position", "upTo must be the id of a message (a positive whole number)");
    }
    return n.longValue();
  }

  private void one(RoutingContext ctx) {
    long id = Responses.pathId(ctx, "id");
    CurrentUser user = AuthRoutes.user(ctx);
    ConversationStore.summary(pool, id)
        .compose(summary -> readable(user, summary))
        .compose(summary -> ConversationStore.timeline(pool, id)
            .compose(timeline -> readUpTo(user, id, timeline))
            .map(timeline -> new JsonObject().put("conversation", summary).put("timeline", timeline)
                .put("access", ConversationStore.mayView(user, summary) ? "act" : "read")))
        .onSuccess(body -> {
          Responses.json(ctx, 200, body);
          opened.opened(id, user);
        })
        .onFailure(ctx::fail);
  }

  /** What is shown is read: the viewer's position moves to the newest message of the timeline answered. */
  private Future<JsonArray> readUpTo(CurrentUser user, long id, JsonArray timeline) {
    Long newest = null;
    for (int i = 0; i < timeline.size(); i++) {
      JsonObject entry = timeline.getJsonObject(i);
      if ("message".equals(entry.getString("kind"))) {
        newest = newest == null ? entry.getLong("id") : Math.max(newest, entry.getLong("id"));
      }
    }
    return newest == null ? Future.succeededFuture(timeline)
        : ReadPositionStore.read(pool, user.id(), id, newest, clock.instant()).map(timeline);
  }

  private void close(RoutingContext ctx) {
    Responses.reply(ctx, 200, "conversation", close.close(AuthRoutes.user(ctx), Responses.pathId(ctx, "id")));
  }

  /** The summary when this user may read the conversation; 404 or 403 otherwise. */
  static Future<JsonObject> readable(CurrentUser user, JsonObject summary) {
    if (summary == null) {
      return Future.failedFuture(ApiException.notFound("Conversation"));
    }
    if (!ReadScope.mayRead(user, summary)) {
      return Future.failedFuture(ApiException.forbidden("This conversation is not yours to see"));
    }
    return Future.succeededFuture(summary);
  }
}
