package dev.unibox.users;

import dev.unibox.auth.CurrentUser;
import dev.unibox.web.ApiException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The SQL of user management: the users in a manager's reach, their fields, shops and audit trail. */
final class UserAdminStore {

  private static final String COLUMNS = """
      SELECT u.id, u.username, u.display_name, u.role, u.team, u.all_accounts, u.languages, u.platforms,
             u.max_concurrent, u.active_count, u.disabled, u.presence, u.password_temporary,
             ARRAY(SELECT ua.account_id FROM user_accounts ua WHERE ua.user_id = u.id ORDER BY 1) AS account_ids,
             ARRAY(SELECT ts.team FROM team_supervisors ts WHERE ts.user_id = u.id ORDER BY 1) AS led_teams
      FROM users u""";

  /** Admins: everyone; team leads: the agents of their teams. */
  private static final String IN_REACH = COLUMNS + """

      WHERE $1 OR (u.role = 'agent' AND u.team = ANY($2))
      ORDER BY u.display_name, u.id""";

  private static final String ONE = COLUMNS + " WHERE u.id = $1 FOR UPDATE OF u";

  private static final String SET_FIELDS = "UPDATE users SET display_name = $2, all_accounts = $3 WHERE id = $1";
  private static final String CLEAR_ACCOUNTS = "DELETE FROM user_accounts WHERE user_id = $1";
  private static final String ADD_ACCOUNTS = """
      INSERT INTO user_accounts (user_id, account_id) SELECT $1, id FROM accounts WHERE id = ANY($2)""";
  private static final String TEAM_EXISTS = "SELECT 1 FROM teams WHERE name = $1";

  private static final String AUDIT = """
      INSERT INTO user_audit (user_id, actor_user_id, action, changes, at) VALUES ($1, $2, $3, $4, $5)""";
  private static final String HISTORY = """
      SELECT a.id, a.action, a.changes, a.at, u.display_name AS actor
      FROM user_audit a LEFT JOIN users u ON u.id = a.actor_user_id
      WHERE a.user_id = $1 ORDER BY a.id DESC LIMIT 200""";

  private UserAdminStore() {}

  static Future<List<UserRow>> inReach(SqlClient c, CurrentUser actor) {
    return c.preparedQuery(IN_REACH).execute(Tuple.tuple().addBoolean(UserScope.admin(actor))
        .addArrayOfString(actor.ledTeams().toArray(String[]::new))).map(rows -> {
          List<UserRow> out = new ArrayList<>();
          rows.forEach(r -> out.add(UserRow.of(r)));
          return out;
        });
  }

  /** The user, locked for the rest of the transaction; a 404 when there is none. */
  static Future<UserRow> lock(SqlClient c, long id) {
    return c.preparedQuery(ONE).execute(Tuple.of(id)).compose(rows -> rows.size() == 0
        ? Future.failedFuture(ApiException.notFound("User")) : Future.succeededFuture(UserRow.of(rows.iterator().next())));
  }

  /** Display name and shops; the skills and the role are written by their own mechanisms. */
  static Future<Void> saveFields(SqlClient c, long id, UserForm form) {
    return c.preparedQuery(SET_FIELDS).execute(Tuple.of(id, form.displayName(), form.allAccounts()))
        .compose(v -> c.preparedQuery(CLEAR_ACCOUNTS).execute(Tuple.of(id)))
        .compose(v -> form.accounts().isEmpty() ? Future.succeededFuture()
            : c.preparedQuery(ADD_ACCOUNTS).execute(Tuple.tuple().addLong(id)
                .addArrayOfString(form.accounts().toArray(String[]::new))).compose(rows -> rows.rowCount()
                    == form.accounts().size() ? Future.succeededFuture()
                    : Future.failedFuture(ApiException.badRequest("unknown_accounts",
                        "Some shop accounts do not exist: " + form.accounts()))))
        .mapEmpty();
  }

  static Future<Void> requireTeam(SqlClient c, String team) {
    if (team == null) {
      return Future.succeededFuture();
    }
    return c.preparedQuery(TEAM_EXISTS).execute(Tuple.of(team)).compose(rows -> rows.size() == 1
        ? Future.succeededFuture() : Future.failedFuture(ApiException.badRequest("unknown_team", "No team named " + team)));
  }

  static Future<Void> audit(SqlClient c, long userId, long actorId, String action, JsonObject changes, Instant at) {
    return c.preparedQuery(AUDIT).execute(Tuple.tuple().addLong(userId).addLong(actorId).addString(action)
        .addJsonObject(changes).addOffsetDateTime(at.atOffset(ZoneOffset.UTC))).mapEmpty();
  }

  static Future<JsonArray> history(SqlClient c, long userId) {
    return c.preparedQuery(HISTORY).execute(Tuple.of(userId)).map(rows -> {
      JsonArray out = new JsonArray();
      for (Row r : rows) {
        Object changes = r.getValue("changes");
        out.add(new JsonObject().put("id", r.getLong("id")).put("action", r.getString("action"))
            .put("by", r.getString("actor")).put("at", r.getOffsetDateTime("at").toInstant().toString())
            .put("changes", changes instanceof JsonObject j ? j : new JsonObject(String.valueOf(changes))));
      }
      return out;
    });
  }

  /** {field: {from, to}} for every field that differs. */
  static JsonObject diff(JsonObject before, JsonObject after) {
    JsonObject out = new JsonObject();
    for (String field : after.fieldNames()) {
      Object from = before.getValue(field);
      Object to = after.getValue(field);
      if (!java.util.Objects.equals(from, to)) {
        out.put(field, new JsonObject().put("from", from).put("to", to));
      }
    }
    return out;
  }
}
