package dev.unibox.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One service per data directory, and a start that is not stopped by what a dead service left behind.
 * (The real kill -9 of a service with its orphaned PostgreSQL is {@code dev.unibox.lifecycle.RestartAfterKillTest}.)
 */
class DataDirLifecycleTest {

  @TempDir
  Path temp;

  @Test
  void aSecondServerOnTheSameDirectoryIsRefusedClearlyAndTheFirstKeepsRunning() throws Exception {
    Path dir = temp.resolve("pg");
    EmbeddedPostgresServer first = OwnServer.start(dir);
    try {
      assertThatThrownBy(() -> OwnServer.start(dir))
          .isInstanceOf(DataDirLock.InUse.class)
          .hasMessageContaining("The data directory " + dir.toAbsolutePath() + " is already in use by another Unibox service")
          .hasMessageContaining("process " + ProcessHandle.current().pid());
      OwnServer.assertConnects(first.createDatabaseIfMissing("postgres"));
    } finally {
      first.stop();
    }
    // released on stop: the next service may start
    EmbeddedPostgresServer next = OwnServer.start(dir);
    next.stop();
  }

  @Test
  void aStalePidFileNamingAGoneOrUnrelatedProcessDoesNotStopTheStart() throws Exception {
    Path dir = temp.resolve("pg");
    OwnServer.start(dir).stop();
    Path pidFile = dir.resolve("postmaster.pid");
    assertThat(pidFile).doesNotExist();

    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    // after a reboot the pid may belong to another program (PostgreSQL itself would refuse to start then)
    Process unrelated = new ProcessBuilder("sleep", "600").start();
    try {
      for (long pid : new long[] {gone.pid(), unrelated.pid()}) {
        // what a power loss leaves: the pid file of a postmaster that no longer runs
        Files.writeString(pidFile, pid + "\n" + dir.toAbsolutePath() + "\n1700000000\n5432\n/tmp\nlocalhost\n  0 0\nready\n");
        EmbeddedPostgresServer server = OwnServer.start(dir);
        try {
          OwnServer.assertConnects(server.createDatabaseIfMissing("postgres"));
          assertThat(Files.readAllLines(pidFile).get(0)).isNotEqualTo(String.valueOf(pid));
        } finally {
          server.stop();
        }
      }
      assertThat(unrelated.isAlive()).as("the unrelated program is left alone").isTrue();
    } finally {
      unrelated.destroy();
    }
  }
}
