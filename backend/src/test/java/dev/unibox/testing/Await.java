package dev.unibox.testing;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Blocking helpers for tests: wait for a future, or for a condition with a deadline (no fixed sleeps). */
public final class Await {

  /** 60 s (CI machines can be heavily shared); raise it with -Dunibox.test.timeoutSeconds. */
  public static final Duration TIMEOUT = Duration.ofSeconds(Long.getLong("unibox.test.timeoutSeconds", 60));

  private Await() {}

  public static <T> T result(Future<T> future) throws Exception {
    return result(future, TIMEOUT);
  }

  public static <T> T result(Future<T> future, Duration timeout) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  public static Throwable failure(Future<?> future) throws Exception {
    try {
      result(future);
    } catch (java.util.concurrent.ExecutionException e) {
      return e.getCause();
    }
    throw new AssertionError("expected the future to fail");
  }

  /** A condition to wait for; it may read the database (an exception ends the wait, as an unchecked one). */
  @FunctionalInterface
  public interface Condition {
    boolean holds() throws Exception;
  }

  /** Polls a condition that reads shared state; yields the CPU between checks. */
  public static void until(String what, Condition condition) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    Object monitor = new Object();
    while (!holds(condition)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for: " + what);
      }
      synchronized (monitor) {
        monitor.wait(10);
      }
    }
  }

  private static boolean holds(Condition condition) {
    try {
      return condition.holds();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
