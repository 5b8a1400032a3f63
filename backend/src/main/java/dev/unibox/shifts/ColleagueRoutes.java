package dev.unibox.shifts;

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
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

/**
 * The colleagues a conversation can be transferred to by name ({@code GET /api/conversations/:id/colleagues}):
 * the agents who serve the conversation's shop, never another shop's staff, online first, then eligible
 * (of the conversation's team, if it needs one), then with room, least loaded; readable names only. Asked
 * by its owner or by a supervisor who oversees it. The transfer itself is {@link Moves} through
 * {@code Seats.takeOn}, which checks the same shop, team and capacity again under the routing lock.
 */
record ColleagueRoutes(Pool pool) {

  static final int MAX = 200;

  private static final String CONVERSATION = """
      SELECT c.account_id, c.status, c.assignee_id, c.team, COALESCE(u.team, c.team) AS owning_team
      FROM conversations c LEFT JOIN users u ON u.id = c.assignee_id WHERE c.id = $1""";

  private static final String COLLEAGUES = """
      SELECT u.id, u.display_name, u.presence, u.shift_state, u.team, u.active_count, u.max_concurrent,
             ($2::text IS NULL OR u.team = $2) AS eligible, u.active_count >= u.max_concurrent AS full
      FROM users u
      WHERE u.role = 'agent' AND NOT u.disabled AND u.id <> $3 AND u.id <> $4
        AND (u.all_accounts OR EXISTS (SELECT 1 FROM user_accounts ua WHERE ua.user_id = u.id AND ua.account_id = $1))
      ORDER BY CASE u.presence WHEN 'online' THEN 0 WHEN 'away' THEN 1 ELSE 2 END,
               NOT ($2::text IS NULL OR u.team = $2), u.active_count >= u.max_concurrent,
               u.active_count::float8 / GREATEST(u.max_concurrent, 1), u.display_name, u.id
      LIMIT""" + " " + MAX;

  void mount(Router router) {
    router.get("/api/conversations/:id/colleagues").handler(this::list);
  }

  private void list(RoutingContext ctx) {
    CurrentUser user = AuthRoutes.user(ctx);
    long id = Responses.pathId(ctx, "id");
    pool.preparedQuery(CONVERSATION).execute(Tuple.of(id)).compose(rows -> {
      if (rows.size() == 0) {
        return Future.failedFuture(ApiException.notFound("Conversation"));
      }
      Row c = rows.iterator().next();
      Long owner = c.getLong("assignee_id");
      boolean allowed = user.oversees() ? user.oversees(c.getString("account_id"), c.getString("owning_team"))
          : "assigned".equals(c.getString("status")) && owner != null && owner == user.id();
      if (!allowed) {
        return Future.failedFuture(ApiException.forbidden(user.oversees()
            ? "This conversation is outside your shops or teams" : "This conversation is not assigned to you"));
      }
      return pool.preparedQuery(COLLEAGUES).execute(Tuple.of(c.getString("account_id"), c.getString("team"),
          user.id(), owner == null ? -1L : owner));
    }).onSuccess(rows -> {
      JsonArray out = new JsonArray();
      for (Row r : rows) {
        out.add(new JsonObject().put("id", r.getLong("id")).put("displayName", r.getString("display_name"))
            .put("presence", r.getString("presence")).put("shiftState", r.getString("shift_state"))
            .put("team", r.getString("team")).put("activeCount", r.getInteger("active_count"))
            .put("maxConcurrent", r.getInteger("max_concurrent")).put("eligible", r.getBoolean("eligible"))
            .put("full", r.getBoolean("full")));
      }
      Responses.json(ctx, 200, new JsonObject().put("colleagues", out));
    }).onFailure(ctx::fail);
  }
}
