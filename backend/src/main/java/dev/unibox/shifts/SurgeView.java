package dev.unibox.shifts;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;

/**
 * Where shifts meet surge mode (owned by the SLA clock): is surge on, calling which standby agents (or held off by a
 * supervisor), and the state the supervisor console shows, read from the {@code surge_state} row.
 */
public interface SurgeView {

  /** {@code {available, active, mode, since, reason, called}}; called null while on: the whole pool. */
  Future<JsonObject> state(SqlClient client);

  SurgeView FROM_TABLE = client -> client.query("SELECT * FROM surge_state WHERE id = 1").execute().map(r -> {
    JsonObject out = new JsonObject().put("available", true);
    if (r.size() == 0) {
      return out.put("active", false);
    }
    Row row = r.iterator().next();
    for (int i = 0; i < row.size(); i++) {
      String col = row.getColumnName(i);
      Object v = row.getValue(i);
      if (!"id".equals(col)) {
        out.put(camel(col), v instanceof java.time.temporal.Temporal t ? t.toString()
            : v instanceof Object[] a ? new io.vertx.core.json.JsonArray(java.util.List.of(a)) : v);
      }
    }
    return out;
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
