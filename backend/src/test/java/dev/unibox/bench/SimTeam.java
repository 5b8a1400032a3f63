package dev.unibox.bench;

import dev.unibox.planning.Scenario;
import dev.unibox.shifts.ShiftPlan;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A scenario's team as users with language skills, and its shift plan (agents named after their shift). */
record SimTeam(ShiftPlan plan, Map<String, List<String>> languages) {

  static SimTeam of(Scenario s) {
    Map<String, List<String>> languages = new java.util.LinkedHashMap<>();
    List<ShiftPlan.Shift> shifts = new ArrayList<>();
    for (Scenario.Shift shift : s.team().shifts()) {
      List<String> names = new ArrayList<>();
      for (int i = 0; i < shift.agents().size(); i++) {
        String name = shift.name() + "-" + i;
        languages.put(name, shift.agents().get(i));
        names.add(name);
      }
      shifts.add(new ShiftPlan.Shift(shift.name(), shift.start(), shift.end(), shift.name() + "-lead", names));
    }
    List<String> standby = new ArrayList<>();
    for (int i = 0; i < s.team().standby().size(); i++) {
      languages.put("standby-" + i, s.team().standby().get(i));
      standby.add("standby-" + i);
    }
    return new SimTeam(new ShiftPlan(s.zone(), shifts, standby), languages);
  }

  /** Inserts every agent (online, all shops) and one supervisor; returns the agents' ids by username. */
  Map<String, Long> insert(Pool pool, int capacity) throws Exception {
    Map<String, Long> ids = new HashMap<>();
    for (Map.Entry<String, List<String>> a : languages.entrySet()) {
      ids.put(a.getKey(), SimDay.await(pool.preparedQuery("""
          INSERT INTO users (username, display_name, role, password_hash, all_accounts, max_concurrent, presence, languages)
          VALUES ($1, $1, 'agent', 'x', true, $2, 'online', $3) RETURNING id""")
          .execute(Tuple.tuple().addString(a.getKey()).addInteger(capacity)
              .addArrayOfString(a.getValue().toArray(String[]::new)))).iterator().next().getLong(0));
    }
    SimDay.await(pool.query("""
        INSERT INTO users (username, display_name, role, password_hash, all_accounts, max_concurrent)
        VALUES ('lead', 'Team lead', 'supervisor', 'x', true, 0)""").execute());
    SimDay.await(pool.query("INSERT INTO event_cursors (user_id) SELECT id FROM users").execute());
    return ids;
  }
}
