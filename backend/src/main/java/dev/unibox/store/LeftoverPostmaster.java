package dev.unibox.store;

import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a killed service leaves in its data directory: the PostgreSQL it started keeps running as an
 * orphan (pg_ctl detaches it) and {@code postmaster.pid} names it; or, after a machine crash, the pid file
 * names a process that is gone or is now something else. Either would make the next start fail, so before
 * starting the orphan is stopped with a fast shutdown (committed work is kept, open transactions roll
 * back) and a stale pid file is removed.
 *
 * <p>Only called while holding the {@link DataDirLock}: no live service uses this directory, so the
 * PostgreSQL found there belongs to none.
 */
final class LeftoverPostmaster {

  private static final Logger LOG = LoggerFactory.getLogger(LeftoverPostmaster.class);
  private static final long STOP_SECONDS = 60;

  private LeftoverPostmaster() {}

  static void clear(Path dataDir) throws IOException {
    Path pidFile = dataDir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    Optional<ProcessHandle> postmaster = pid(pidFile).flatMap(ProcessHandle::of)
        .filter(p -> p.isAlive() && servesDirectory(p, dataDir));
    if (postmaster.isEmpty()) {
      LOG.warn("Removing the stale {} (the PostgreSQL it names is no longer running)", pidFile);
      Files.deleteIfExists(pidFile);
      return;
    }
    ProcessHandle p = postmaster.get();
    LOG.warn("A PostgreSQL (pid {}) is still running on {} although no service holds the directory "
        + "(the previous service was killed); stopping it before starting again", p.pid(), dataDir);
    stop(p, dataDir);
  }

  private static Optional<Long> pid(Path pidFile) throws IOException {
    List<String> lines = Files.readAllLines(pidFile);
    try {
      return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** A postgres binary whose working directory (the postmaster changes into it) is this data directory. */
  static boolean servesDirectory(ProcessHandle p, Path dataDir) {
    boolean postgres = p.info().command().map(c -> Path.of(c).getFileName().toString().equals("postgres"))
        .orElse(false);
    if (!postgres) {
      return false;
    }
    try {
      return Files.readSymbolicLink(Path.of("/proc", String.valueOf(p.pid()), "cwd")).equals(dataDir.toRealPath());
    } catch (IOException | UnsupportedOperationException noProc) {
      return p.info().arguments().map(args -> List.of(args).contains(dataDir.toString())).orElse(false);
    }
  }

  private static void stop(ProcessHandle p, Path dataDir) throws IOException {
    Optional<Path> pgCtl = p.info().command().map(c -> Path.of(c).resolveSibling("pg_ctl")).filter(Files::isExecutable);
    if (pgCtl.isPresent()) {
      List<String> command = new ArrayList<>();
      if (LinuxUtils.isUnshareAvailable()) {
        // pg_ctl refuses to run as root; zonky runs its own pg_ctl this way too (it is root in a new user namespace)
        command.addAll(List.of("unshare", "-U"));
      }
      command.addAll(List.of(pgCtl.get().toString(), "-D", dataDir.toString(), "stop", "-m", "fast", "-w",
          "-t", String.valueOf(STOP_SECONDS)));
      Process ctl = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(ctl.getInputStream().readAllBytes()).trim();
      try {
        if (ctl.waitFor() != 0) {
          LOG.warn("pg_ctl stop said: {}; asking with SIGTERM instead", out);
          p.destroy();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("Interrupted while stopping the leftover PostgreSQL", e);
      }
    } else {
      p.destroy(); // SIGTERM: the orphan's clients died with the old service, so it shuts down at once
    }
    try {
      p.onExit().get(STOP_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException | ExecutionException e) {
      throw new IOException("The PostgreSQL left running on " + dataDir + " (pid " + p.pid() + ") did not stop; "
          + "stop it by hand (pg_ctl -D " + dataDir + " stop -m fast) and start again", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while stopping the leftover PostgreSQL", e);
    }
    LOG.info("The leftover PostgreSQL (pid {}) stopped cleanly", p.pid());
  }
}
