package dev.unibox.adapters.contract;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock tests move by hand, shared by the fake platforms and the code under test (the backend's tests use it
 * too, through this module's test jar): no sleeping for time to pass. Thread-safe.
 */
public class MutableClock extends Clock {

  private volatile Instant now;

  public MutableClock(Instant start) {
    this.now = start;
  }

  public static MutableClock startingNow() {
    return new MutableClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
  }

  public void set(Instant t) {
    now = t;
  }

  public synchronized void advance(Duration d) {
    now = now.plus(d);
  }

  @Override
  public final ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public final Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public final Instant instant() {
    return now;
  }
}
