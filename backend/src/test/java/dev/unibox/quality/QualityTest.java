package dev.unibox.quality;

import dev.unibox.testing.InboxTest;

/**
 * What the quality tests stand on: the whole inbox ({@link InboxTest}) on a {@link TestClock}, and the
 * {@link QualityFixture} built on it, through which a test reaches the inbox and moves the clock.
 */
@InboxTest
abstract class QualityTest {

  /** The inbox's clock: the extension starts the inbox on it; tests move it as {@code f.clock}. */
  private final TestClock clock = new TestClock();
  QualityFixture f;
}
