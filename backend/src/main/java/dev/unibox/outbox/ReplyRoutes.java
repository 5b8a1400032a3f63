package dev.unibox.outbox;

import dev.unibox.auth.AuthRoutes;
import dev.unibox.web.Responses;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/** POST /api/conversations/:id/replies */
public record ReplyRoutes(ReplyService replies) {

  public void mount(Router router) {
    router.post("/api/conversations/:id/replies").handler(ctx -> {
      JsonObject body = Responses.body(ctx);
      Object text = body.getValue("text");
      Object type = body.getValue("type");
      Responses.reply(ctx, 202, "message", replies.reply(AuthRoutes.user(ctx), Responses.pathId(ctx, "id"),
          type instanceof String t ? t : "text", text instanceof String s ? s : null, body));
    });
  }
}
