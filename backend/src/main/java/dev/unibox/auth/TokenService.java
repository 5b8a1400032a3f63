package dev.unibox.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;

/** Issues and checks the HS256 session tokens used by the web app's HTTP calls and its socket. */
public final class TokenService {

  private final JWTAuth jwt;
  private final int hours;

  public TokenService(Vertx vertx, String secret, int hours) {
    this.jwt = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret)));
    this.hours = hours;
  }

  public JWTAuth provider() {
    return jwt;
  }

  public String issue(long userId) {
    return jwt.generateToken(new JsonObject().put("sub", String.valueOf(userId)),
        new JWTOptions().setAlgorithm("HS256").setExpiresInMinutes(hours * 60));
  }

  /** @return the user id the token was issued to; fails when the token is invalid or expired */
  public Future<Long> verify(String token) {
    if (token == null || token.isBlank()) {
      return Future.failedFuture("missing token");
    }
    return jwt.authenticate(new TokenCredentials(token))
        .map(user -> Long.parseLong(user.principal().getString("sub")));
  }
}
