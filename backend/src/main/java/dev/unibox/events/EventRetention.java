package dev.unibox.events;

import dev.unibox.signals.LoopVerticle;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes events older than the retention from the front of the log, in position order (it stops at the
 * first event that is still young), and records the highest deleted position (V9__event_retention.sql).
 * A socket that resumes from below that mark is told to resync instead of replaying a log with holes.
 * Runs as a cluster job (one node at a time).
 */
public final class EventRetention {

  private static final Logger LOG = LoggerFactory.getLogger(EventRetention.class);
  /** Events deleted per statement (one short transaction each, so writers never wait long). */
  static final int BATCH = 5_000;

  private static final String PRUNE = """
      WITH page AS (
        SELECT id, at FROM event_log WHERE id < (SELECT event_log_horizon()) ORDER BY id LIMIT $2),
      young AS (SELECT min(id) AS id FROM page WHERE at >= $1),
      gone AS (
        DELETE FROM event_log e USING page p
        WHERE e.id = p.id AND p.id < COALESCE((SELECT id FROM young), 9223372036854775807)
        RETURNING e.id),
      mark AS (
        UPDATE event_log_retention SET pruned_through = GREATEST(pruned_through, (SELECT max(id) FROM gone))
        WHERE EXISTS (SELECT 1 FROM gone))
      SELECT count(*) AS n FROM gone""";

  private final Pool pool;
  private final Clock clock;
  private final Duration retention;

  public EventRetention(Pool pool, Clock clock, Duration retention) {
    this.pool = pool;
    this.clock = clock;
    this.retention = retention;
  }

  /** Deletes every event older than the retention (batch by batch); returns how many went. */
  public Future<Long> prune() {
    Instant cutoff = clock.instant().minus(retention);
    return pruneFrom(cutoff, 0);
  }

  private Future<Long> pruneFrom(Instant cutoff, long deleted) {
    return pool.preparedQuery(PRUNE).execute(Tuple.of(cutoff.atOffset(ZoneOffset.UTC), BATCH))
        .compose(rows -> {
          long n = rows.iterator().next().getLong("n");
          return n == BATCH ? pruneFrom(cutoff, deleted + n) : Future.succeededFuture(deleted + n);
        });
  }

  /** The cluster job: prunes every {@code periodMillis} (and once at start). */
  public LoopVerticle job(long periodMillis) {
    return new LoopVerticle("Event retention", periodMillis, () -> prune().onSuccess(n -> {
      if (n > 0) {
        LOG.info("Deleted {} events older than {} days", n, retention.toDays());
      }
    })).passAtStart();
  }
}
