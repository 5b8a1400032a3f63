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

/** GET list, GET one with its timeline, POST close. */
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
        .compose(summary -> visible(user, summary))
        .compose(summary -> ConversationStore.timeline(pool, id)
            .map(timeline -> new JsonObject().put("conversation", summary).put("timeline", timeline)))
        .onSuccess(body -> Responses.json(ctx, 200, body))
        .onFailure(ctx::fail);
  }

  private void close(RoutingContext ctx) {
    close.close(AuthRoutes.user(ctx), Responses.pathId(ctx, "id"))
        .onSuccess(summary -> Responses.json(ctx, 200, new JsonObject().put("conversation", summary)))
        .onFailure(ctx::fail);
  }

  static Future<JsonObject> visible(CurrentUser user, JsonObject summary) {
    if (summary == null) {
      return Future.failedFuture(ApiException.notFound("Conversation"));
    }
    if (!ConversationStore.mayView(user, summary)) {
      return Future.failedFuture(ApiException.forbidden("This conversation is not yours to see"));
    }
    return Future.succeededFuture(summary);
  }
}
