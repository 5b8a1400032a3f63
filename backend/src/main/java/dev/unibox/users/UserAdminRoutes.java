package dev.unibox.users;

import dev.unibox.auth.AuthRoutes;
import dev.unibox.auth.CurrentUser;
import dev.unibox.auth.PasswordHasher;
import dev.unibox.auth.PasswordPolicy;
import dev.unibox.auth.Revocations;
import dev.unibox.auth.UserStore;
import dev.unibox.signals.Kicks;
import dev.unibox.web.ApiException;
import dev.unibox.web.Responses;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * User management (docs/users.md): list, create, edit, disable and enable, change the role, reset the
 * password, and each user's history. Who may act on whom is {@link UserScope}; every change is written
 * to {@code user_audit} in the transaction that makes it. A role change, disabling and a password reset
 * end the user's sessions (the V19 trigger bumps the token version; {@link Revocations} closes sockets).
 */
public record UserAdminRoutes(Pool pool, Clock clock) {

  public void mount(Router router) {
    router.get("/api/admin/users").handler(this::list);
    router.post("/api/admin/users").handler(this::create);
    router.put("/api/admin/users/:id").handler(this::edit);
    router.post("/api/admin/users/:id/disable").handler(ctx -> setDisabled(ctx, true));
    router.post("/api/admin/users/:id/enable").handler(ctx -> setDisabled(ctx, false));
    router.put("/api/admin/users/:id/role").handler(this::setRole);
    router.post("/api/admin/users/:id/password").handler(this::resetPassword);
    router.get("/api/admin/users/:id/audit").handler(this::history);
  }

  private void list(RoutingContext ctx) {
    CurrentUser actor = AuthRoutes.user(ctx);
    UserScope.requireManager(actor);
    Responses.reply(ctx, 200, "users",
        UserAdminStore.inReach(pool, actor).map(users -> new JsonArray(users.stream().map(UserRow::json).toList())));
  }

  /** {username, displayName, role, password, allAccounts?, accounts?, languages?, platforms?, team?, maxConcurrent}. */
  private void create(RoutingContext ctx) {
    CurrentUser actor = AuthRoutes.user(ctx);
    UserScope.requireManager(actor);
    JsonObject body = Responses.body(ctx);
    String username = UserForm.username(body.getValue("username"));
    UserForm form = UserForm.parse(body);
    String password = password(body);
    UserScope.requireForm(actor, form);
    pool.withTransaction(conn -> UserAdminStore.requireTeam(conn, form.skills().team())
            .compose(v -> UserStore.create(conn, username, form.displayName(), form.role(), password,
                form.allAccounts(), form.skills().maxConcurrent()))
            .compose(id -> id == null
                ? Future.failedFuture(new ApiException(409, "username_taken", "The username " + username + " is taken"))
                : UserAdminStore.saveFields(conn, id, form)
                    .compose(v -> UserStore.markPasswordTemporary(conn, id))
                    .compose(v -> form.skills().save(conn, id))
                    .compose(v -> UserAdminStore.audit(conn, id, actor.id(), "created",
                        form.json().put("username", username), clock.instant()))
                    .compose(v -> UserAdminStore.lock(conn, id))))
        .onSuccess(user -> {
          Kicks.routing(ctx.vertx());
          Responses.json(ctx, 201, new JsonObject().put("user", user.json()));
        })
        .onFailure(ctx::fail);
  }

  /** The same fields as create but username and password; replaces them all. */
  private void edit(RoutingContext ctx) {
    CurrentUser actor = AuthRoutes.user(ctx);
    long id = Responses.pathId(ctx, "id");
    UserForm form = UserForm.parse(Responses.body(ctx));
    AtomicBoolean roleChanged = new AtomicBoolean();
    onTarget(ctx, id, (conn, before) -> {
      UserScope.requireForm(actor, form);
      if (id == actor.id() && (!form.role().equals(before.role()) || form.allAccounts() != before.allAccounts())) {
        UserScope.requireNotSelf(actor, id, "change the role or the shop reach");
      }
      JsonObject changes = UserAdminStore.diff(before.editable(), form.json());
      if (changes.isEmpty()) {
        return Future.succeededFuture(before);
      }
      roleChanged.set(changes.containsKey("role"));
      return UserAdminStore.requireTeam(conn, form.skills().team())
          .compose(v -> UserAdminStore.saveFields(conn, id, form))
          .compose(v -> form.skills().save(conn, id))
          .compose(v -> UserStore.setRole(conn, id, form.role()))
          .compose(v -> UserAdminStore.audit(conn, id, actor.id(), "edited", changes, clock.instant()))
          .compose(v -> UserAdminStore.lock(conn, id));
    }).onSuccess(after -> {
      Kicks.routing(ctx.vertx());
      if (roleChanged.get()) {
        Revocations.announce(ctx.vertx(), id);
      }
      Responses.json(ctx, 200, new JsonObject().put("user", after.json()));
    }).onFailure(ctx::fail);
  }

