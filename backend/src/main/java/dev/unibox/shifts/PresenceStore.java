package dev.unibox.shifts;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;

/** SQL of agents' presence. */
final class PresenceStore {

  private static final String CHOOSE = """
      UPDATE users SET presence_choice = $2,
                       presence = CASE WHEN presence = 'offline' THEN 'offline' ELSE $2 END,
                       presence_at = $3
      WHERE id = $1""";

  private static final String AGENT = """
      SELECT id, username, display_name, role, presence, presence_choice, shift_state, team, active_count,
             max_concurrent
      FROM users WHERE id = $1""";

  private PresenceStore() {}

  /** The explicit switch; a user without a socket stays offline. */
  static Future<Void> choose(SqlConnection c, long userId, String status, Instant now) {
    return c.preparedQuery(CHOOSE).execute(Tuple.of(userId, status, now.atOffset(ZoneOffset.UTC))).mapEmpty();
  }

  /** The user as the console shows an agent, and whether they are one. */
  record Person(JsonObject json, boolean agent) {}

  static Future<Person> person(SqlConnection c, long userId) {
    return c.preparedQuery(AGENT).execute(Tuple.of(userId)).map(rows -> {
      Row r = rows.iterator().next();
      return new Person(agentJson(r), "agent".equals(r.getString("role")));
    });
  }

  static JsonObject agentJson(Row r) {
    return new JsonObject().put("id", r.getLong("id")).put("username", r.getString("username"))
        .put("displayName", r.getString("display_name")).put("presence", r.getString("presence"))
        .put("presenceChoice", r.getString("presence_choice")).put("shiftState", r.getString("shift_state"))
        .put("team", r.getString("team")).put("activeCount", r.getInteger("active_count"))
        .put("maxConcurrent", r.getInteger("max_concurrent"));
  }
}
