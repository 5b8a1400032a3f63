package dev.unibox.auth;

import dev.unibox.web.ApiException;
import dev.unibox.web.ClientAddress;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;

/**
 * Every check of a password someone types (logging in, confirming the current one to change it) goes
 * through the same {@link LoginThrottle}, so a stolen token cannot be used to guess its user's password
 * faster than the login page allows.
 */
public record PasswordAttempts(LoginThrottle throttle, ClientAddress clients) {

  /** Counts an attempt for {@code username} from this request's client; 429 with Retry-After while slowed. */
  public String begin(RoutingContext ctx, String username) {
    String address = clients.of(ctx);
    Duration wait = throttle.begin(username, address);
    if (!wait.isZero() && !wait.isNegative()) {
      long seconds = Math.max(1, wait.toSeconds());
      ctx.response().putHeader("Retry-After", String.valueOf(seconds));
      throw new ApiException(429, "too_many_attempts", "Too many wrong passwords; try again in " + seconds + " s");
    }
    return address;
  }

  /** The right password: this user's slowdown starts again. */
  public void succeeded(String username, String address) {
    throttle.succeeded(username, address);
  }
}
