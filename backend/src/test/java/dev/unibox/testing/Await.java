package dev.unibox.testing;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Blocking helpers for tests: wait for a future, or for a condition with a deadline (no fixed sleeps). */
public final class Await {

  /** Generous: a build machine shared by several builds can take tens of seconds to start the app. */
  public static final Duration TIMEOUT = Duration.ofSeconds(Long.getLong("unibox.test.awaitSeconds", 60));

  private Await() {}

  public static <T> T result(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  public static Throwable failure(Future<?> future) throws Exception {
    try {
      result(future);
    } catch (java.util.concurrent.ExecutionException e) {
      return e.getCause();
    }
    throw new AssertionError("expected the future to fail");
  }

  /** Polls a condition that reads shared state; yields the CPU between checks. */
  public static void until(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    Object monitor = new Object();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for: " + what);
      }
      synchronized (monitor) {
        monitor.wait(10);
      }
    }
  }
}
