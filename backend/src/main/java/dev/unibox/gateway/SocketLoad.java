package dev.unibox.gateway;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;

/** What this node's sockets hold and how often they fell behind: read by the metrics scrape from another thread. */
public final class SocketLoad {

  private final AtomicLong heldFrames = new AtomicLong();
  private final AtomicLong overflows = new AtomicLong();
  private final AtomicLong slowClosed = new AtomicLong();
  private final AtomicLong resyncs = new AtomicLong();

  /** Events waiting in this node's socket outboxes (replay pages and live queues), over all sockets. */
  public long heldFrames() {
    return heldFrames.get();
  }

  /** Sockets closed because they could not take their events for too long (close code 4408). */
  public long slowClosed() {
    return slowClosed.get();
  }

  public long resyncs() {
    return resyncs.get();
  }

  public void register(MeterRegistry registry) {
    Gauge.builder("unibox_socket_held_events", heldFrames::get)
        .description("Events waiting in memory for slow sockets").register(registry);
    FunctionCounter.builder("unibox_socket_overflows", overflows, AtomicLong::get)
        .description("Live queues that overflowed (the socket then caught up from the log)").register(registry);
    FunctionCounter.builder("unibox_socket_slow_closed", slowClosed, AtomicLong::get)
        .description("Sockets closed for being too slow (4408)").register(registry);
    FunctionCounter.builder("unibox_socket_resyncs", resyncs, AtomicLong::get)
        .description("Resumes from a position older than retention (told to resync)").register(registry);
  }

  void held(long delta) {
    heldFrames.addAndGet(delta);
  }

  void overflowed() {
    overflows.incrementAndGet();
  }

  void closedSlow() {
    slowClosed.incrementAndGet();
  }

  void resynced() {
    resyncs.incrementAndGet();
  }
}
