package dev.unibox.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.time.Clock;
import java.time.Instant;

/**
 * Issues and checks the HS256 session tokens used by the web app's HTTP calls and its socket. A token
 * names its user, the user's token version when it was issued (a newer version in the database means
 * the token was revoked: logout, password, role, disabled) and its expiry. Expiry is read against the
 * service's clock (not the library's wall clock), so tests can move time and sockets close at expiry.
 */
public final class TokenService {

  /** What a valid token says; {@code version} is compared with users.token_version on every use. */
  public record Claims(long userId, int version, Instant expiresAt) {}

  private final JWTAuth jwt;
  private final int hours;
  private final Clock clock;

  public TokenService(Vertx vertx, String secret, int hours, Clock clock) {
    this.jwt = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret))
        .setJWTOptions(new JWTOptions().setIgnoreExpiration(true)));
    this.hours = hours;
    this.clock = clock;
  }

  public String issue(long userId, int version) {
    long now = clock.instant().getEpochSecond();
    return jwt.generateToken(new JsonObject().put("sub", String.valueOf(userId)).put("ver", version)
            .put("iat", now).put("exp", now + hours * 3600L),
        new JWTOptions().setAlgorithm("HS256").setNoTimestamp(true));
  }

  /** @return what the token says; fails when it is malformed, badly signed or expired */
  public Future<Claims> verify(String token) {
    if (token == null || token.isBlank()) {
      return Future.failedFuture("missing token");
    }
    return jwt.authenticate(new TokenCredentials(token)).compose(user -> {
      // the library keeps the decoded claims under attributes.accessToken (and copies a few to the principal)
      JsonObject p = user.attributes().getJsonObject("accessToken", user.principal());
      Object sub = p.getValue("sub");
      Object ver = p.getValue("ver");
      Object exp = p.getValue("exp");
      if (!(sub instanceof String s) || !s.matches("\\d{1,18}") || !(ver instanceof Number v)
          || !(exp instanceof Number e)) {
        return Future.failedFuture("token without subject, version or expiry");
      }
      Instant expiresAt = Instant.ofEpochSecond(e.longValue());
      if (!clock.instant().isBefore(expiresAt)) {
        return Future.failedFuture("expired token");
      }
      return Future.succeededFuture(new Claims(Long.parseLong(s), v.intValue(), expiresAt));
    });
  }
}
