package dev.unibox.users;

import dev.unibox.auth.AccessPolicy;
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
import java.util.Set;

/**
 * The changes that end a user's sessions: their own password change, and an admin's role change or
 * disabling of a user. The database bumps the token version (V52); these routes then close the user's
 * sockets on every node.
 */
public final class UserRoutes {

  private static final Set<String> ROLES = Set.of("agent", "supervisor", "admin");

  private final Pool pool;
  private final TokenService tokens;
  private final PasswordAttempts attempts;

  public UserRoutes(Pool pool, TokenService tokens, PasswordAttempts attempts) {
    this.pool = pool;
    this.tokens = tokens;
    this.attempts = attempts;
  }

  public void mount(Router router) {
    router.post("/api/me/password").handler(this::changePassword);
    router.post("/api/admin/users/:id/disable").handler(ctx -> setDisabled(ctx, true));
    router.post("/api/admin/users/:id/enable").handler(ctx -> setDisabled(ctx, false));
    router.put("/api/admin/users/:id/role").handler(this::setRole);
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
          return UserStore.setPasswordHash(pool, user.id(), newHash);
        })
        .onSuccess(version -> {
          Revocations.announce(ctx.vertx(), user.id());
          Responses.json(ctx, 200, new JsonObject().put("token", tokens.issue(user.id(), version)));
        })
        .onFailure(ctx::fail);
  }

  private void setDisabled(RoutingContext ctx, boolean disabled) {
    long id = target(ctx, disabled ? "disable users" : "enable users");
    existing(id)
        .compose(v -> UserStore.setDisabled(pool, id, disabled))
        .onSuccess(changed -> {
          if (changed && disabled) {
            Revocations.announce(ctx.vertx(), id);
          }
          Responses.json(ctx, 200, new JsonObject().put("user", new JsonObject().put("id", id).put("disabled", disabled)));
        })
        .onFailure(ctx::fail);
  }

  /** {role}: agent, supervisor or admin. */
  private void setRole(RoutingContext ctx) {
    long id = target(ctx, "change roles");
    Object role = Responses.body(ctx).getValue("role");
    if (!(role instanceof String r) || !ROLES.contains(r)) {
      throw ApiException.badRequest("bad_role", "role must be one of " + new java.util.TreeSet<>(ROLES));
    }
    existing(id)
        .compose(v -> UserStore.setRole(pool, id, r))
        .onSuccess(changed -> {
          if (changed) {
            Revocations.announce(ctx.vertx(), id);
          }
          Responses.json(ctx, 200, new JsonObject().put("user", new JsonObject().put("id", id).put("role", r)));
        })
        .onFailure(ctx::fail);
  }

  /** An admin of every shop, acting on someone else (nobody locks themselves out). */
  private static long target(RoutingContext ctx, String what) {
    CurrentUser user = AuthRoutes.user(ctx);
    AccessPolicy.requireGlobalAdmin(user, what);
    long id = Responses.pathId(ctx, "id");
    if (id == user.id()) {
      throw ApiException.badRequest("own_account", "Admins cannot disable themselves or change their own role");
    }
    return id;
  }

  private Future<Void> existing(long id) {
    return UserStore.current(pool, id).compose(u -> u == null
        ? Future.failedFuture(ApiException.notFound("User")) : Future.succeededFuture());
  }
}
