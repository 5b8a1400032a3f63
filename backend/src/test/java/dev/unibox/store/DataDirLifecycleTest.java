package dev.unibox.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.unibox.store.EmbeddedPostgresServer.Durability;
import io.vertx.pgclient.PgConnectOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
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
    EmbeddedPostgresServer first = EmbeddedPostgresServer.start(dir, false, Durability.FAST_FOR_TESTS);
    try {
      assertThatThrownBy(() -> EmbeddedPostgresServer.start(dir, false, Durability.FAST_FOR_TESTS))
          .isInstanceOf(DataDirLock.InUse.class)
          .hasMessageContaining("The data directory " + dir.toAbsolutePath() + " is already in use by another Unibox service")
          .hasMessageContaining("process " + ProcessHandle.current().pid());
      assertConnects(first.createDatabaseIfMissing("postgres"));
    } finally {
      first.stop();
    }
    // released on stop: the next service may start
    EmbeddedPostgresServer next = EmbeddedPostgresServer.start(dir, false, Durability.FAST_FOR_TESTS);
    next.stop();
  }

  @Test
  void aStalePidFileNamingAGoneOrUnrelatedProcessDoesNotStopTheStart() throws Exception {
    Path dir = temp.resolve("pg");
    EmbeddedPostgresServer.start(dir, false, Durability.FAST_FOR_TESTS).stop();
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
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, false, Durability.FAST_FOR_TESTS);
        try {
          assertConnects(server.createDatabaseIfMissing("postgres"));
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

  private static void assertConnects(PgConnectOptions o) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + o.getPort() + "/"
        + o.getDatabase(), o.getUser(), o.getPassword())) {
      assertThat(c.isValid(5)).isTrue();
    }
  }
}
