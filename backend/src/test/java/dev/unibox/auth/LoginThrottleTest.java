package dev.unibox.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-11T03:00:00Z"));
  private final LoginThrottle throttle = new LoginThrottle(Duration.ofMinutes(15), 10_000, clock);

  @Test
  void attemptsAreCountedWhenTheyStartAndTheDelayGrowsProgressively() {
    for (int i = 0; i < 5; i++) {
      assertThat(throttle.begin("mei", "10.0.0.1")).as("attempt " + i).isZero();
    }
    assertThat(throttle.begin("mei", "10.0.0.1")).as("refused attempts are not counted").isEqualTo(Duration.ofSeconds(1));
    assertThat(throttle.begin("mei", "10.0.0.1")).isEqualTo(Duration.ofSeconds(1));
    clock.advance(Duration.ofSeconds(1));
    assertThat(throttle.begin("mei", "10.0.0.1")).isZero();
    assertThat(throttle.begin("mei", "10.0.0.1")).isEqualTo(Duration.ofSeconds(2));
    clock.advance(Duration.ofSeconds(2));
    assertThat(throttle.begin("mei", "10.0.0.1")).isZero();
    assertThat(throttle.begin("mei", "10.0.0.1")).isEqualTo(Duration.ofSeconds(4));
    assertThat(throttle.begin("arif", "10.0.0.2")).as("other users and clients are unaffected").isZero();
  }

  @Test
  void hammeringAUsernameFromManyClientsDelaysTheRealUserByAtMostTheUserCap() {
    for (int round = 0; round < 40; round++) {
      for (int c = 0; c < 50; c++) {
        throttle.begin("admin", "203.0.113." + c);
      }
      clock.advance(Duration.ofSeconds(5));
    }
    Duration wait = throttle.begin("admin", "198.51.100.7");
    assertThat(wait).isLessThanOrEqualTo(LoginThrottle.USER_CAP);
    clock.advance(wait);
    assertThat(throttle.begin("admin", "198.51.100.7")).as("never locked out").isZero();
  }

  @Test
  void oneClientGuessingManyUsersIsSlowed() {
    for (int i = 0; i < 20; i++) {
      assertThat(throttle.begin("user" + i, "203.0.113.7")).isZero();
    }
    assertThat(throttle.begin("someone", "203.0.113.7")).isPositive();
    assertThat(throttle.begin("someone", "203.0.113.8")).isZero();
  }

  @Test
  void successStartsTheUsersRecordAgainAndTheCacheIsBounded() {
    for (int i = 0; i < 5; i++) {
      throttle.begin("mei", "x");
    }
    throttle.succeeded("mei", "x");
    assertThat(throttle.begin("mei", "x")).isZero();

    LoginThrottle small = new LoginThrottle(Duration.ofMinutes(15), 100, clock);
    for (int i = 0; i < 5_000; i++) {
      small.begin("u" + i, "c" + i);
    }
    assertThat(small.keys()).isLessThanOrEqualTo(100);
  }
}
