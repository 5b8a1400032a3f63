package dev.unibox.shifts;

import dev.unibox.events.EventNames;
import dev.unibox.events.PendingEvents;
import dev.unibox.signals.Kicks;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The roster in force: imported from {@code config/shifts.yaml} at start until someone edits it in the
 * web app, then the database copy. Keeps {@code users.shift_state} in step with it (the column the
 * router reads to route only to agents on shift, or standby agents while surge is on).
 */
public final class Rosters implements ShiftRoster {

  private static final String SET_STATES = """
      UPDATE users u SET shift_state = s.state
      FROM (SELECT unnest($1::text[]) AS username, unnest($2::text[]) AS state) s
      WHERE u.username = s.username AND u.shift_state <> s.state
      RETURNING u.id, u.shift_state""";

  private static final String UNROSTER = """
      UPDATE users SET shift_state = 'unrostered'
      WHERE shift_state <> 'unrostered' AND NOT (username = ANY($1))
      RETURNING id""";

  private final Vertx vertx;
  private final Pool pool;
  private final Clock clock;
  private final java.util.function.Supplier<Roster> configured;
  private final SurgeView surge;
  private final AtomicReference<Roster> current = new AtomicReference<>(Roster.empty());

  public Rosters(Vertx vertx, Pool pool, Clock clock, Path configFile, SurgeView surge) {
    this(vertx, pool, clock, () -> RosterFile.load(configFile), surge);
  }

  /** @param configured the roster as configured, imported until someone edits it in the web app */
  public Rosters(Vertx vertx, Pool pool, Clock clock, java.util.function.Supplier<Roster> configured,
                 SurgeView surge) {
    this.vertx = vertx;
    this.pool = pool;
    this.clock = clock;
    this.configured = configured;
    this.surge = surge;
  }

  /** Imports the config file unless the roster was edited in the web app; then loads it and writes the states. */
  public Future<Roster> start() {
    return RosterStore.meta(pool).compose(meta -> {
      if ("config".equals(meta.source())) {
        Roster fromFile = configured.get();
        return pool.withTransaction(c -> RosterStore.replace(c, fromFile, "config", null, null));
      }
      return Future.succeededFuture();
    }).compose(v -> refreshStates());
  }

  @Override
  public Roster roster() {
    return current.get();
  }

  public SurgeView surge() {
    return surge;
  }

  /** Replaces the roster from the web app and writes the states it gives; everyone overseeing is told. */
  public Future<Roster> replace(Roster roster, long editorId) {
    Instant now = clock.instant();
    PendingEvents events = new PendingEvents();
    return pool.withTransaction(c -> RosterStore.replace(c, roster, "web", editorId, now)
            .compose(v -> Staff.overseers(c))
            .compose(ids -> events.append(c, ids, EventNames.ROSTER_UPDATED,
                new JsonObject().put("roster", RosterFile.json(roster)), now))
            .compose(v -> writeStates(c, roster, now)))
        .map(routable -> afterCommit(roster, routable, events));
  }

  /**
   * Re-reads the stored roster (another node or a restart may have changed it) and writes every user's
   * state from it, under the roster's row lock: an edit waits for a refresh in progress and a refresh
   * after it reads the edit, so no refresh can write states from a roster older than the one stored.
   */
  @Override
  public Future<Roster> refreshStates() {
    Instant now = clock.instant();
    return pool.withTransaction(c -> RosterStore.lock(c).compose(v -> RosterStore.load(c))
            .compose(roster -> writeStates(c, roster, now).map(routable -> Map.entry(roster, routable))))
        .map(done -> afterCommit(done.getKey(), done.getValue(), null));
  }

  private Roster afterCommit(Roster roster, boolean routable, PendingEvents events) {
    current.set(roster);
    if (events != null) {
      events.publish(vertx);
    }
    if (routable) {
      Kicks.routing(vertx);
    }
    return roster;
  }

  /** Writes the states; true when someone became routable. */
  private Future<Boolean> writeStates(SqlClient client, Roster roster, Instant now) {
    return surge.active(client).compose(surgeOn -> {
      List<String> names = new ArrayList<>(roster.rostered());
      List<String> states = names.stream().map(n -> roster.stateOf(n, now, surgeOn)).toList();
      return client.preparedQuery(SET_STATES).execute(Tuple.tuple()
              .addArrayOfString(names.toArray(String[]::new)).addArrayOfString(states.toArray(String[]::new)))
          .compose(changed -> client.preparedQuery(UNROSTER)
              .execute(Tuple.tuple().addArrayOfString(names.toArray(String[]::new)))
              .map(unrostered -> {
                boolean routable = unrostered.size() > 0;
                for (var r : changed) {
                  routable |= Roster.routable(r.getString("shift_state"));
                }
                return routable;
              }));
    });
  }
}
