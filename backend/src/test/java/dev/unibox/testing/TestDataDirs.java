package dev.unibox.testing;

import dev.unibox.store.DataDirLock;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The test server's data directory. A test JVM makes a database per test, so by its end the directory
 * holds several hundred thousand files; deleting them in the JVM's shutdown hook outlasted Surefire's
 * 30 s exit timeout, the fork was killed half-way and every run left a gigabyte or more in the temp
 * directory. The files are now removed by a separate process that the JVM does not wait for, and a new
 * test JVM also removes what killed runs left (a directory whose lock no live process holds).
 */
final class TestDataDirs {

  private static final String PREFIX = "unibox-test-pg";
  /** Younger directories may belong to a JVM that has not taken its lock yet. */
  private static final Duration LEFTOVER_AGE = Duration.ofMinutes(10);

  private TestDataDirs() {}

  static Path create() throws IOException {
    Path dir = Files.createTempDirectory(PREFIX);
    removeLeftovers(dir.getParent(), dir);
    return dir;
  }

  /** The directories and the files kept beside them (lock, password), by one process this JVM does not wait for. */
  static void removeInBackground(List<Path> dirs) {
    if (dirs.isEmpty()) {
      return;
    }
    List<String> command = new ArrayList<>(List.of("rm", "-rf"));
    dirs.forEach(dir -> command.addAll(List.of(dir.toString(), dir + ".lock", dir + ".password")));
    try {
      new ProcessBuilder(command)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      System.err.println("Could not remove the test database directories " + dirs + ": " + e.getMessage());
    }
  }

  private static void removeLeftovers(Path tmp, Path ours) throws IOException {
    Instant before = Instant.now().minus(LEFTOVER_AGE);
    List<Path> leftovers = new ArrayList<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, PREFIX + "*")) {
      for (Path dir : dirs) {
        if (!dir.equals(ours) && Files.isDirectory(dir)
            && Files.getLastModifiedTime(dir).toInstant().isBefore(before) && abandoned(dir)) {
          leftovers.add(dir);
        }
      }
    }
    removeInBackground(leftovers);
  }

  /** No live JVM holds its lock and no PostgreSQL still runs on it. */
  private static boolean abandoned(Path dir) {
    try (DataDirLock ignored = DataDirLock.acquire(dir)) {
      return postmaster(dir).map(pid -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true)).orElse(true);
    } catch (IOException | RuntimeException inUseOrUnreadable) {
      return false;
    }
  }

  private static Optional<Long> postmaster(Path dir) throws IOException {
    Path pidFile = dir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(pidFile);
    try {
      return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
