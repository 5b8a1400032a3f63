package dev.unibox;

import dev.unibox.cluster.DeployedWork;
import dev.unibox.cluster.LeaseGroup;
import dev.unibox.cluster.LeaseKeeper;
import dev.unibox.cluster.PresenceJanitor;
import dev.unibox.config.UniboxConfig;
import dev.unibox.events.EventRetention;
import dev.unibox.signals.Addresses;
import dev.unibox.sla.SlaSweep;
import io.vertx.core.Deployable;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Work that runs on exactly one node: each account's adapter work (spread over the nodes) and the
 * periodic jobs (SLA sweep and surge, shift clock, auto-replies, report rollups, event retention,
 * presence). A single node simply holds them all.
 */
final class LeasedJobs {

  /** How often old events are pruned (the retention itself is events.retentionDays). */
  private static final long EVENT_RETENTION_MILLIS = Duration.ofHours(1).toMillis();

  private LeasedJobs() {}

  static LeaseKeeper keeper(Vertx vertx, Pool pool, Clock clock, UniboxConfig config, String nodeId, Services s) {
    Map<String, Supplier<Deployable>> jobs = new LinkedHashMap<>();
    jobs.put("sla", () -> new SlaSweep(vertx, pool, clock, config.routing().sla(), s.shifts.rosters, s.surge,
        s.router::reassign).job(config.routing().sla().sweepMillis()));
    jobs.put("shift-clock", () -> s.shifts.clock.job(config.routing().sweepMillis()));
    jobs.put("auto-replies", s.quality::autoReplies);
    jobs.put("reports", s.reports::sweeper);
    jobs.put("event-retention", () -> new EventRetention(pool, clock, Duration.ofDays(config.events().retentionDays()))
        .job(EVENT_RETENTION_MILLIS));
    Duration ttl = Duration.ofSeconds(config.cluster().leaseSeconds());
    jobs.put("presence", () -> new PresenceJanitor(pool, ttl,
        user -> vertx.eventBus().publish(Addresses.PRESENCE_CHANGED, user)).job());
    return new LeaseKeeper(pool, nodeId, ttl, ttl.dividedBy(4), List.of(
        new LeaseGroup("job:", () -> List.copyOf(jobs.keySet()), new DeployedWork(vertx, k -> jobs.get(k).get())),
        new LeaseGroup("account:", s.accountService::runningAccounts, s.accountService.ownedWork())));
  }
}
