package dev.unibox.users;

import dev.unibox.auth.AuthRoutes;
import dev.unibox.auth.CurrentUser;
import dev.unibox.auth.PasswordAttempts;
import dev.unibox.auth.PasswordHasher;
import dev.unibox.auth.PasswordPolicy;
import dev.unibox.auth.Revocations;
import dev.unibox.auth.TokenService;
import dev.unibox.auth.UserStore;
import dev.unibox.web.ApiException;
import dev.unibox.web.Responses;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;

/**
 * A user's own password change, which ends their other sessions: the database bumps the token version
 * (V19); the route then closes the user's sockets on every node. Changes made by admins and team leads
 * are {@link UserAdminRoutes}.
 */
public record UserRoutes(Pool pool, TokenService tokens, PasswordAttempts attempts) {

  public void mount(Router router) {
    router.post("/api/me/password").handler(this::changePassword);
  }

  /** {currentPassword, newPassword}: every other session ends; the answer carries a fresh token for this one. */
  private void changePassword(RoutingContext ctx) {
    CurrentUser user = AuthRoutes.user(ctx);
    JsonObject body = Responses.body(ctx);
    String current = body.getValue("currentPassword") instanceof String s ? s : "";
    String next = body.getValue("newPassword") instanceof String s ? s : "";
    if (current.isEmpty() || PasswordPolicy.tooLong(current)) {
      throw ApiException.badRequest("bad_request", "currentPassword is required (at most "
          + PasswordPolicy.MAX_BYTES + " bytes)");
    }
    String problem = PasswordPolicy.problem(next);
    if (problem != null) {
      throw ApiException.badRequest("weak_password", "newPassword: " + problem);
    }
    String address = attempts.begin(ctx, user.username());
    UserStore.passwordHash(pool, user.id())
        .compose(hash -> ctx.vertx().executeBlocking(() -> PasswordHasher.verify(current, hash)
            ? PasswordHasher.hash(next) : null, false))
        .compose(newHash -> {
          if (newHash == null) {
            return Future.failedFuture(ApiException.forbidden("The current password is wrong"));
          }
          attempts.succeeded(user.username(), address);
          return UserStore.setPasswordHash(pool, user.id(), newHash, false);
        })
        .onSuccess(version -> {
          Revocations.announce(ctx.vertx(), user.id());
          Responses.json(ctx, 200, new JsonObject().put("token", tokens.issue(user.id(), version)));
        })
        .onFailure(ctx::fail);
  }

}
