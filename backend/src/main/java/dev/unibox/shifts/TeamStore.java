package dev.unibox.shifts;

import dev.unibox.web.ApiException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
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

  private static final String TEAM_EXISTS = "SELECT 1 FROM teams WHERE name = $1";

  private static final String TEAMS = """
      SELECT t.name, t.display_name,
             ARRAY(SELECT account_id FROM team_accounts WHERE team = t.name ORDER BY account_id) AS accounts,
             ARRAY(SELECT u.username FROM team_supervisors ts JOIN users u ON u.id = ts.user_id WHERE ts.team = t.name
                   ORDER BY u.username) AS supervisors,
             ARRAY(SELECT username FROM users WHERE team = t.name AND role = 'agent' ORDER BY username) AS agents
      FROM teams t ORDER BY t.name""";

  private TeamStore() {}

  static Future<Boolean> exists(SqlClient c, String team) {
    return c.preparedQuery(TEAM_EXISTS).execute(Tuple.of(team)).map(rows -> rows.size() == 1);
  }

  /** Every team with its shops, supervisors and agents, by name. */
  static Future<JsonArray> all(SqlClient c) {
    return c.query(TEAMS).execute().map(rows -> {
      JsonArray out = new JsonArray();
      for (Row r : rows) {
        out.add(new JsonObject().put("name", r.getString("name")).put("displayName", r.getString("display_name"))
            .put("accounts", new JsonArray(List.of(r.getArrayOfStrings("accounts"))))
            .put("supervisors", new JsonArray(List.of(r.getArrayOfStrings("supervisors"))))
            .put("agents", new JsonArray(List.of(r.getArrayOfStrings("agents")))));
      }
      return out;
    });
  }

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
