package dev.unibox.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.pgclient.PgConnectOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL asks every local client for the password kept owner-only beside its data
 * directory; a directory made by an older version with trust is converted on start and keeps its data.
 */
class PasswordAuthTest {

  @TempDir
  Path temp;

  @Test
  void aNewDataDirectoryRefusesConnectionsWithoutItsPassword() throws Exception {
    Path dir = temp.resolve("pg");
    EmbeddedPostgresServer server = OwnServer.start(dir);
    try {
      PgConnectOptions o = server.createDatabaseIfMissing("postgres");
      Path passwordFile = DataDirFiles.postgresPassword(dir);
      assertThat(Files.getPosixFilePermissions(passwordFile)).isEqualTo(SecretFile.OWNER_ONLY);
      assertThat(o.getPassword()).isEqualTo(Files.readString(passwordFile).trim()).hasSizeGreaterThanOrEqualTo(32);

      assertRefusedWithoutPassword(o);
      assertThatThrownBy(() -> DriverManager.getConnection(OwnServer.jdbc(o), "postgres", "postgres").close())
          .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
      OwnServer.assertConnects(o);
    } finally {
      server.stop();
    }
  }

  @Test
  void aTrustDirectoryFromAnOlderVersionIsConvertedAndKeepsItsData() throws Exception {
    Path dir = temp.resolve("pg");
    // what earlier versions created: zonky's initdb with trust for every local connection
    try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false)
        .setRegisterShutdownHook(false).start();
         Connection c = old.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE kept (v text); INSERT INTO kept VALUES ('from before')");
    }
    assertThat(PasswordAuth.trustsAnyone(dir)).isTrue();

    EmbeddedPostgresServer server = OwnServer.start(dir);
    try {
      PgConnectOptions o = server.createDatabaseIfMissing("postgres");
      assertThat(PasswordAuth.trustsAnyone(dir)).isFalse();
      assertThat(Files.readString(dir.resolve("pg_hba.conf"))).contains("scram-sha-256");
      assertRefusedWithoutPassword(o);
      try (Connection c = DriverManager.getConnection(OwnServer.jdbc(o), "postgres", o.getPassword());
           Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT v FROM kept")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("from before");
      }
    } finally {
      server.stop();
    }
    // and the next start finds it converted (no second conversion, same password)
    EmbeddedPostgresServer again = OwnServer.start(dir);
    try {
      PgConnectOptions o = again.createDatabaseIfMissing("postgres");
      assertRefusedWithoutPassword(o);
      OwnServer.assertConnects(o);
    } finally {
      again.stop();
    }
  }

  private static void assertRefusedWithoutPassword(PgConnectOptions o) {
    assertThatThrownBy(() -> DriverManager.getConnection(OwnServer.jdbc(o) + "?user=postgres").close())
        .isInstanceOf(SQLException.class).hasMessageContaining("password");
  }
}
