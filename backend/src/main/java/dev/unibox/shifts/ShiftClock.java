package dev.unibox.shifts;

import dev.unibox.signals.LoopVerticle;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the roster with the injected clock: keeps users' shift states current and, when a shift ends,
 * hands over the open conversations of its agents who do not continue on the next shift. Ticks never
 * overlap; each boundary is handed over once (unique row), also with several nodes or after a restart
 * (boundaries up to {@link #LOOKBACK} before the first tick are caught up).
 */
public final class ShiftClock {

  private static final Logger LOG = LoggerFactory.getLogger(ShiftClock.class);
  static final Duration LOOKBACK = Duration.ofMinutes(10);

  private final Rosters rosters;
  private final Handovers handovers;
  private final Clock clock;
  private Instant last;
  private Future<List<Handovers.Report>> running = Future.succeededFuture(List.of());

  public ShiftClock(Rosters rosters, Handovers handovers, Clock clock) {
    this.rosters = rosters;
    this.handovers = handovers;
    this.clock = clock;
  }

  /** The cluster job: ticks every {@code tickMillis}; stopping it waits for the tick in flight. */
  public LoopVerticle job(long tickMillis) {
    return new LoopVerticle("Shift clock tick", tickMillis, this::tick).onStop(this::idle);
  }

  private synchronized Future<?> idle() {
    return running.otherwiseEmpty();
  }

  /** One tick now; concurrent calls run one after the other. Returns the handovers this tick ran. */
  public synchronized Future<List<Handovers.Report>> tick() {
    running = running.otherwiseEmpty().transform(x -> doTick());
    return running;
  }

  private Future<List<Handovers.Report>> doTick() {
    Instant now = clock.instant();
    Instant from = last == null ? now.minus(LOOKBACK) : last;
    last = now;
    return rosters.refreshStates().compose(roster -> {
      List<Future<Handovers.Report>> done = new ArrayList<>();
      Future<Void> chain = Future.succeededFuture();
      for (Roster.Shift shift : roster.shifts()) {
        for (Instant boundary : shift.endsBetween(from, now)) {
          List<String> outgoing = shift.agents().stream().filter(u -> !roster.onShift(u, boundary)).toList();
          if (outgoing.isEmpty()) {
            continue;
          }
          chain = chain.compose(v -> {
            Future<Handovers.Report> f = handovers.shiftEnded(shift.name(), boundary, outgoing);
            done.add(f);
            return f.mapEmpty();
          });
        }
      }
      return chain.map(v -> done.stream().map(Future::result).filter(r -> r != null).toList());
    }).onSuccess(reports -> reports.forEach(r -> LOG.info("Shift {} ended at {}: {} handed over, {} queued, {} skipped",
        r.shift(), r.boundary(), r.moved(), r.queued(), r.skipped())));
  }
}
