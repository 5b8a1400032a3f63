package dev.unibox.shifts;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/** Everything of shifts, handover and the supervisor console, built once by the composition root. */
public final class ShiftsModule {

  public final Rosters rosters;
  public final Presence presence;
  public final Moves moves;
  public final Handovers handovers;
  public final ShiftClock clock;
  private final List<Consumer<Router>> routes;

  /** @param shiftsFile the configured roster (imported until a supervisor edits it), or null for none */
  public ShiftsModule(Vertx vertx, Pool pool, Clock clock, Path shiftsFile) {
    this.rosters = new Rosters(vertx, pool, clock, shiftsFile, SurgeView.FROM_TABLE);
    this.presence = new Presence(vertx, pool, clock);
    this.moves = new Moves(vertx, pool, clock);
    this.handovers = new Handovers(vertx, pool, clock, moves);
    this.clock = new ShiftClock(rosters, handovers, clock);
    this.routes = List.of(
        new ShiftRoutes(pool, clock, rosters, presence, moves, new ConversationNotes(vertx, pool, clock))::mount,
        new SupervisorRoutes(pool, clock, rosters, new SupervisorCommands(pool, clock, moves, handovers))::mount,
        new ColleagueRoutes(pool)::mount);
  }

  /** Imports/loads the roster and listens for presence changes. */
  public Future<Void> start() {
    return rosters.start().compose(r -> presence.listen());
  }

  public void mount(Router router) {
    routes.forEach(r -> r.accept(router));
  }
}
