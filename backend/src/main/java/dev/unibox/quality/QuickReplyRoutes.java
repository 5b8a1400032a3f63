package dev.unibox.quality;

import dev.unibox.auth.AuthRoutes;
import dev.unibox.auth.CurrentUser;
import dev.unibox.web.ApiException;
import dev.unibox.web.Responses;
import dev.unibox.web.QueryParams;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/** HTTP of quick replies: list, create, update, delete (supervisors), and the composer's list for a conversation. */
record QuickReplyRoutes(QuickReplies quickReplies) {

  void mount(Router router) {
    router.get("/api/quick-replies").handler(this::list);
    router.post("/api/quick-replies").handler(this::create);
    router.put("/api/quick-replies/:id").handler(this::update);
    router.delete("/api/quick-replies/:id").handler(this::delete);
    router.get("/api/conversations/:id/quick-replies").handler(this::forConversation);
  }

  private void list(RoutingContext ctx) {
    Responses.reply(ctx, 200, "quickReplies",
        quickReplies.visible(AuthRoutes.user(ctx), QueryParams.text(ctx, "accountId")));
  }

  private void create(RoutingContext ctx) {
    CurrentUser user = AuthRoutes.user(ctx);
    Access.overseer(user);
    Responses.reply(ctx, 201, "quickReply", quickReplies.create(user, Responses.body(ctx)));
  }

  private void update(RoutingContext ctx) {
    CurrentUser user = AuthRoutes.user(ctx);
    Access.overseer(user);
    long id = Responses.pathId(ctx, "id");
    Responses.reply(ctx, 200, "quickReply", quickReplies.update(user, id, Responses.body(ctx)));
  }

  private void delete(RoutingContext ctx) {
    CurrentUser user = AuthRoutes.user(ctx);
    Access.overseer(user);
    quickReplies.delete(user, Responses.pathId(ctx, "id"))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  /** ?q= a shortcut (with or without its /) or part of a title, at most 64 characters. */
  private void forConversation(RoutingContext ctx) {
    long id = Responses.pathId(ctx, "id");
    String q = QueryParams.text(ctx, "q");
    String query = q == null ? null : q.replaceFirst("^/", "").toLowerCase(Locale.ROOT);
    if (query != null && query.length() > 64) {
      throw ApiException.badRequest("bad_q", "q is at most 64 characters");
    }
    Responses.reply(ctx, 200, "quickReplies", quickReplies.forConversation(AuthRoutes.user(ctx), id, query));
  }
}
