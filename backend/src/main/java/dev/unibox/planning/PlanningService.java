package dev.unibox.planning;

import dev.unibox.shifts.ShiftPlan;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Staffing plans from a shipped scenario (its curves and its team) or from the shops' own arrival
 * history (with the live shift plan as the roster). File reading and the Erlang sums run off the event loop.
 */
public final class PlanningService {

  private final Vertx vertx;
  private final Pool pool;
  private final Clock clock;
  private final Path scenarios;
  private final ShiftPlan liveRoster;

  public PlanningService(Vertx vertx, Pool pool, Clock clock, Path scenarios, ShiftPlan liveRoster) {
    this.vertx = vertx;
    this.pool = pool;
    this.clock = clock;
    this.scenarios = scenarios;
    this.liveRoster = liveRoster;
  }

  /** The shipped scenarios: file, name, description. */
  public Future<JsonArray> scenarios() {
    return vertx.executeBlocking(() -> {
      JsonArray out = new JsonArray();
      if (!Files.isDirectory(scenarios)) {
        return out;
      }
      try (Stream<Path> files = Files.list(scenarios)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
          Scenario s = ScenarioLoader.load(f);
          out.add(new JsonObject().put("file", f.getFileName().toString()).put("name", s.name())
              .put("description", s.description()));
        }
      }
      return out;
    }, false);
  }

  /** Whether a shipped scenario of that file name exists. */
  public boolean hasScenario(String file) {
    return Files.isRegularFile(scenarios.resolve(file));
  }

  public Future<JsonObject> forScenario(String file, StaffingPlanner.Targets targets) {
    return vertx.executeBlocking(() -> {
      Scenario s = ScenarioLoader.load(scenarios.resolve(file));
      StaffingPlanner.Plan plan = StaffingPlanner.plan(Forecast.of(s), targets, s.team().capacity(),
          Rosters.onShift(s.team()));
      return PlanJson.of(plan, targets).put("source", "scenario").put("scenario", file).put("name", s.name())
          .put("zone", s.zone().getId()).put("chatsPerAgent", s.team().capacity());
    }, false);
  }

  public Future<JsonObject> fromHistory(int days, double holdSeconds, int chatsPerAgent, StaffingPlanner.Targets targets) {
    return Future.all(PlanningStore.history(pool, clock.instant().minus(Duration.ofDays(days)), days, liveRoster.zone(),
            holdSeconds), PlanningStore.languages(pool))
        .compose(both -> vertx.executeBlocking(() -> {
          Forecast forecast = both.resultAt(0);
          StaffingPlanner.Plan plan = StaffingPlanner.plan(forecast, targets, chatsPerAgent, onShift(both.resultAt(1)));
          return PlanJson.of(plan, targets).put("source", "history").put("days", days)
              .put("zone", liveRoster.zone().getId()).put("chatsPerAgent", chatsPerAgent);
        }, false));
  }

  /** Agents on the live roster's shifts per hour and language. */
  private List<Map<String, Integer>> onShift(Map<String, List<String>> languages) {
    List<Map<String, Integer>> hours = new ArrayList<>();
    for (int h = 0; h < 24; h++) {
      Map<String, Integer> count = new HashMap<>();
      LocalTime at = LocalTime.of(h, 0);
      for (ShiftPlan.Shift shift : liveRoster.shifts()) {
        if (shift.covers(at)) {
          shift.agents().forEach(a -> languages.getOrDefault(a, List.of()).forEach(l -> count.merge(l, 1, Integer::sum)));
        }
      }
      hours.add(count);
    }
    return hours;
  }
}
