package dev.unibox.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;

/**
 * The push drivers every ingest harness shares. {@code push.apply(i)} sends push number i and answers the
 * HTTP status the platform saw.
 */
final class PushLoad {

  private PushLoad() {}

  /**
   * Closed loop: keeps {@code inFlight} pushes in flight until {@code n} were answered (push numbers
   * {@code offset .. offset + n - 1}); records each acknowledgement time when {@code ack} is given. Answers
   * how many got a 2xx.
   */
  static int closedLoop(Vertx vertx, int n, int inFlight, IntFunction<Future<Integer>> push, int offset,
                        Histogram ack) throws Exception {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    AtomicInteger ok = new AtomicInteger();
    Promise<Void> all = Promise.promise();
    Runnable[] launch = new Runnable[1];
    launch[0] = () -> {
      int i = next.getAndIncrement();
      if (i >= n) {
        return;
      }
      long t0 = System.nanoTime();
      push.apply(offset + i).onComplete(ar -> {
        if (ack != null) {
          ack.recordValue(System.nanoTime() - t0);
        }
        if (ar.succeeded() && ar.result() / 100 == 2) {
          ok.incrementAndGet();
        }
        if (done.incrementAndGet() == n) {
          all.tryComplete();
        } else {
          launch[0].run();
        }
      });
    };
    vertx.runOnContext(v -> {
      for (int c = 0; c < inFlight; c++) {
        launch[0].run();
      }
    });
    all.future().toCompletionStage().toCompletableFuture().get(10, TimeUnit.MINUTES);
    return ok.get();
  }

  /** When each push of an open loop is due (System.nanoTime), starting 100 ms from now. */
  static long[] schedule(int rate, int seconds) {
    long[] scheduled = new long[rate * seconds];
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
    for (int i = 0; i < scheduled.length; i++) {
      scheduled[i] = start + (long) (i * (1e9 / rate));
    }
    return scheduled;
  }

  /**
   * Open loop: sends push i at {@code scheduled[i]} whatever the answers before it (so a slow service
   * shows as latency, not as a lower rate); waits for every answer and answers how many got a 2xx.
   */
  static int openLoop(Vertx vertx, long[] scheduled, IntFunction<Future<Integer>> push) throws Exception {
    AtomicInteger acked = new AtomicInteger();
    CountDownLatch answered = new CountDownLatch(scheduled.length);
    AtomicInteger next = new AtomicInteger();
    long timer = vertx.setPeriodic(5, t -> {
      long now = System.nanoTime();
      while (next.get() < scheduled.length && scheduled[next.get()] <= now) {
        push.apply(next.getAndIncrement()).onComplete(ar -> {
          if (ar.succeeded() && ar.result() / 100 == 2) {
            acked.incrementAndGet();
          }
          answered.countDown();
        });
      }
    });
    answered.await(10, TimeUnit.MINUTES);
    vertx.cancelTimer(timer);
    return acked.get();
  }
}
