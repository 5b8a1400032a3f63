package dev.unibox.adapters.contract;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waiting for a future from the test thread (never an event loop), for every adapter test. */
public final class TestFutures {

  private TestFutures() {}

  /** The future's result; its failure is thrown, and so is an AssertionError when it takes longer than allowed. */
  public static <T> T await(Future<T> future, Duration timeout) {
    try {
      return future.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("Future did not complete within " + timeout, e);
    }
  }

  /** The failure of a future that must fail within {@code timeout}. */
  public static Throwable failure(Future<?> future, Duration timeout) {
    try {
      future.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("Future did not complete within " + timeout, e);
    } catch (Throwable t) {
      return t;
    }
    throw new AssertionError("Expected the future to fail, but it succeeded with " + future.result());
  }
}
