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

  /** A disabled user cannot log in (the same answer as a wrong password). */
  private static final String BY_USERNAME =
      "SELECT id, password_hash, token_version FROM users WHERE username = $1 AND NOT disabled";

  /** Shops granted directly, plus (for supervisors) the shops of the teams they supervise. */
  private static final String CURRENT = """
      SELECT u.id, u.username, u.display_name, u.role, u.all_accounts,
             ARRAY(SELECT ua.account_id FROM user_accounts ua WHERE ua.user_id = u.id
                   UNION
                   SELECT ta.account_id FROM team_supervisors ts JOIN team_accounts ta ON ta.team = ts.team
                   WHERE ts.user_id = u.id) AS account_ids,
             ARRAY(SELECT ts.team FROM team_supervisors ts WHERE ts.user_id = u.id) AS led_teams,
             u.password_temporary
      FROM users u
      WHERE u.id = $1""";

  /** The user behind a token: only while the token's version is current and the user is not disabled. */
  private static final String SESSION = CURRENT + " AND u.token_version = $2 AND NOT u.disabled";

  private static final String REVOKE = "UPDATE users SET token_version = token_version + 1 WHERE id = $1";

  /** The trigger of V19 bumps token_version on each of these three changes. */
  private static final String SET_PASSWORD =
      "UPDATE users SET password_hash = $2, password_temporary = $3 WHERE id = $1 RETURNING token_version";
  private static final String MARK_TEMPORARY = "UPDATE users SET password_temporary = true WHERE id = $1";
  private static final String SET_ROLE = "UPDATE users SET role = $2 WHERE id = $1 AND role <> $2 RETURNING id";
  private static final String SET_DISABLED = "UPDATE users SET disabled = $2 WHERE id = $1 AND disabled <> $2 RETURNING id";
  private static final String HASH_OF = "SELECT password_hash FROM users WHERE id = $1";

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

  public record Credentials(long id, String passwordHash, int tokenVersion) {}

  public static Future<Credentials> credentials(SqlClient client, String username) {
    return client.preparedQuery(BY_USERNAME).execute(Tuple.of(username)).map(rows -> {
      if (rows.size() == 0) {
        return null;
      }
      Row r = rows.iterator().next();
      return new Credentials(r.getLong("id"), r.getString("password_hash"), r.getInteger("token_version"));
    });
  }

  public static Future<CurrentUser> current(SqlClient client, long id) {
    return client.preparedQuery(CURRENT).execute(Tuple.of(id)).map(UserStore::firstUser);
  }

  /** @return the user, or null when the token version is stale (revoked), the user disabled or gone */
  public static Future<CurrentUser> session(SqlClient client, long id, int tokenVersion) {
    return client.preparedQuery(SESSION).execute(Tuple.of(id, tokenVersion)).map(UserStore::firstUser);
  }

  private static CurrentUser firstUser(io.vertx.sqlclient.RowSet<Row> rows) {
    if (rows.size() == 0) {
      return null;
    }
    Row r = rows.iterator().next();
    Set<String> accounts = new HashSet<>(Arrays.asList(r.getArrayOfStrings("account_ids")));
    return new CurrentUser(r.getLong("id"), r.getString("username"), r.getString("display_name"),
        r.getString("role"), r.getBoolean("all_accounts"), Set.copyOf(accounts),
        Set.of(r.getArrayOfStrings("led_teams")), r.getBoolean("password_temporary"));
  }

  /** Ends every session of the user (logout). */
  public static Future<Void> revokeSessions(SqlClient client, long id) {
    return client.preparedQuery(REVOKE).execute(Tuple.of(id)).mapEmpty();
  }

  public static Future<String> passwordHash(SqlClient client, long id) {
    return client.preparedQuery(HASH_OF).execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString(0));
  }

  /**
   * @param temporary set by someone else (an admin's reset): the user must change it at the next login
   * @return the new token version (every earlier token is revoked)
   */
  public static Future<Integer> setPasswordHash(SqlClient client, long id, String hash, boolean temporary) {
    return client.preparedQuery(SET_PASSWORD).execute(Tuple.of(id, hash, temporary))
        .map(rows -> rows.iterator().next().getInteger(0));
  }

  /** A new user's first password, chosen by the admin who created them, must be changed at the first login. */
  public static Future<Void> markPasswordTemporary(SqlClient client, long id) {
    return client.preparedQuery(MARK_TEMPORARY).execute(Tuple.of(id)).mapEmpty();
  }

  /** @return whether the role changed (and so the user's sessions were revoked) */
  public static Future<Boolean> setRole(SqlClient client, long id, String role) {
    return client.preparedQuery(SET_ROLE).execute(Tuple.of(id, role)).map(rows -> rows.size() > 0);
  }

  /** @return whether the flag changed (disabling revokes the user's sessions) */
  public static Future<Boolean> setDisabled(SqlClient client, long id, boolean disabled) {
    return client.preparedQuery(SET_DISABLED).execute(Tuple.of(id, disabled)).map(rows -> rows.size() > 0);
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
        .put("role", u.role()).put("mustChangePassword", u.mustChangePassword()).put("allAccounts", u.allAccounts());
  }
}
