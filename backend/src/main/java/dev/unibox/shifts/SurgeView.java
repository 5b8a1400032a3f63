package dev.unibox.shifts;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;

/**
 * Where shifts meet surge mode (owned by the routing engine, issue 4): is the standby pool switched on,
 * and the state the supervisor console shows. Reads issue 4's {@code surge_state} row when that table
 * exists; without it surge is reported as unavailable and standby agents stay off.
 */
public interface SurgeView {

  /** {@code {available, active, mode, since, reason}} */
  Future<JsonObject> state(SqlClient client);

  default Future<Boolean> active(SqlClient client) {
    return state(client).map(s -> s.getBoolean("active", false));
  }

  SurgeView FROM_TABLE = client -> client.query("SELECT to_regclass('public.surge_state') IS NOT NULL AS present")
      .execute().compose(rows -> {
        if (!rows.iterator().next().getBoolean("present")) {
          return Future.succeededFuture(new JsonObject().put("available", false).put("active", false));
        }
        return client.query("SELECT * FROM surge_state WHERE id = 1").execute().map(r -> {
          if (r.size() == 0) {
            return new JsonObject().put("available", true).put("active", false);
          }
          Row row = r.iterator().next();
          JsonObject out = new JsonObject().put("available", true);
          for (int i = 0; i < row.size(); i++) {
            String col = row.getColumnName(i);
            Object v = row.getValue(i);
            if (!"id".equals(col)) {
              out.put(camel(col), v instanceof java.time.temporal.Temporal t ? t.toString() : v);
            }
          }
          return out;
        });
      });

  private static String camel(String snake) {
    StringBuilder b = new StringBuilder();
    boolean up = false;
    for (char ch : snake.toCharArray()) {
      if (ch == '_') {
        up = true;
      } else {
        b.append(up ? Character.toUpperCase(ch) : ch);
        up = false;
      }
    }
    return b.toString();
  }
}
