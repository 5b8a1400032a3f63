package dev.unibox.conversations;

import dev.unibox.auth.AuthRoutes;
import dev.unibox.auth.CurrentUser;
import dev.unibox.web.Responses;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;

/** {@code GET /api/find} (tabs, filters, search, keyset pages) and a conversation's customer context. */
public record FindRoutes(Pool pool, BuyerOrders orders) {

  public void mount(Router router) {
    router.get("/api/find").handler(this::find);
    router.get("/api/conversations/:id/context").handler(this::context);
  }

  private void find(RoutingContext ctx) {
    FindQuery query = FindQuery.from(ctx.queryParams());
    Responses.reply(ctx, 200, FindStore.find(pool, AuthRoutes.user(ctx), query).map(page -> page.json()));
  }

  /** The buyer's other conversations the user may read and, where the platform tells, their orders. */
  private void context(RoutingContext ctx) {
    long id = Responses.pathId(ctx, "id");
    CurrentUser user = AuthRoutes.user(ctx);
    Responses.reply(ctx, 200, ConversationStore.summary(pool, id)
        .compose(summary -> ConversationRoutes.readable(user, summary))
        .compose(summary -> FindStore.history(pool, user, summary)
            .compose(history -> orders.of(summary).map(found -> new JsonObject()
                .put("buyer", summary.getJsonObject("buyer"))
                .put("conversations", new JsonArray(history))
                .put("orders", found)))));
  }
}
