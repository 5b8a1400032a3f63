package dev.unibox.auth;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.security.SecureRandom;
import java.util.Base64;

/** The token signing key: from config, or generated once and kept in the database so restarts keep sessions. */
public final class ServerSecrets {

  private static final String INSERT_IF_MISSING =
      "INSERT INTO server_secrets (name, value) VALUES ('jwt', $1) ON CONFLICT (name) DO NOTHING";
  private static final String READ = "SELECT value FROM server_secrets WHERE name = 'jwt'";

  private ServerSecrets() {}

  public static Future<String> jwtSecret(SqlClient client, String configured) {
    if (configured != null && !configured.isBlank()) {
      return Future.succeededFuture(configured);
    }
    byte[] random = new byte[48];
    new SecureRandom().nextBytes(random);
    return client.preparedQuery(INSERT_IF_MISSING).execute(Tuple.of(Base64.getEncoder().encodeToString(random)))
        .compose(v -> client.query(READ).execute())
        .map(rows -> rows.iterator().next().getString("value"));
  }
}
