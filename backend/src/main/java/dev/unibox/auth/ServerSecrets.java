package dev.unibox.auth;

import dev.unibox.store.SecretFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;

/**
 * The token signing key, never kept in the database (whoever reads the database could otherwise forge an
 * admin's token): {@code auth.jwtSecret} ({@code UNIBOX_AUTH_JWTSECRET}) when set, else an owner-only key
 * file created on the first start, so restarts keep sessions. Blocking file work: call off the event loop.
 */
public final class ServerSecrets {

  private ServerSecrets() {}

  public static String jwtSecret(String configured, Path keyFile) throws IOException {
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    return SecretFile.readOrCreate(keyFile, ServerSecrets::newKey);
  }

  private static String newKey() {
    byte[] random = new byte[48];
    new SecureRandom().nextBytes(random);
    return Base64.getEncoder().encodeToString(random);
  }

  /**
   * Runs before the migrations: a key an older version kept in {@code server_secrets} (dropped by V18) moves
   * into the key file, so tokens issued before the upgrade stay valid. Nothing to do once the file exists.
   */
  public static void adoptKeyFromDatabase(Connection c, Path keyFile) throws SQLException, IOException {
    if (Files.exists(keyFile)) {
      return;
    }
    try (Statement s = c.createStatement();
         ResultSet table = s.executeQuery("SELECT to_regclass('server_secrets') IS NOT NULL")) {
      if (!table.next() || !table.getBoolean(1)) {
        return;
      }
    }
    try (Statement s = c.createStatement();
         ResultSet key = s.executeQuery("SELECT value FROM server_secrets WHERE name = 'jwt'")) {
      if (key.next()) {
        SecretFile.write(keyFile, key.getString(1));
      }
    }
  }
}
