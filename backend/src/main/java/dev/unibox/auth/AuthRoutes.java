package dev.unibox.auth;

import dev.unibox.web.ApiException;
import dev.unibox.web.Responses;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Login, logout, the bearer-token check in front of every /api call, and /api/me. A user whose password
 * is temporary (set by an admin) reaches only {@link #OPEN_WHILE_TEMPORARY} until they change it.
 */
public record AuthRoutes(Pool pool, TokenService tokens, PasswordAttempts attempts) {

  private static final Logger LOG = LoggerFactory.getLogger(AuthRoutes.class);
  private static final String USER_KEY = "currentUser";

  /** What a user with a temporary password may call: who am I, change the password, log out. */
  private static final Set<String> OPEN_WHILE_TEMPORARY = Set.of("GET /api/me", "POST /api/me/password",
      "POST /api/auth/logout");

  /** Must be mounted before the other /api routes. */
  public void mount(Router router) {
    router.post("/api/login").handler(this::login);
    router.route("/api/*").handler(this::authenticate);
    router.post("/api/auth/logout").handler(this::logout);
    router.get("/api/me").handler(ctx -> Responses.json(ctx, 200, new JsonObject().put("user", UserStore.json(user(ctx)))));
  }

  public static CurrentUser user(RoutingContext ctx) {
    return ctx.get(USER_KEY);
  }

  private void login(RoutingContext ctx) {
    JsonObject body = Responses.body(ctx);
    String username = body.getValue("username") instanceof String s ? s.trim() : "";
    String password = body.getValue("password") instanceof String s ? s : "";
    if (username.isEmpty() || password.isEmpty()) {
      throw ApiException.badRequest("bad_request", "username and password are required");
    }
    if (username.length() > 64 || PasswordPolicy.tooLong(password)) {
      throw ApiException.badRequest("bad_request", "username is at most 64 characters and password at most "
          + PasswordPolicy.MAX_BYTES + " bytes");
    }
    String address = attempts.begin(ctx, username);
    Responses.reply(ctx, 200, UserStore.credentials(pool, username)
        .compose(creds -> ctx.vertx().executeBlocking(() ->
            PasswordHasher.verify(password, creds == null ? null : creds.passwordHash()) ? creds : null, false))
        .compose(creds -> {
          if (creds == null) {
            LOG.info("Failed login for user '{}'", username.length() > 64 ? username.substring(0, 64) : username);
            return Future.failedFuture(new ApiException(401, "bad_credentials", "Wrong username or password"));
          }
          attempts.succeeded(username, address);
          return UserStore.session(pool, creds.id(), creds.tokenVersion())
              .compose(u -> u == null ? Future.failedFuture(new ApiException(409, "session_changed",
                  "This user was changed while logging in; log in again")) : Future.succeededFuture(u))
              .map(u -> new JsonObject().put("token", tokens.issue(u.id(), creds.tokenVersion()))
                  .put("user", UserStore.json(u)));
        }));
  }

  /** Revokes every token of the caller (all devices) and closes their sockets on every node. */
  private void logout(RoutingContext ctx) {
    long id = user(ctx).id();
    UserStore.revokeSessions(pool, id)
        .onSuccess(v -> {
          Revocations.announce(ctx.vertx(), id);
          ctx.response().setStatusCode(204).end();
        })
        .onFailure(ctx::fail);
  }

  private void authenticate(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    String token = header != null && header.startsWith("Bearer ") ? header.substring(7).trim() : null;
    tokens.verify(token)
        .recover(e -> Future.failedFuture(new ApiException(401, "unauthorized", "Log in first (missing or expired token)")))
        .compose(claims -> UserStore.session(pool, claims.userId(), claims.version()))
        .onSuccess(u -> {
          if (u == null) {
            ctx.fail(new ApiException(401, "unauthorized", "This session has ended (logged out, changed or disabled)"));
          } else if (u.mustChangePassword()
              && !OPEN_WHILE_TEMPORARY.contains(ctx.request().method().name() + " " + ctx.normalizedPath())) {
            ctx.fail(new ApiException(403, "password_change_required",
                "Your password was set by an administrator: choose your own first (POST /api/me/password)"));
          } else {
            ctx.put(USER_KEY, u);
            ctx.next();
          }
        })
        .onFailure(ctx::fail);
  }
}
