package dev.unibox.shifts;

import dev.unibox.events.EventNames;
import dev.unibox.events.Change;
import dev.unibox.events.UnitOfWork;
import dev.unibox.signals.Kicks;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The roster in force: imported from {@code config/shifts.yaml} at start until someone edits it in the
 * web app, then the database copy. Keeps {@code users.shift_state} in step with it (the column the
 * router reads to route only to agents on shift, or standby agents while surge is on or a planned window calls them).
 */
public final class Rosters implements ShiftRoster {

  /**
   * How long a window's agents stay on call after it ends. A peak's last chats fill the seats of the agents who stay
   * on shift, so the first minutes after a big window ends queue buyers the plan's hourly arithmetic does not see (the
   * simulation's flash sale queued Traditional Chinese buyers for over a minute right after its 20:00–21:00 window).
   * Ten minutes is about twice a chat's seat time at full load in the shipped scenarios.
   */
  public static final Duration WINDOW_TAIL = Duration.ofMinutes(10);

  private final Pool pool;
  private final UnitOfWork work;
  private final java.util.function.Supplier<Roster> configured;
  private final SurgeView surge;
  private final AtomicReference<Roster> current = new AtomicReference<>(Roster.empty());

  public Rosters(Vertx vertx, Pool pool, Clock clock, Path configFile, SurgeView surge) {
    this(vertx, pool, clock, () -> RosterFile.load(configFile), surge);
  }

  /** @param configured the roster as configured, imported until someone edits it in the web app */
  public Rosters(Vertx vertx, Pool pool, Clock clock, java.util.function.Supplier<Roster> configured,
                 SurgeView surge) {
    this.pool = pool;
    this.work = new UnitOfWork(vertx, pool, clock);
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
    return replace(roster, editorId, change -> Future.succeededFuture());
  }

  /** The same, with {@code alongside} written in the same transaction (a staffing plan's surge windows). */
  public Future<Roster> replace(Roster roster, long editorId, Function<Change, Future<?>> alongside) {
    return work.run(change -> RosterStore.replace(change.conn(), roster, "web", editorId, change.now())
            .compose(v -> alongside.apply(change))
            .compose(v -> Staff.overseers(change.conn()))
            .compose(ids -> {
              change.tell(ids, EventNames.ROSTER_UPDATED, new JsonObject().put("roster", RosterFile.json(roster)));
              return writeStates(change, roster);
            }))
        .map(routable -> current(roster));
  }

  /**
   * Re-reads the stored roster (another node or a restart may have changed it) and writes every user's
   * state from it, under the roster's row lock: an edit waits for a refresh in progress and a refresh
   * after it reads the edit, so no refresh can write states from a roster older than the one stored.
   */
  @Override
  public Future<Roster> refreshStates() {
    return work.run(change -> RosterStore.lock(change.conn()).compose(v -> RosterStore.load(change.conn()))
            .compose(roster -> writeStates(change, roster).map(routable -> roster)))
        .map(this::current);
  }

  private Roster current(Roster roster) {
    current.set(roster);
    return roster;
  }

  /**
   * Writes the states; true when someone became routable. Standby agents are called while a supervisor's surge is on
   * (the whole pool), else those automatic surge called and those the planned windows covering now name (and, while
   * buyers wait, those of a window in its {@link #WINDOW_TAIL}), unless a supervisor switched surge off ("no standby
   * now" holds the windows back too).
   */
  private Future<Boolean> writeStates(Change change, Roster roster) {
    return surge.state(change.conn()).compose(s -> {
      boolean surgeOn = s.getBoolean("active", false);
      JsonArray surgeCalls = surgeOn ? s.getJsonArray("called") : new JsonArray();
      boolean wholePool = surgeOn && surgeCalls == null;
      Future<Set<String>> called = wholePool || "off".equals(s.getString("mode")) ? Future.succeededFuture(Set.of())
          : PlannedCallStore.calledAt(change.conn(), change.now()).map(planned -> {
            Set<String> all = new HashSet<>(planned);
            surgeCalls.forEach(name -> all.add((String) name));
            return all;
          });
      return called.compose(planned -> {
        List<String> names = new ArrayList<>(roster.rostered());
        List<String> states = names.stream().map(n -> roster.stateOf(n, change.now(), wholePool, planned)).toList();
        return RosterStore.writeStates(change.conn(), names, states);
      });
    }).map(routable -> {
      if (routable) {
        change.afterCommit(Kicks::routing);
      }
      return routable;
    });
  }
}