  private void setDisabled(RoutingContext ctx, boolean disabled) {
    CurrentUser actor = AuthRoutes.user(ctx);
    long id = Responses.pathId(ctx, "id");
    UserScope.requireNotSelf(actor, id, disabled ? "disable users" : "enable users");
    Responses.reply(ctx, 200, "user", setAudited(ctx, actor, id, disabled ? "disabled" : "enabled", "disabled",
        before -> !disabled, disabled, conn -> UserStore.setDisabled(conn, id, disabled))
        .onSuccess(user -> {
          if (disabled) {
            Revocations.announce(ctx.vertx(), id);
          }
        })
        .map(UserRow::json));
  }

  /** {role}: agent, supervisor or admin. */
  private void setRole(RoutingContext ctx) {
    CurrentUser actor = AuthRoutes.user(ctx);
    long id = Responses.pathId(ctx, "id");
    String role = UserForm.role(Responses.body(ctx).getValue("role"));
    UserScope.requireNotSelf(actor, id, "change the role");
    if (!UserScope.admin(actor) && !"agent".equals(role)) {
      UserScope.requireManager(actor);
      throw ApiException.forbidden("Supervisors create and edit agents only");
    }
    Responses.reply(ctx, 200, "user", setAudited(ctx, actor, id, "role_changed", "role", UserRow::role, role,
        conn -> UserStore.setRole(conn, id, role))
        .onSuccess(user -> Revocations.announce(ctx.vertx(), id))
        .map(UserRow::json));
  }

  /**
   * {password}: a temporary password the admin tells the user, to be changed at the next login; every
   * session of the user ends.
   */
  private void resetPassword(RoutingContext ctx) {
    CurrentUser actor = AuthRoutes.user(ctx);
    long id = Responses.pathId(ctx, "id");
    String password = password(Responses.body(ctx));
    UserScope.requireNotSelf(actor, id, "reset the password (change it under your name instead)");
    UserScope.requireManager(actor);
    // bcrypt is slow by design: hashed on a worker, before the transaction holds a connection
    ctx.vertx().executeBlocking(() -> PasswordHasher.hash(password), false)
        .compose(hash -> pool.withTransaction(conn -> UserAdminStore.lock(conn, id).compose(target -> {
          UserScope.requireTarget(actor, target);
          return UserStore.setPasswordHash(conn, id, hash, true)
              .compose(v -> UserAdminStore.audit(conn, id, actor.id(), "password_reset",
                  new JsonObject().put("password", new JsonObject().put("reset", true)), clock.instant()));
        })))
        .onSuccess(v -> {
          Revocations.announce(ctx.vertx(), id);
          Responses.json(ctx, 200, new JsonObject().put("user", new JsonObject().put("id", id)).put("sessionsEnded", true));
        })
        .onFailure(ctx::fail);
  }

  private void history(RoutingContext ctx) {
    long id = Responses.pathId(ctx, "id");
    Responses.reply(ctx, 200, "history", onTarget(ctx, id, (conn, target) -> UserAdminStore.history(conn, id)));
  }

  /** Locks the user in a transaction, checks the caller may act on them, then runs {@code work}. */
  /**
   * Sets one field of the target; when that changed it, audits {@code event} with the field's from and to.
   * @return the user as it is afterwards
   */
  private Future<UserRow> setAudited(RoutingContext ctx, CurrentUser actor, long id, String event, String field,
                                     Function<UserRow, Object> from, Object to,
                                     Function<SqlConnection, Future<Boolean>> set) {
    return onTarget(ctx, id, (conn, before) -> set.apply(conn)
        .compose(changed -> !changed ? Future.succeededFuture(before)
            : UserAdminStore.audit(conn, id, actor.id(), event, new JsonObject()
                    .put(field, new JsonObject().put("from", from.apply(before)).put("to", to)), clock.instant())
                .compose(v -> UserAdminStore.lock(conn, id))));
  }

  private <T> Future<T> onTarget(RoutingContext ctx, long id, BiFunction<SqlConnection, UserRow, Future<T>> work) {
    CurrentUser actor = AuthRoutes.user(ctx);
    UserScope.requireManager(actor);
    return pool.withTransaction(conn -> UserAdminStore.lock(conn, id).compose(target -> {
      UserScope.requireTarget(actor, target);
      return work.apply(conn, target);
    }));
  }

  private static String password(JsonObject body) {
    Object raw = body.getValue("password");
    String problem = PasswordPolicy.problem(raw instanceof String s ? s : null);
    if (problem != null) {
      throw ApiException.badRequest("weak_password", "password: " + problem);
    }
    return (String) raw;
  }
}
