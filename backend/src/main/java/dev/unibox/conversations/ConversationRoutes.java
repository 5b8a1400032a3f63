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

/** GET list, GET one with its timeline (read-only when the user may read but not act), POST close. */
public final class ConversationRoutes {

  private final Pool pool;
  private final CloseConversation close;

  public ConversationRoutes(Pool pool, CloseConversation close) {
    this.pool = pool;
    this.close = close;
  }

  public void mount(Router router) {
    router.get("/api/conversations").handler(this::list);
    router.get("/api/conversations/:id").handler(this::one);
    router.post("/api/conversations/:id/close").handler(this::close);
  }

  private void list(RoutingContext ctx) {
    ConversationStore.visibleTo(pool, AuthRoutes.user(ctx))
        .onSuccess(list -> Responses.json(ctx, 200, new JsonObject().put("conversations", new JsonArray(list))))
        .onFailure(ctx::fail);
  }

  private void one(RoutingContext ctx) {
    long id = Responses.pathId(ctx, "id");
    CurrentUser user = AuthRoutes.user(ctx);
    ConversationStore.summary(pool, id)
        .compose(summary -> readable(user, summary))
        .compose(summary -> ConversationStore.timeline(pool, id)
            .map(timeline -> new JsonObject().put("conversation", summary).put("timeline", timeline)
                .put("access", ConversationStore.mayView(user, summary) ? "act" : "read")))
        .onSuccess(body -> Responses.json(ctx, 200, body))
        .onFailure(ctx::fail);
  }

  private void close(RoutingContext ctx) {
    close.close(AuthRoutes.user(ctx), Responses.pathId(ctx, "id"))
        .onSuccess(summary -> Responses.json(ctx, 200, new JsonObject().put("conversation", summary)))
        .onFailure(ctx::fail);
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
