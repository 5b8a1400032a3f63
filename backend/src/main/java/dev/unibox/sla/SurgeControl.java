package dev.unibox.sla;

import dev.unibox.config.UniboxConfig.SurgeConfig;
import dev.unibox.events.EventLog;
import dev.unibox.events.EventNames;
import dev.unibox.events.Change;
import dev.unibox.events.UnitOfWork;
import dev.unibox.routing.StandbyCall;
import dev.unibox.shifts.ShiftRoster;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Surge mode: when the queue predicts breaches (depth at the threshold, or the expected wait over the regular target),
 * or holds a buyer past their SLA warning whom a standby agent can take, surge switches on, calling the standby agents
 * the waiting buyers need ({@link StandbyCall}), and while it is on every sweep that finds buyers waiting calls the
 * agents they need; supervisors are told. After a calm period it is released and everyone it called stands by again.
 * The standby pool is the roster's in force (as a supervisor last edited it). Mode {@code on} (the whole pool) and
 * {@code off} are a supervisor's hand and win over the automatic decision ({@code off} also holds back the agents a
 * staffing plan's windows call: the shifts read it); {@code auto} hands it back. Every activation, later call,
 * release and mode change is written to surge_log with the agents it concerns.
 */
public final class SurgeControl {

  public static final List<String> MODES = List.of("auto", "on", "off");

  private final SurgeConfig config;
  private final Duration regularTarget;
  private final ShiftRoster shifts;
  private final UnitOfWork work;

  public SurgeControl(Vertx vertx, Pool pool, Clock clock, SurgeConfig config, Duration regularTarget,
                      ShiftRoster shifts) {
    this.work = new UnitOfWork(vertx, pool, clock);
    this.config = config;
    this.regularTarget = regularTarget;
    this.shifts = shifts;
  }

  /**
   * The queue's state as surge sees it. expectedWaitSeconds: depth over the recent assignment rate; warned: buyers
   * waiting past their SLA warning.
   */
  public record Forecast(long depth, long urgent, long warned, long expectedWaitSeconds) {}

  Future<Forecast> forecast(SqlConnection conn, Instant now) {
    return SlaStore.queueStats(conn).compose(stats -> {
      if (stats.depth() == 0) {
        return Future.succeededFuture(new Forecast(0, 0, 0, 0));
      }
      return SlaStore.assignedSince(conn, now.minusSeconds(config.throughputWindowSeconds())).map(assigned -> {
        double perSecond = (double) assigned / config.throughputWindowSeconds();
        long wait = perSecond <= 0 ? 86_400 : (long) Math.ceil(stats.depth() / perSecond);
        return new Forecast(stats.depth(), stats.urgent(), stats.warned(), Math.min(wait, 86_400));
      });
    });
  }

  /** One automatic evaluation; returns true when surge switched on or off, or called more agents. */
  Future<Boolean> evaluate(Instant now) {
    // a supervisor's on/off, or surge disabled: nothing to decide, nothing to read
    return work.run(now, change -> SlaStore.lockSurge(change.conn()).compose(s -> !"auto".equals(s.mode())
        || !config.enabled() ? Future.succeededFuture(false) : forecast(change.conn(), now).compose(f -> {
      boolean predictsBreach = f.depth() >= config.depthThreshold()
          || (f.depth() > config.releaseDepth() && f.expectedWaitSeconds() > regularTarget.toSeconds());
      if (!s.active()) {
        return predictsBreach || f.warned() > 0 ? activate(change, s, f, !predictsBreach)
            : Future.succeededFuture(false);
      }
      // while on, buyers waiting call the standby agents they need; then a calm queue counts toward the release
      Future<SlaStore.Surge> called = s.called() != null && f.depth() > 0 ? callMore(change, s, f)
          : Future.succeededFuture(s);
      return called.compose(next -> calmOrRelease(change, next, f).map(released -> released || next != s));
    })));
  }

  /**
   * Switches surge on with the standby agents the waiting buyers need ({@link StandbyCall}). warnedOnly: the queue is
   * short but holds buyers past their SLA warning, so the seats that could take them are full (a language or shop
   * short of hands, which depth and expected wait do not show); then only those buyers are read, and surge switches on
   * only when a standby agent can take one of them, so a language nobody on standby speaks does not switch it on and
   * off all night.
   */
  private Future<Boolean> activate(Change change, SlaStore.Surge s, Forecast f, boolean warnedOnly) {
    List<String> pool = shifts.roster().standby();
    Future<List<String>> call = warnedOnly ? StandbyCall.forWarned(change.conn(), pool)
        : StandbyCall.forQueue(change.conn(), pool);
    return call.compose(called -> {
      if (warnedOnly && called.isEmpty()) {
        return Future.succeededFuture(false);
      }
      String reason = warnedOnly ? f.warned() + " waiting past their SLA warning"
          : breach(f) + (called.isEmpty() ? "; no standby agent can take the buyers waiting" : "");
      return change(change, s, true, s.mode(), "activated", reason, null, f, called).map(true);
    });
  }

  /** While surge is on: calls the standby agents the buyers waiting now need, on top of those already called. */
  private Future<SlaStore.Surge> callMore(Change change, SlaStore.Surge s, Forecast f) {
    SqlConnection conn = change.conn();
    Instant now = change.now();
    return StandbyCall.forQueue(conn, shifts.roster().standby()).compose(more -> {
      if (more.isEmpty()) {
        return Future.succeededFuture(s);
      }
      List<String> called = new ArrayList<>(s.called());
      called.addAll(more);
      SlaStore.Surge next = new SlaStore.Surge(s.mode(), true, s.since(), s.reason(), s.calmSince(), called);
      return SlaStore.writeSurge(conn, next, now)
          .compose(v -> SlaStore.logSurge(conn, "called", s.mode(), f.depth() + " waiting", null, f.depth(),
              f.expectedWaitSeconds(), more, now))
          .compose(v -> notify(change)).map(next);
    });
  }

