package dev.unibox.planning;

import dev.unibox.auth.CurrentUser;
import dev.unibox.auth.ShopScope;
import dev.unibox.events.Change;
import dev.unibox.events.EventLog;
import dev.unibox.events.EventNames;
import dev.unibox.events.UnitOfWork;
import dev.unibox.shifts.Roster;
import dev.unibox.shifts.Rosters;
import dev.unibox.web.ApiException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Staffing plans from the shops' history against the roster in force, and applying one: the proposed agents join
 * the standby pool and the day's surge windows are stored.
 */
public record StaffingService(Vertx vertx, Pool pool, Clock clock, Rosters rosters) {

  /** Chats per agent when no agent serves the planned shops. */
  static final int DEFAULT_CHATS_PER_AGENT = 5;

  /** The roster's zone: the planned days are its days. */
  public ZoneId zone() {
    return rosters.roster().zone();
  }

  Future<StaffingPlan> plan(CurrentUser user, PlanRequest request) {
    if (request.account() != null && !user.mayServe(request.account())) {
      throw ApiException.forbidden("This shop is not yours");
    }
    ShopScope scope = request.account() != null ? ShopScope.only(request.account()) : user.shops();
    Future<Boolean> known = request.account() == null ? Future.succeededFuture(true)
        : ArrivalHistory.shopExists(pool, request.account());
    return known.compose(exists -> {
      if (!exists) {
        return Future.failedFuture(ApiException.badRequest("bad_account", "account: no shop " + request.account()));
      }
      Roster roster = rosters.roster();
      ZoneId zone = roster.zone();
      LocalDate today = clock.instant().atZone(zone).toLocalDate();
      LocalDate date = request.date() != null ? request.date() : today.plusDays(1);
      // whole days only: today is not over yet
      LocalDate historyEnd = date.isAfter(today) ? today : date;
      Instant from = historyEnd.minusDays(request.days()).atStartOfDay(zone).toInstant();
      Instant to = historyEnd.atStartOfDay(zone).toInstant();
      return ArrivalHistory.read(pool, scope, from, to, zone).compose(history ->
          ArrivalHistory.agents(pool, scope).compose(agents -> {
            Forecast forecast = Forecast.of(history, request.days(), request.multiplier(), request.peak());
            int chatsPerAgent = chatsPerAgent(agents);
            StaffingPlanner planner = new StaffingPlanner(chatsPerAgent, request.targets());
            // a huge forecast makes the planner loop over thousands of seats: off the event loop
            return vertx.executeBlocking(() -> planner.plan(forecast.hours()), false).map(hours ->
                assemble(request, roster, date, agents, history.conversations(), from, to, forecast, chatsPerAgent,
                    hours));
          }));
    });
  }

  private static StaffingPlan assemble(PlanRequest request, Roster roster, LocalDate date, List<Agent> agents,
                                       long conversations, Instant from, Instant to, Forecast forecast,
                                       int chatsPerAgent, List<HourPlan> hours) {
    Set<String> languages = new TreeSet<>();
    forecast.hours().forEach(d -> languages.addAll(d.arrivals().keySet()));
    List<Coverage> coverage = Coverage.of(roster, date, roster.zone(), agents, hours, languages);
    Map<String, Agent> byName = agents.stream().collect(Collectors.toMap(Agent::username, Function.identity()));
    List<Agent> pool = roster.standby().stream().filter(byName::containsKey).map(byName::get).toList();
    // an agent listed nowhere is routed all day already; one of a shift can stand by outside it
    List<Agent> candidates = agents.stream()
        .filter(a -> !roster.shiftsOf(a.username()).isEmpty() && !roster.standby().contains(a.username())).toList();
    StandbyChoice choice = StandbyChoice.choose(coverage, pool, candidates);
    return new StaffingPlan(date, roster.zone(), request, chatsPerAgent, from, to, conversations, forecast, hours,
        coverage, roster.standby(), choice, SurgeWindow.of(StandbyCalls.perHour(coverage, choice.ranked())));
  }

  /** The mean chats at once of the agents who serve the planned shops, rounded, at least 1. */
  static int chatsPerAgent(List<Agent> agents) {
    if (agents.isEmpty()) {
      return DEFAULT_CHATS_PER_AGENT;
    }
    return (int) Math.max(1, Math.round(agents.stream().mapToInt(Agent::maxConcurrent).average().orElse(0)));
  }

  /**
   * Re-computes the plan, then in one transaction adds its proposed agents to the standby pool (the roster's own
   * replace: its states, its event) and stores the day's surge windows in place of earlier ones.
   */
  Future<JsonObject> apply(CurrentUser user, PlanRequest request) {
    return plan(user, request).compose(plan -> {
      Roster roster = rosters.roster();
      List<String> added = plan.choice().proposed().stream().filter(u -> !roster.standby().contains(u)).toList();
      Function<Change, Future<?>> windows = change -> SurgeWindowStore.replace(change.conn(), plan.date(), plan.zone(),
          plan.windows(), user.id(), change.now()).compose(v -> tellWindowsChanged(change, plan.date()));
      Future<?> applied = added.isEmpty() ? work().run(change -> windows.apply(change).mapEmpty())
          : rosters.replace(withStandby(roster, added), user.id(), windows);
      return applied.map(v -> plan.json().put("applied", new JsonObject().put("standbyAdded", new JsonArray(added))
          .put("surgeWindows", plan.windowsJson())));
    });
  }

  private static Roster withStandby(Roster roster, List<String> added) {
    List<String> standby = new ArrayList<>(roster.standby());
    standby.addAll(added);
    return new Roster(roster.zone(), roster.shifts(), standby);
  }

  Future<JsonObject> windows(LocalDate date) {
    return SurgeWindowStore.day(pool, date, zone())
        .map(windows -> new JsonObject().put("date", date.toString()).put("windows", windows)
            .put("tailMinutes", Rosters.WINDOW_TAIL.toMinutes()));
  }

  Future<JsonObject> removeWindows(LocalDate date) {
    return work().run(change -> SurgeWindowStore.delete(change.conn(), date, zone())
        .compose(n -> tellWindowsChanged(change, date).map(v -> new JsonObject().put("date", date.toString())
            .put("removed", n))));
  }

  private UnitOfWork work() {
    return new UnitOfWork(vertx, pool, clock);
  }

  /** Every supervisor and admin learns that a day's windows changed: an open staffing panel reads them again. */
  private static Future<Void> tellWindowsChanged(Change change, LocalDate date) {
    return EventLog.overseers(change.conn()).map(overseers -> {
      change.tell(overseers.stream().map(EventLog.Overseer::id).toList(), EventNames.SURGE_WINDOWS,
          new JsonObject().put("date", date.toString()));
      return null;
    });
  }
}
