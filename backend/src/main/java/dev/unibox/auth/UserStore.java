package dev.unibox.auth;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Users, their roles, shop scope and presence. */
public final class UserStore {

  private static final String BY_USERNAME = "SELECT id, password_hash FROM users WHERE username = $1";

  /** Shops granted directly, plus (for supervisors) the shops of the teams they supervise. */
  private static final String CURRENT = """
      SELECT u.id, u.username, u.display_name, u.role, u.all_accounts,
             ARRAY(SELECT ua.account_id FROM user_accounts ua WHERE ua.user_id = u.id
                   UNION
                   SELECT ta.account_id FROM team_supervisors ts JOIN team_accounts ta ON ta.team = ts.team
                   WHERE ts.user_id = u.id) AS account_ids
      FROM users u
      WHERE u.id = $1""";

  private static final String INSERT = """
      INSERT INTO users (username, display_name, role, password_hash, all_accounts, max_concurrent)
      VALUES ($1, $2, $3, $4, $5, $6)
      ON CONFLICT (username) DO NOTHING
      RETURNING id""";

  private static final String GRANT_ACCOUNT =
      "INSERT INTO user_accounts (user_id, account_id) VALUES ($1, $2) ON CONFLICT DO NOTHING";

  private static final String ADMIN_EXISTS = "SELECT 1 FROM users WHERE role = 'admin' LIMIT 1";

  /** Socket-driven: "online" means the agent's own choice (online or away), see shifts.Presence. */
  private static final String SET_PRESENCE =
      "UPDATE users SET presence = CASE WHEN $2 = 'online' THEN presence_choice ELSE $2 END WHERE id = $1";

  private static final String ALL_OFFLINE = "UPDATE users SET presence = 'offline' WHERE presence <> 'offline'";

  private UserStore() {}

  public record Credentials(long id, String passwordHash) {}

  public static Future<Credentials> credentials(SqlClient client, String username) {
    return client.preparedQuery(BY_USERNAME).execute(Tuple.of(username)).map(rows -> {
      if (rows.size() == 0) {
        return null;
      }
      Row r = rows.iterator().next();
      return new Credentials(r.getLong("id"), r.getString("password_hash"));
    });
  }

  public static Future<CurrentUser> current(SqlClient client, long id) {
    return client.preparedQuery(CURRENT).execute(Tuple.of(id)).map(rows -> {
      if (rows.size() == 0) {
        return null;
      }
      Row r = rows.iterator().next();
      Set<String> accounts = new HashSet<>(Arrays.asList(r.getArrayOfStrings("account_ids")));
      return new CurrentUser(r.getLong("id"), r.getString("username"), r.getString("display_name"),
          r.getString("role"), r.getBoolean("all_accounts"), Set.copyOf(accounts));
    });
  }

  /** Creates the user unless the username exists; returns its id, or null when it already existed. */
  public static Future<Long> create(SqlClient client, String username, String displayName, String role,
                                    String password, boolean allAccounts, int maxConcurrent) {
    // bcrypt takes tens of milliseconds by design (seconds on a loaded machine): never on an event loop
    io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
    Future<String> hashed = context == null ? Future.succeededFuture(PasswordHasher.hash(password))
        : context.executeBlocking(() -> PasswordHasher.hash(password), false);
    return hashed.compose(hash -> client.preparedQuery(INSERT)
        .execute(Tuple.from(new Object[] {username, displayName, role, hash, allAccounts, maxConcurrent})))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getLong("id"));
  }

  public static Future<Void> grantAccounts(SqlClient client, long userId, List<String> accountIds) {
    Future<Void> chain = Future.succeededFuture();
    for (String accountId : accountIds) {
      chain = chain.compose(v -> client.preparedQuery(GRANT_ACCOUNT).execute(Tuple.of(userId, accountId)).mapEmpty());
    }
    return chain;
  }

  public static Future<Boolean> adminExists(SqlClient client) {
    return client.query(ADMIN_EXISTS).execute().map(rows -> rows.size() > 0);
  }

  public static Future<Void> setPresence(SqlClient client, long userId, String presence) {
    return client.preparedQuery(SET_PRESENCE).execute(Tuple.of(userId, presence)).mapEmpty();
  }

  /** Single node: nobody holds a socket at start. (Several nodes need per-node presence; see docs.) */
  public static Future<Void> everyoneOffline(SqlClient client) {
    return client.query(ALL_OFFLINE).execute().mapEmpty();
  }

  public static JsonObject json(CurrentUser u) {
    return new JsonObject().put("id", u.id()).put("username", u.username()).put("displayName", u.displayName())
        .put("role", u.role());
  }
}
