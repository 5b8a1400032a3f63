package dev.unibox.reports;

import dev.unibox.store.AdvisoryLock;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.Comparator;

/**
 * Keeps the rollups up to date: finds the conversations with rows the last sweep did not see (stamped since it,
 * or within a margin before it and committed after its snapshot: a transaction may commit late), recomputes
 * their waits from all their messages, and
 * recomputes every shop-day they touch from scratch. Each step replaces rows instead of adding to them, so a
 * sweep is idempotent and the result does not depend on the order the rows arrived in. Then it rolls up the
 * agents' presence intervals of the same stretch per hour ({@link WorkloadStore}).
 */
public record RollupSweep(Pool pool, Clock clock) {

  /**
   * Rows stamped this long before the last sweep are looked at again, and taken if they committed after its
   * snapshot (a transaction may commit late).
   */
  static final Duration LATE_COMMIT_MARGIN = Duration.ofMinutes(2);
  private static final int BATCH = 500;
  private static final long LOCK = 0x5245_5054L; // "REPT": one sweep at a time across nodes

  public record Result(int conversations, int shopDays) {}

  public Future<Result> sweep() {
    Instant now = clock.instant();
    return SweepStore.sweptUntil(pool).compose(last -> {
      Instant since = last.until().equals(Instant.EPOCH) ? last.until() : last.until().minus(LATE_COMMIT_MARGIN);
      return SweepStore.changed(pool, since, last.snapshot())
          .compose(changed -> run(changed.ids())
              .compose(r -> WorkloadStore.sweep(pool, since, now)
                  .compose(w -> SweepStore.setSweptUntil(pool, new SweepStore.Mark(now, changed.snapshot())))
                  .map(r)));
    });
  }

  /** Recomputes these conversations and every shop-day they touch. */
  Future<Result> run(List<Long> ids) {
    Set<SweepStore.Key> keys = new TreeSet<>(Comparator.comparing(SweepStore.Key::accountId)
        .thenComparing(SweepStore.Key::day));
    Future<Void> chain = Future.succeededFuture();
    for (int i = 0; i < ids.size(); i += BATCH) {
      List<Long> batch = ids.subList(i, Math.min(ids.size(), i + BATCH));
      chain = chain.compose(v -> pool.withTransaction(c -> AdvisoryLock.take(c, LOCK)
          .compose(x -> SweepStore.load(c, batch))
          .compose(convs -> {
            Map<SweepStore.Conversation, List<Waits.Wait>> waits = new LinkedHashMap<>();
            for (SweepStore.Conversation conv : convs) {
              waits.put(conv, "spam".equals(conv.status()) ? List.of()
                  : Waits.of(conv.messages(), conv.zone(), PlatformRule.of(conv.platform())));
            }
            return SweepStore.replaceWaits(c, batch, waits);
          })
          .compose(x -> SweepStore.touchedDays(c, batch))
          .map(touched -> {
            keys.addAll(touched);
            return null;
          })));
    }
    return chain.compose(v -> {
      Future<Void> days = Future.succeededFuture();
      for (SweepStore.Key key : new ArrayList<>(keys)) {
        days = days.compose(x -> pool.withTransaction(c -> AdvisoryLock.take(c, LOCK)
            .compose(y -> RollupStore.rollup(c, key))
            .compose(day -> RollupStore.storeRollup(c, day))));
      }
      return days;
    }).map(v -> new Result(ids.size(), keys.size()));
  }
}
