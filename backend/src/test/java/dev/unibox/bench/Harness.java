package dev.unibox.bench;

/**
 * How every harness's {@code main} runs its body: on an embedded PostgreSQL with durable settings (fsync and
 * synchronous_commit on: a figure that could lose an acknowledged write does not count), and the JVM ends
 * when the body does, with 1 after printing the failure. Under exec:java Maven waits for Vert.x's
 * non-daemon threads, so without the exit a harness that failed (or finished) would hang silently.
 */
final class Harness {

  interface Body {
    void run() throws Exception;
  }

  private Harness() {}

  static void exitAfter(Body body) {
    System.setProperty("unibox.test.durable", "true");
    try {
      body.run();
      System.exit(0);
    } catch (Throwable e) {
      e.printStackTrace();
      System.exit(1);
    }
  }
}
