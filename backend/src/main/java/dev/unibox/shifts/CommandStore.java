package dev.unibox.shifts;

import dev.unibox.auth.CurrentUser;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** SQL of {@code supervisor_commands}: who did what, to which conversations, why, and what came of it. */
final class CommandStore {

  private static final String RECORD = """
      INSERT INTO supervisor_commands (actor_user_id, command, conversation_ids, target_user_id, reason, result, at)
      VALUES ($1, $2, $3, $4, $5, $6, $7)""";

  private static final String COMMANDS = """
      SELECT sc.id, sc.command, sc.conversation_ids, sc.target_user_id, sc.reason, sc.result, sc.at,
             a.display_name AS actor, t.display_name AS target
      FROM supervisor_commands sc JOIN users a ON a.id = sc.actor_user_id LEFT JOIN users t ON t.id = sc.target_user_id
      WHERE $1 OR sc.actor_user_id = $2
      ORDER BY sc.id DESC LIMIT 100""";

  private CommandStore() {}

  static Future<Void> record(SqlClient c, CurrentUser user, String command, List<Long> ids, Long target,
                             String reason, JsonObject result, Instant at) {
    return c.preparedQuery(RECORD).execute(Tuple.tuple().addLong(user.id()).addString(command)
        .addArrayOfLong(ids.toArray(Long[]::new)).addLong(target).addString(reason).addJsonObject(result)
        .addOffsetDateTime(at.atOffset(ZoneOffset.UTC))).mapEmpty();
  }

  /** The newest 100 commands: all of them for admins and all-shop supervisors, else the user's own. */
  static Future<JsonArray> recent(SqlClient c, CurrentUser user) {
    return c.preparedQuery(COMMANDS).execute(Tuple.of("admin".equals(user.role()) || user.allAccounts(), user.id()))
        .map(rows -> {
          JsonArray out = new JsonArray();
          for (Row r : rows) {
            JsonArray ids = new JsonArray();
            for (Long id : r.getArrayOfLongs("conversation_ids")) {
              ids.add(id);
            }
            Object result = r.getValue("result");
            out.add(new JsonObject().put("id", r.getLong("id")).put("command", r.getString("command"))
                .put("by", r.getString("actor")).put("target", r.getString("target")).put("conversationIds", ids)
                .put("reason", r.getString("reason")).put("at", r.getOffsetDateTime("at").toInstant().toString())
                .put("result", result instanceof JsonObject j ? j : new JsonObject(String.valueOf(result))));
          }
          return out;
        });
  }
}
