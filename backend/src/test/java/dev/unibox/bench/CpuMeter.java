package dev.unibox.bench;

import dev.unibox.testing.Await;
import io.vertx.sqlclient.Pool;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time used so far by this JVM and by the PostgreSQL server behind a pool (its postmaster and every process
 * it started: backends, WAL writer, checkpointer). Two readings around a stage give what the stage cost in
 * each, so a harness can say how many cores a rate would need, not only what rate this machine reached.
 * Linux only: the server's processes are read from /proc.
 */
final class CpuMeter {

  /** Linux's USER_HZ: /proc/[pid]/stat counts CPU time in these ticks. */
  private static final long TICKS_PER_SECOND = 100;

  private final long postmaster;

  private CpuMeter(long postmaster) {
    this.postmaster = postmaster;
  }

  /** CPU seconds of the JVM and of PostgreSQL; {@link #minus} of two readings is a stage's cost. */
  record Reading(double jvmSeconds, double postgresSeconds) {
    Reading minus(Reading earlier) {
      return new Reading(jvmSeconds - earlier.jvmSeconds, postgresSeconds - earlier.postgresSeconds);
    }

    /** "JVM 1.20 + PostgreSQL 0.40 ms" per unit of work. */
    String perUnit(long units) {
      return String.format("JVM %.2f + PostgreSQL %.2f ms", jvmSeconds * 1e3 / units, postgresSeconds * 1e3 / units);
    }

    /** Cores both would keep busy at {@code rate} units per second, at this cost per unit. */
    double coresAt(double rate, long units) {
      return (jvmSeconds + postgresSeconds) / units * rate;
    }
  }

  /** The server behind the pool: the parent of one of its backends. */
  static CpuMeter of(Pool pool) throws Exception {
    long backend = Await.result(pool.query("SELECT pg_backend_pid()").execute()).iterator().next().getInteger(0);
    return new CpuMeter(stat(backend)[0]);
  }

  Reading read() {
    double jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime() / 1e9;
    long ticks = 0;
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path p : (Iterable<Path>) procs::iterator) {
        String name = p.getFileName().toString();
        if (!name.chars().allMatch(Character::isDigit)) {
          continue;
        }
        long pid = Long.parseLong(name);
        long[] s = stat(pid);
        if (s != null && (pid == postmaster || s[0] == postmaster)) {
          ticks += s[1];
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot list /proc", e);
    }
    return new Reading(jvm, (double) ticks / TICKS_PER_SECOND);
  }

  /** A process's parent and its user + system CPU ticks; null when it is gone. */
  private static long[] stat(long pid) {
    String line;
    try {
      line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    } catch (IOException e) {
      return null;
    }
    // the command name (field 2) is in parentheses and may hold spaces: fields are counted after its ')'
    String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
    return new long[] {Long.parseLong(f[1]), Long.parseLong(f[11]) + Long.parseLong(f[12])};
  }
}
