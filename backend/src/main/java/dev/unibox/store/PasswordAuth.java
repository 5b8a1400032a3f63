package dev.unibox.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL asks for a password on every connection (SCRAM-SHA-256), local socket and
 * loopback alike, so another local process cannot read or change the data. New directories are created
 * that way (initdb {@code --auth=scram-sha-256 --pwfile}); a directory made by an older version with
 * {@code trust} is converted on its first start: the password is set, every {@code trust} line of
 * {@code pg_hba.conf} becomes {@code scram-sha-256}, and the server reloads.
 */
final class PasswordAuth {

  private static final Logger LOG = LoggerFactory.getLogger(PasswordAuth.class);
  private static final Pattern TRUST = Pattern.compile("^(\\s*[^#\\s].*\\s)trust(\\s*)$");
  private static final long RELOAD_WAIT_NANOS = 30_000_000_000L;

  private PasswordAuth() {}

  static String newPassword() {
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }

  /** initdb's options (zonky passes its "locale" settings to initdb as {@code --key=value}). */
  static Map<String, String> initdbOptions(Path passwordFile) {
    return Map.of("auth", "scram-sha-256", "pwfile", passwordFile.toString());
  }

  static boolean trustsAnyone(Path dataDir) throws IOException {
    return Files.readAllLines(dataDir.resolve("pg_hba.conf")).stream().anyMatch(l -> TRUST.matcher(l).matches());
  }

  /** Converts a directory that trusts every local connection; nothing happens when it already asks. */
  static void requirePassword(EmbeddedPostgres postgres, Path dataDir, String password) throws IOException, SQLException {
    Path hba = dataDir.resolve("pg_hba.conf");
    if (!trustsAnyone(dataDir)) {
      return;
    }
    LOG.warn("{} lets any local process connect without a password (made by an older version): setting the "
        + "password from {} and switching it to scram-sha-256", dataDir, DataDirFiles.postgresPassword(dataDir));
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("SET password_encryption = 'scram-sha-256'");
      s.execute("ALTER ROLE postgres PASSWORD '" + password.replace("'", "''") + "'");
    }
    List<String> lines = Files.readAllLines(hba).stream()
        .map(l -> TRUST.matcher(l).replaceFirst("$1scram-sha-256$2")).toList();
    Path temp = hba.resolveSibling("pg_hba.conf.new");
    Files.write(temp, lines);
    Files.setPosixFilePermissions(temp, SecretFile.OWNER_ONLY);
    Files.move(temp, hba, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("SELECT pg_reload_conf()");
    }
    awaitPasswordRequired(postgres);
  }

  /** The reload is signalled, not awaited, by the server: wait until a connection without password fails. */
  private static void awaitPasswordRequired(EmbeddedPostgres postgres) throws SQLException {
    long deadline = System.nanoTime() + RELOAD_WAIT_NANOS;
    while (System.nanoTime() < deadline) {
      try (Connection open = postgres.getPostgresDatabase(Map.of()).getConnection()) {
        Thread.onSpinWait();
      } catch (SQLException refused) {
        return;
      }
    }
    throw new SQLException("PostgreSQL still accepts connections without a password after reloading pg_hba.conf");
  }
}
