package dev.unibox.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.Await;
import dev.unibox.testing.MutableClock;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A token names its user and token version, and expires on the service's clock (not the wall clock). */
@ExtendWith(VertxExtension.class)
class TokenServiceTest {

  private static final String SECRET = "test-jwt-secret-that-is-long-enough-0123";

  @Test
  void aTokenCarriesItsVersionAndExpiresOnTheServiceClock(Vertx vertx) throws Exception {
    // far from the wall clock on purpose: only the service clock may decide expiry
    MutableClock clock = new MutableClock(Instant.parse("2031-03-01T08:00:00Z"));
    TokenService tokens = new TokenService(vertx, SECRET, 12, clock);
    String token = tokens.issue(42, 7);

    TokenService.Claims claims = Await.result(tokens.verify(token));
    assertThat(claims.userId()).isEqualTo(42);
    assertThat(claims.version()).isEqualTo(7);
    assertThat(claims.expiresAt()).isEqualTo(Instant.parse("2031-03-01T20:00:00Z"));

    clock.advance(Duration.ofHours(12).minusSeconds(1));
    assertThat(Await.result(tokens.verify(token)).userId()).isEqualTo(42);
    clock.advance(Duration.ofSeconds(1));
    assertThat(Await.failure(tokens.verify(token))).hasMessageContaining("expired");
  }

  @Test
  void aTokenSignedWithAnotherKeyOrWithoutVersionIsRefused(Vertx vertx) throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2031-03-01T08:00:00Z"));
    TokenService tokens = new TokenService(vertx, SECRET, 12, clock);
    String foreign = new TokenService(vertx, "another-secret-that-is-long-enough-4567", 12, clock).issue(42, 0);
    assertThat(Await.failure(tokens.verify(foreign))).isNotNull();
    var sameKey = io.vertx.ext.auth.jwt.JWTAuth.create(vertx, new io.vertx.ext.auth.jwt.JWTAuthOptions()
        .addPubSecKey(new io.vertx.ext.auth.PubSecKeyOptions().setAlgorithm("HS256").setBuffer(SECRET)));
    String unversioned = sameKey.generateToken(new io.vertx.core.json.JsonObject().put("sub", "42")
        .put("exp", clock.instant().getEpochSecond() + 60));
    assertThat(Await.failure(tokens.verify(unversioned))).hasMessageContaining("version");
  }
}
