package dev.unibox.shifts;

import dev.unibox.web.ApiException;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.List;

/** Teams: the shops each serves, who supervises it, which agents work in it (users.team). */
public final class TeamStore {

  private static final String UPSERT = """
      INSERT INTO teams (name, display_name) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET display_name = $2""";
  private static final String CLEAR_ACCOUNTS = "DELETE FROM team_accounts WHERE team = $1";
  private static final String ADD_ACCOUNTS = """
      INSERT INTO team_accounts (team, account_id) SELECT $1, id FROM accounts WHERE id = ANY($2) RETURNING account_id""";
  private static final String CLEAR_SUPERVISORS = "DELETE FROM team_supervisors WHERE team = $1";
  private static final String ADD_SUPERVISORS = """
      INSERT INTO team_supervisors (team, user_id)
      SELECT $1, id FROM users WHERE username = ANY($2) AND role IN ('supervisor', 'admin') RETURNING user_id""";
  private static final String CLEAR_AGENTS = "UPDATE users SET team = NULL WHERE team = $1 AND role = 'agent'";
  private static final String SET_AGENTS = """
      UPDATE users SET team = $1 WHERE username = ANY($2) AND role = 'agent' RETURNING username""";

  private TeamStore() {}

  /** Replaces one team; unknown shops, non-supervisors or non-agents are a 400 and change nothing. */
  public static Future<Void> replace(Pool pool, String name, String display, List<String> accounts,
                                    List<String> supervisors, List<String> agents) {
    return pool.withTransaction(c -> c.preparedQuery(UPSERT).execute(Tuple.of(name, display))
        .compose(v -> c.preparedQuery(CLEAR_ACCOUNTS).execute(Tuple.of(name)))
        .compose(v -> expect(c, ADD_ACCOUNTS, name, accounts, "shop accounts"))
        .compose(v -> c.preparedQuery(CLEAR_SUPERVISORS).execute(Tuple.of(name)))
        .compose(v -> expect(c, ADD_SUPERVISORS, name, supervisors, "supervisors"))
        .compose(v -> c.preparedQuery(CLEAR_AGENTS).execute(Tuple.of(name)))
        .compose(v -> expect(c, SET_AGENTS, name, agents, "agents")));
  }

  private static Future<Void> expect(SqlConnection c, String sql, String team, List<String> names, String what) {
    if (names.isEmpty()) {
      return Future.succeededFuture();
    }
    return c.preparedQuery(sql).execute(Tuple.tuple().addString(team).addArrayOfString(names.toArray(String[]::new)))
        .compose(rows -> {
          if (rows.rowCount() == names.size()) {
            return Future.succeededFuture();
          }
          return Future.failedFuture(ApiException.badRequest("bad_team",
              "Some " + what + " are unknown (or have the wrong role): " + names));
        });
  }

}
