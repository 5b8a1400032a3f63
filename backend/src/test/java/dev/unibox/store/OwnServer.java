package dev.unibox.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.store.EmbeddedPostgresServer.Durability;
import io.vertx.pgclient.PgConnectOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** A store test's own embedded PostgreSQL on its own data directory (kept across starts), and the JDBC checks on it. */
final class OwnServer {

  private OwnServer() {}

  /** Starts a server on {@code dir}, keeping what is there (fsync off, as every test runs). */
  static EmbeddedPostgresServer start(Path dir) throws IOException {
    return EmbeddedPostgresServer.start(dir, false, Durability.FAST_FOR_TESTS);
  }

  static String jdbc(PgConnectOptions o) {
    return "jdbc:postgresql://localhost:" + o.getPort() + "/" + o.getDatabase();
  }

  /** Connects as the options' user with their password, and the connection works. */
  static void assertConnects(PgConnectOptions o) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbc(o), o.getUser(), o.getPassword())) {
      assertThat(c.isValid(5)).isTrue();
    }
  }
}