  /** Releases surge after the queue stayed calm for calmSeconds; true when it did. */
  private Future<Boolean> calmOrRelease(Change change, SlaStore.Surge s, Forecast f) {
    SqlConnection conn = change.conn();
    Instant now = change.now();
    boolean calm = f.depth() <= config.releaseDepth() && f.expectedWaitSeconds() * 2 <= regularTarget.toSeconds();
    if (!calm) {
      return (s.calmSince() == null ? Future.<Void>succeededFuture() : SlaStore.writeSurge(conn, s.calm(null), now))
          .map(false);
    }
    if (s.calmSince() == null) {
      return SlaStore.writeSurge(conn, s.calm(now), now).map(false);
    }
    if (now.isBefore(s.calmSince().plusSeconds(config.calmSeconds()))) {
      return Future.succeededFuture(false);
    }
    return change(change, s, false, s.mode(), "released", "queue calm for " + config.calmSeconds() + " s (depth "
        + f.depth() + ")", null, f, null).map(true);
  }

  private String breach(Forecast f) {
    return f.depth() >= config.depthThreshold()
        ? "queue depth " + f.depth() + " reached " + config.depthThreshold()
        : f.expectedWaitSeconds() >= 86_400
            ? f.depth() + " waiting and nobody assigned in the last " + config.throughputWindowSeconds() + " s"
            : "expected wait " + f.expectedWaitSeconds() + " s over the " + regularTarget.toSeconds() + " s target";
  }

  /** A supervisor's switch: on (the whole pool), off, or back to auto. */
  public Future<JsonObject> setMode(long userId, String userName, String mode) {
    return work.run(change -> SlaStore.lockSurge(change.conn()).compose(s -> forecast(change.conn(), change.now()).compose(f -> {
      SqlConnection conn = change.conn();
      Instant now = change.now();
      boolean active = switch (mode) {
        case "on" -> true;
        case "off" -> false;
        default -> s.active();
      };
      List<String> called = "auto".equals(mode) ? s.called() : null;
      String reason = "set to " + mode + " by " + userName;
      Future<Void> logged = SlaStore.logSurge(conn, "mode", mode, reason, userId, f.depth(), f.expectedWaitSeconds(),
          List.of(), now);
      return logged.compose(v -> active == s.active()
              ? SlaStore.writeSurge(conn, new SlaStore.Surge(mode, s.active(), s.since(), s.reason(), s.calmSince(),
                  called), now).compose(x -> notify(change))
              : change(change, s, active, mode, active ? "activated" : "released", reason, userId, f, called))
          .compose(v -> status(conn));
    })));
  }

  /**
   * Switches surge on or off and logs it with the agents it concerns. called: the agents an automatic activation
   * calls (null when switching on: the whole pool).
   */
  private Future<Void> change(Change change, SlaStore.Surge s, boolean active, String mode, String action,
                              String reason, Long userId, Forecast f, List<String> called) {
    SqlConnection conn = change.conn();
    Instant now = change.now();
    List<String> pool = shifts.roster().standby();
    SlaStore.Surge next = new SlaStore.Surge(mode, active, active ? now : null, active ? reason : null, null,
        active ? called : null);
    List<String> concerned = active ? (called == null ? pool : called) : (s.called() == null ? pool : s.called());
    return SlaStore.writeSurge(conn, next, now)
        .compose(v -> SlaStore.logSurge(conn, action, mode, reason, userId, f.depth(), f.expectedWaitSeconds(),
            concerned, now))
        .compose(v -> notify(change));
  }

  private Future<Void> notify(Change change) {
    return status(change.conn()).compose(status -> EventLog.overseers(change.conn()).map(overseers -> {
      change.tell(overseers.stream().map(EventLog.Overseer::id).toList(), EventNames.SURGE_CHANGED,
          new JsonObject().put("surge", status));
      return null;
    }));
  }

  /** {mode, active, since, reason, standby, queue: {depth, urgent, expectedWaitSeconds}, history}. */
  public Future<JsonObject> status() {
    return work.pool().withConnection(this::status);
  }

  private Future<JsonObject> status(SqlConnection conn) {
    Instant now = work.clock().instant();
    return SlaStore.readSurge(conn).compose(s -> forecast(conn, now).compose(f -> SlaStore.surgeHistory(conn, 20)
        .map(history -> new JsonObject()
            .put("mode", s.mode()).put("active", s.active())
            .put("since", s.since() == null ? null : s.since().toString()).put("reason", s.reason())
            .put("standby", new JsonArray(shifts.roster().standby()))
            .put("called", s.active() ? new JsonArray(s.called() == null ? shifts.roster().standby() : s.called())
                : new JsonArray())
            .put("queue", new JsonObject().put("depth", f.depth()).put("urgent", f.urgent()).put("warned", f.warned())
                .put("expectedWaitSeconds", f.expectedWaitSeconds()))
            .put("thresholds", new JsonObject().put("enabled", config.enabled())
                .put("depthThreshold", config.depthThreshold()).put("releaseDepth", config.releaseDepth())
                .put("regularTargetSeconds", regularTarget.toSeconds()).put("calmSeconds", config.calmSeconds()))
            .put("history", history))));
  }
}
