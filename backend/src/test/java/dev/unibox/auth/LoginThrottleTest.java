package dev.unibox.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-11T03:00:00Z"));
  private final LoginThrottle throttle = new LoginThrottle(3, Duration.ofMinutes(5), clock);

  @Test
  void refusesAfterTooManyFailuresForOneUserUntilTheWindowPasses() {
    for (int i = 0; i < 3; i++) {
      assertThat(throttle.retryAfter("mei", "10.0.0." + i)).isZero();
      throttle.failed("mei", "10.0.0." + i);
      clock.advance(Duration.ofSeconds(10));
    }
    assertThat(throttle.retryAfter("mei", "10.0.0.9")).isEqualTo(Duration.ofSeconds(270));
    assertThat(throttle.retryAfter("arif", "10.0.0.9")).isZero();
    clock.advance(Duration.ofSeconds(270));
    assertThat(throttle.retryAfter("mei", "10.0.0.9")).isZero();
  }

  @Test
  void refusesOneAddressGuessingManyUsers() {
    for (String user : new String[] {"a", "b", "c"}) {
      throttle.failed(user, "203.0.113.7");
    }
    assertThat(throttle.retryAfter("d", "203.0.113.7")).isPositive();
    assertThat(throttle.retryAfter("d", "203.0.113.8")).isZero();
  }

  @Test
  void successClearsTheUsersFailures() {
    throttle.failed("mei", "x");
    throttle.failed("mei", "y");
    throttle.succeeded("mei");
    throttle.failed("mei", "z");
    assertThat(throttle.retryAfter("mei", "w")).isZero();
  }

  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
