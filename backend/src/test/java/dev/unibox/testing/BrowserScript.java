package dev.unibox.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Runs one of the web app's browser scripts (frontend/e2e/*.e2e.mjs: Node + playwright-core driving
 * the system's headless Chromium) and talks to it over its stdout lines (READY, DONE, FAILED: …).
 */
public final class BrowserScript implements AutoCloseable {

  private static final Path FRONTEND = Path.of(System.getProperty("unibox.frontend.dir", "../frontend"));
  private static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");

  private final Process process;
  private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> transcript = new ArrayList<>();

  private BrowserScript(Process process) {
    this.process = process;
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          lines.add(line);
        }
      } catch (IOException ignored) {
        // the process ended
      }
    }, "browser-script-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  public static BrowserScript start(String script, Map<String, String> env) throws IOException {
    if (!Files.isExecutable(Path.of(CHROMIUM))) {
      throw new IllegalStateException("Chromium not found at " + CHROMIUM + ": install it (apt-get install chromium)"
          + " or set CHROMIUM; .ci/run does this on a fresh machine");
    }
    Path screenshots = Path.of("target", "browser-screenshots").toAbsolutePath();
    Files.createDirectories(screenshots);
    ProcessBuilder pb = new ProcessBuilder("node", FRONTEND.resolve("e2e").resolve(script).toString())
        .redirectError(screenshots.resolve(script + ".stderr.log").toFile());
    pb.environment().putAll(env);
    pb.environment().put("CHROMIUM", CHROMIUM);
    pb.environment().put("SCREENSHOT_DIR", screenshots.toString());
    return new BrowserScript(pb.start());
  }

  /** Waits for a line equal to {@code expected}; fails fast on a FAILED line or on exit. */
  public void expect(String expected, long timeoutSeconds) throws InterruptedException {
    nextLine(expected::equals, expected, timeoutSeconds);
  }

  /** Waits for a line starting with {@code prefix} and returns the rest of it; fails like {@link #expect}. */
  public String lineAfter(String prefix, long timeoutSeconds) throws InterruptedException {
    return nextLine(line -> line.startsWith(prefix), prefix + "…", timeoutSeconds).substring(prefix.length());
  }

  private String nextLine(Predicate<String> wanted, String what, long timeoutSeconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    while (true) {
      long left = deadline - System.nanoTime();
      String line = left <= 0 ? null : lines.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)), TimeUnit.NANOSECONDS);
      if (line == null) {
        if (left <= 0) {
          throw new AssertionError("browser script did not print " + what + "; transcript: " + transcript
              + " (see target/browser-screenshots)");
        }
        if (!process.isAlive() && lines.isEmpty()) {
          throw new AssertionError("browser script exited with " + process.exitValue() + " before " + what
              + "; transcript: " + transcript + " (see target/browser-screenshots)");
        }
        continue;
      }
      transcript.add(line);
      if (line.startsWith("FAILED")) {
        throw new AssertionError("browser script: " + line + " (screenshot in target/browser-screenshots)");
      }
      if (wanted.test(line)) {
        return line;
      }
    }
  }

  /** Waits for DONE, then for the script to exit (within 20 s) with status 0. */
  public void expectDone(long timeoutSeconds) throws InterruptedException {
    expect("DONE", timeoutSeconds);
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      throw new AssertionError("browser script did not exit; transcript: " + transcript);
    }
    if (process.exitValue() != 0) {
      throw new AssertionError("browser script exited with " + process.exitValue() + "; transcript: " + transcript);
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
