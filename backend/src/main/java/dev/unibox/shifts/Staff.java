package dev.unibox.shifts;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/** Who is told about agents and rosters (conversation events use Change.audience). */
final class Staff {

  private static final String OVERSEERS = "SELECT id FROM users WHERE role IN ('supervisor', 'admin')";

  /**
   * Supervisors/admins who oversee an agent: every shop, a shop the agent serves (granted directly or
   * through a supervised team), or the agent's own team.
   */
  private static final String OVERSEERS_OF_AGENT = """
      SELECT s.id FROM users s, users a
      WHERE a.id = $1 AND s.role IN ('supervisor', 'admin')
        AND (s.all_accounts OR a.all_accounts
             OR s.id IN (SELECT ts.user_id FROM team_supervisors ts WHERE ts.team = a.team)
             OR EXISTS (SELECT 1 FROM user_accounts ua WHERE ua.user_id = a.id
                          AND (ua.account_id IN (SELECT account_id FROM user_accounts WHERE user_id = s.id)
                               OR ua.account_id IN (SELECT ta.account_id FROM team_supervisors ts
                                                    JOIN team_accounts ta ON ta.team = ts.team
                                                    WHERE ts.user_id = s.id))))""";

  private Staff() {}

  static Future<List<Long>> overseers(SqlClient c) {
    return c.query(OVERSEERS).execute().map(Staff::ids);
  }

  static Future<List<Long>> overseersOf(SqlClient c, long agentId) {
    return c.preparedQuery(OVERSEERS_OF_AGENT).execute(Tuple.of(agentId)).map(Staff::ids);
  }

  private static List<Long> ids(io.vertx.sqlclient.RowSet<io.vertx.sqlclient.Row> rows) {
    List<Long> out = new ArrayList<>();
    rows.forEach(r -> out.add(r.getLong(0)));
    return out;
  }
}
