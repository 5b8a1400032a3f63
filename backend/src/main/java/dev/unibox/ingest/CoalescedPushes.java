package dev.unibox.ingest;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Last push received" bookkeeping without a commit per push: pushes mark their account, and a timer
 * writes each marked account once per period. At 2,000 pushes/s over a few shops that is a few
 * statements per second instead of 2,000 commits; the recorded time is at most one period late.
 */
public final class CoalescedPushes implements Consumer<String> {

  private static final Logger LOG = LoggerFactory.getLogger(CoalescedPushes.class);

  private final Set<String> marked = ConcurrentHashMap.newKeySet();
  private final Function<String, Future<Void>> record;
  private final Vertx vertx;
  private final long timer;

  public CoalescedPushes(Vertx vertx, Function<String, Future<Void>> record, long periodMs) {
    this.vertx = vertx;
    this.record = record;
    this.timer = vertx.setPeriodic(periodMs, t -> flush());
  }

  @Override
  public void accept(String accountId) {
    marked.add(accountId);
  }

  private void flush() {
    for (String accountId : Set.copyOf(marked)) {
      marked.remove(accountId);
      record.apply(accountId).onFailure(e -> LOG.warn("Could not record a push for {}: {}", accountId, e.getMessage()));
    }
  }

  public void stop() {
    vertx.cancelTimer(timer);
  }
}
