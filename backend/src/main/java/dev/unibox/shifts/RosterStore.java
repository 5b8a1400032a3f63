package dev.unibox.shifts;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** SQL of the roster: shifts, their agents, the standby pool, and where the roster came from. */
final class RosterStore {

  private static final String META = "SELECT source, zone, edited_at FROM roster_meta WHERE id = 1";
  private static final String SHIFTS = "SELECT name, start_time, end_time, zone, lead FROM shifts ORDER BY position, name";
  private static final String SHIFT_AGENTS = "SELECT shift_name, username FROM shift_agents ORDER BY shift_name, username";
  private static final String STANDBY = "SELECT username FROM standby_agents ORDER BY username";

  private static final String LOCK_META = "SELECT source FROM roster_meta WHERE id = 1 FOR UPDATE";
  private static final String CLEAR_SHIFTS = "DELETE FROM shifts";
  private static final String CLEAR_STANDBY = "DELETE FROM standby_agents";
  private static final String INSERT_SHIFT = """
      INSERT INTO shifts (name, position, start_time, end_time, zone, lead) VALUES ($1, $2, $3, $4, $5, $6)""";
  private static final String INSERT_AGENT = "INSERT INTO shift_agents (shift_name, username) VALUES ($1, $2)";
  private static final String INSERT_STANDBY = "INSERT INTO standby_agents (username) VALUES ($1)";
  private static final String SET_META = """
      UPDATE roster_meta SET source = $1, zone = $2, edited_by = $3, edited_at = $4 WHERE id = 1""";

  private static final String SET_STATES = """
      UPDATE users u SET shift_state = s.state
      FROM (SELECT unnest($1::text[]) AS username, unnest($2::text[]) AS state) s
      WHERE u.username = s.username AND u.shift_state <> s.state
      RETURNING u.id, u.shift_state""";

  private static final String UNROSTER = """
      UPDATE users SET shift_state = 'unrostered'
      WHERE shift_state <> 'unrostered' AND NOT (username = ANY($1))
      RETURNING id""";

  private static final String KNOWN_USERS = "SELECT username FROM users WHERE username = ANY($1)";

  private RosterStore() {}

  /** Those of the names no user has, sorted. */
  static Future<List<String>> unknownUsers(SqlClient c, Collection<String> names) {
    return c.preparedQuery(KNOWN_USERS).execute(Tuple.tuple().addArrayOfString(names.toArray(String[]::new)))
        .map(rows -> {
          Set<String> unknown = new TreeSet<>(names);
          rows.forEach(r -> unknown.remove(r.getString(0)));
          return List.copyOf(unknown);
        });
  }

  record Meta(String source, Instant editedAt) {}

  /**
   * Sets the rostered users' states and unrosters everyone else ({@code users.shift_state}).
   *
   * @return true when someone became routable (or was unrostered: their chats may need another agent)
   */
  static Future<Boolean> writeStates(SqlClient c, List<String> names, List<String> states) {
    String[] users = names.toArray(String[]::new);
    return c.preparedQuery(SET_STATES).execute(Tuple.tuple().addArrayOfString(users)
            .addArrayOfString(states.toArray(String[]::new)))
        .compose(changed -> c.preparedQuery(UNROSTER).execute(Tuple.tuple().addArrayOfString(users))
            .map(unrostered -> {
              boolean routable = unrostered.size() > 0;
              for (Row r : changed) {
                routable |= Roster.routable(r.getString("shift_state"));
              }
              return routable;
            }));
  }

  static Future<Meta> meta(SqlClient c) {
    return c.query(META).execute().map(rows -> {
      Row r = rows.iterator().next();
      var at = r.getOffsetDateTime("edited_at");
      return new Meta(r.getString("source"), at == null ? null : at.toInstant());
    });
  }

  /** Holds the roster's row until the caller's transaction ends (every edit takes it too). */
  static Future<Void> lock(SqlClient c) {
    return c.query(LOCK_META).execute().mapEmpty();
  }

  static Future<Roster> load(SqlClient c) {
    return c.query(META).execute().compose(meta -> c.query(SHIFTS).execute()
        .compose(shifts -> c.query(SHIFT_AGENTS).execute()
            .compose(agents -> c.query(STANDBY).execute().map(standby -> {
              ZoneId zone = ZoneId.of(meta.iterator().next().getString("zone"));
              Map<String, List<String>> byShift = new LinkedHashMap<>();
              agents.forEach(r -> byShift.computeIfAbsent(r.getString("shift_name"), k -> new ArrayList<>())
                  .add(r.getString("username")));
              List<Roster.Shift> out = new ArrayList<>();
              for (Row r : shifts) {
                String name = r.getString("name");
                out.add(new Roster.Shift(name, r.getLocalTime("start_time"), r.getLocalTime("end_time"),
                    ZoneId.of(r.getString("zone")), r.getString("lead"), byShift.getOrDefault(name, List.of())));
              }
              List<String> pool = new ArrayList<>();
              standby.forEach(r -> pool.add(r.getString("username")));
              return new Roster(zone, out, pool);
            }))));
  }

  /** Replaces the whole roster in the caller's transaction. */
  static Future<Void> replace(SqlConnection c, Roster roster, String source, Long editedBy, Instant at) {
    Future<Void> chain = lock(c)
        .compose(v -> c.query(CLEAR_SHIFTS).execute())
        .compose(v -> c.query(CLEAR_STANDBY).execute()).mapEmpty();
    int position = 0;
    for (Roster.Shift s : roster.shifts()) {
      int pos = position++;
      chain = chain.compose(v -> c.preparedQuery(INSERT_SHIFT).execute(Tuple.from(new Object[] {s.name(), pos,
          s.start(), s.end(), s.zone().getId(), s.lead()})).mapEmpty());
      if (!s.agents().isEmpty()) {
        List<Tuple> batch = s.agents().stream().map(u -> Tuple.of(s.name(), u)).toList();
        chain = chain.compose(v -> c.preparedQuery(INSERT_AGENT).executeBatch(batch).mapEmpty());
      }
    }
    if (!roster.standby().isEmpty()) {
      List<Tuple> batch = roster.standby().stream().map(Tuple::of).toList();
      chain = chain.compose(v -> c.preparedQuery(INSERT_STANDBY).executeBatch(batch).mapEmpty());
    }
    return chain.compose(v -> c.preparedQuery(SET_META).execute(Tuple.from(new Object[] {source,
        roster.zone().getId(), editedBy, at == null ? null : at.atOffset(ZoneOffset.UTC)}))).mapEmpty();
  }

}
