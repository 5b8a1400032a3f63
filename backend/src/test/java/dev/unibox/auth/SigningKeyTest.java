package dev.unibox.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.store.Database;
import dev.unibox.store.SecretFile;
import dev.unibox.testing.Await;
import dev.unibox.testing.TestDatabases;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.pgclient.PgConnectOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The session signing key lives in config or an owner-only file, never in the database, and survives restarts. */
@ExtendWith(VertxExtension.class)
class SigningKeyTest {

  @TempDir
  Path temp;

  private static final String CONFIGURED = "configured-session-key-0123456789abcdef";

  @Test
  void withoutConfigurationTheKeyIsAnOwnerOnlyFileThatARestartReuses(Vertx vertx) throws Exception {
    Path keyFile = temp.resolve("pg.jwt.key");
    String key = ServerSecrets.jwtSecret("", keyFile);
    assertThat(Files.getPosixFilePermissions(keyFile)).isEqualTo(SecretFile.OWNER_ONLY);
    assertThat(key).hasSizeGreaterThanOrEqualTo(64).isEqualTo(Files.readString(keyFile));
    assertThat(Files.list(keyFile.getParent())).as("no temporary file left").containsExactly(keyFile);

    String token = new TokenService(vertx, key, 1, java.time.Clock.systemUTC()).issue(42, 0);
    TokenService afterRestart = new TokenService(vertx, ServerSecrets.jwtSecret("", keyFile), 1, java.time.Clock.systemUTC());
    assertThat(Await.result(afterRestart.verify(token)).userId()).isEqualTo(42L);
  }

  @Test
  void aConfiguredKeyWinsAndNoFileIsWritten() throws Exception {
    Path keyFile = temp.resolve("pg.jwt.key");
    assertThat(ServerSecrets.jwtSecret(CONFIGURED, keyFile)).isEqualTo(CONFIGURED);
    assertThat(keyFile).doesNotExist();
  }

  @Test
  void aKeyAnOlderVersionKeptInTheDatabaseMovesToTheFileSoItsTokensStayValid(Vertx vertx) throws Exception {
    Database db = TestDatabases.fresh(vertx);
    PgConnectOptions o = TestDatabases.options(db);
    assertThat(Await.result(db.pool().query("SELECT to_regclass('server_secrets') IS NULL").execute())
        .iterator().next().getBoolean(0)).as("V18 dropped the table").isTrue();
    String oldKey = "key-an-older-version-generated-and-kept-in-the-db";
    String oldToken = new TokenService(vertx, oldKey, 1, java.time.Clock.systemUTC()).issue(7, 0);
    Path keyFile = temp.resolve("pg.jwt.key");
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + o.getHost() + ":" + o.getPort() + "/"
        + o.getDatabase(), o.getUser(), o.getPassword()); Statement s = c.createStatement()) {
      // the database as the older version left it, before V18 runs
      s.execute("CREATE TABLE server_secrets (name text PRIMARY KEY, value text NOT NULL)");
      s.execute("INSERT INTO server_secrets VALUES ('jwt', '" + oldKey + "')");
      ServerSecrets.adoptKeyFromDatabase(c, keyFile);
    }
    assertThat(Files.getPosixFilePermissions(keyFile)).isEqualTo(SecretFile.OWNER_ONLY);
    TokenService upgraded = new TokenService(vertx, ServerSecrets.jwtSecret("", keyFile), 1, java.time.Clock.systemUTC());
    assertThat(Await.result(upgraded.verify(oldToken)).userId()).isEqualTo(7L);
    Await.result(db.close());
  }
}
