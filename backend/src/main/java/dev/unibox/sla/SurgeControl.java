package dev.unibox.sla;

import dev.unibox.config.UniboxConfig.SurgeConfig;
import dev.unibox.events.EventLog;
import dev.unibox.events.EventNames;
import dev.unibox.events.Change;
import dev.unibox.events.UnitOfWork;
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
import java.util.List;

/**
 * Surge mode: when the queue predicts breaches (depth at the threshold, or the expected wait over the
 * regular target), the standby pool is switched on and supervisors are told; after a calm period it is released.
 * The standby pool is the roster's in force (as a supervisor last edited it). Mode {@code on}/{@code off} is a
 * supervisor's hand and wins over the automatic decision ({@code off} also holds back the agents a staffing plan's
 * windows call: the shifts read it); {@code auto} hands it back. Every activation, release and mode change is written
 * to surge_log.
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

  /** The queue's state as surge sees it. expectedWaitSeconds: depth over the recent assignment rate. */
  public record Forecast(long depth, long urgent, long expectedWaitSeconds) {}

  Future<Forecast> forecast(SqlConnection conn, Instant now) {
    return SlaStore.queueStats(conn).compose(stats -> {
      if (stats.depth() == 0) {
        return Future.succeededFuture(new Forecast(0, 0, 0));
      }
      return SlaStore.assignedSince(conn, now.minusSeconds(config.throughputWindowSeconds())).map(assigned -> {
        double perSecond = (double) assigned / config.throughputWindowSeconds();
        long wait = perSecond <= 0 ? 86_400 : (long) Math.ceil(stats.depth() / perSecond);
        return new Forecast(stats.depth(), stats.urgent(), Math.min(wait, 86_400));
      });
    });
  }

  /** One automatic evaluation; returns true when surge switched on or off. */
  Future<Boolean> evaluate(Instant now) {
    // a supervisor's on/off, or surge disabled: nothing to decide, nothing to read
    return work.run(now, change -> SlaStore.lockSurge(change.conn()).compose(s -> !"auto".equals(s.mode())
        || !config.enabled() ? Future.succeededFuture(false) : forecast(change.conn(), now).compose(f -> {
      SqlConnection conn = change.conn();
      boolean predictsBreach = f.depth() >= config.depthThreshold()
          || (f.depth() > config.releaseDepth() && f.expectedWaitSeconds() > regularTarget.toSeconds());
      boolean calm = f.depth() <= config.releaseDepth() && f.expectedWaitSeconds() * 2 <= regularTarget.toSeconds();
      if (!s.active() && predictsBreach) {
        return change(change, s, true, s.mode(), "activated", breach(f), null, f).map(true);
      }
      if (s.active() && calm) {
        if (s.calmSince() == null) {
          return SlaStore.writeSurge(conn, new SlaStore.Surge(s.mode(), true, s.since(), s.reason(), now), now).map(false);
        }
        if (!now.isBefore(s.calmSince().plusSeconds(config.calmSeconds()))) {
          return change(change, s, false, s.mode(), "released", "queue calm for " + config.calmSeconds() + " s (depth "
              + f.depth() + ")", null, f).map(true);
        }
        return Future.succeededFuture(false);
      }
      if (s.active() && s.calmSince() != null) {
        return SlaStore.writeSurge(conn, new SlaStore.Surge(s.mode(), true, s.since(), s.reason(), null), now).map(false);
      }
      return Future.succeededFuture(false);
    })));
  }

  private String breach(Forecast f) {
    return f.depth() >= config.depthThreshold()
        ? "queue depth " + f.depth() + " reached " + config.depthThreshold()
        : f.expectedWaitSeconds() >= 86_400
            ? f.depth() + " waiting and nobody assigned in the last " + config.throughputWindowSeconds() + " s"
            : "expected wait " + f.expectedWaitSeconds() + " s over the " + regularTarget.toSeconds() + " s target";
  }

  /** A supervisor's switch: on, off, or back to auto. */
  public Future<JsonObject> setMode(long userId, String userName, String mode) {
    return work.run(change -> SlaStore.lockSurge(change.conn()).compose(s -> forecast(change.conn(), change.now()).compose(f -> {
      SqlConnection conn = change.conn();
      Instant now = change.now();
      boolean active = switch (mode) {
        case "on" -> true;
        case "off" -> false;
        default -> s.active();
      };
      String reason = "set to " + mode + " by " + userName;
      Future<Void> logged = SlaStore.logSurge(conn, "mode", mode, reason, userId, f.depth(), f.expectedWaitSeconds(),
          List.of(), now);
      return logged.compose(v -> active == s.active()
              ? SlaStore.writeSurge(conn, new SlaStore.Surge(mode, s.active(), s.since(), s.reason(), s.calmSince()), now)
                  .compose(x -> notify(change))
              : change(change, s, active, mode, active ? "activated" : "released", reason, userId, f))
          .compose(v -> status(conn));
    })));
  }

  private Future<Void> change(Change change, SlaStore.Surge s, boolean active, String mode, String action,
                              String reason, Long userId, Forecast f) {
    SqlConnection conn = change.conn();
    Instant now = change.now();
    SlaStore.Surge next = new SlaStore.Surge(mode, active, active ? now : null, active ? reason : null, null);
    return SlaStore.writeSurge(conn, next, now)
        .compose(v -> SlaStore.logSurge(conn, action, mode, reason, userId, f.depth(), f.expectedWaitSeconds(),
            shifts.roster().standby(), now))
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
            .put("queue", new JsonObject().put("depth", f.depth()).put("urgent", f.urgent())
                .put("expectedWaitSeconds", f.expectedWaitSeconds()))
            .put("thresholds", new JsonObject().put("enabled", config.enabled())
                .put("depthThreshold", config.depthThreshold()).put("releaseDepth", config.releaseDepth())
                .put("regularTargetSeconds", regularTarget.toSeconds()).put("calmSeconds", config.calmSeconds()))
            .put("history", history))));
  }
}
