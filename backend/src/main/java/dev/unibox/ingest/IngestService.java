package dev.unibox.ingest;

import dev.unibox.adapters.spi.InboundMessage;
import dev.unibox.domain.MessageClassifier;
import dev.unibox.domain.SlaPolicy;
import dev.unibox.events.UnitOfWork;
import dev.unibox.signals.Kicks;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores what a platform delivered: buyer, conversation and message, deduplicated on (account, platform
 * message id). Concurrent calls are committed together (group commit): while a batch transaction runs,
 * new calls wait and then go into the next one, up to {@link #MAX_BATCH} messages, so under load one
 * durable commit covers many pushes and at low load nothing waits. Each caller's future succeeds only
 * after the commit holding its messages; if a batch fails, its calls are retried one by one, so one bad
 * push never fails the others.
 */
public final class IngestService {

  /** Messages per batch transaction at most. */
  static final int MAX_BATCH = 32;
  /** Batch transactions in flight at once (each holds one pooled connection). */
  static final int MAX_RUNNING = 8;

  private final UnitOfWork work;
  private final IngestWrite write;
  private final ArrayDeque<Call> waiting = new ArrayDeque<>();
  private int running;
  private final java.util.concurrent.atomic.AtomicLong transactions = new java.util.concurrent.atomic.AtomicLong();

  public IngestService(Vertx vertx, Pool pool, MessageClassifier classifier, Clock clock) {
    this(vertx, pool, classifier, clock, SlaPolicy.standard(), InboundHook.NONE);
  }

  public IngestService(Vertx vertx, Pool pool, MessageClassifier classifier, Clock clock, InboundHook hook) {
    this(vertx, pool, classifier, clock, SlaPolicy.standard(), hook);
  }

  public IngestService(Vertx vertx, Pool pool, MessageClassifier classifier, Clock clock, SlaPolicy sla) {
    this(vertx, pool, classifier, clock, sla, InboundHook.NONE);
  }

  public IngestService(Vertx vertx, Pool pool, MessageClassifier classifier, Clock clock, SlaPolicy sla,
                       InboundHook hook) {
    this.work = new UnitOfWork(vertx, pool, clock);
    this.write = new IngestWrite(classifier, sla, hook);
  }

  public record Result(int stored, int duplicates) {}

  /** Batch transactions committed so far (each carries one or more calls). */
  public long transactions() {
    return transactions.get();
  }

  /** One caller's messages with their classifications, and the promise answered after its commit. */
  private record Call(List<InboundMessage> messages, List<IngestWrite.Prepared> prepared, Promise<Result> done) {}

  public Future<Result> ingest(List<InboundMessage> received) {
    List<InboundMessage> messages = InboundText.storable(received);
    if (messages.isEmpty()) {
      return Future.succeededFuture(new Result(0, 0));
    }
    // classification, language detection and spam patterns are CPU work on user text: a worker thread, not
    // the event loop, and before the transaction, so no conversation is locked while they run
    return work.vertx().executeBlocking(() -> {
      List<IngestWrite.Prepared> prepared = new ArrayList<>();
      messages.forEach(m -> prepared.add(write.prepare(m)));
      return prepared;
    }, false).compose(prepared -> {
      Promise<Result> done = Promise.promise();
      synchronized (this) {
        waiting.add(new Call(List.copyOf(messages), prepared, done));
      }
      drain();
      return done.future();
    });
  }

  private void drain() {
    while (true) {
      List<Call> batch = new ArrayList<>();
      synchronized (this) {
        if (running >= MAX_RUNNING || waiting.isEmpty()) {
          return;
        }
        int size = 0;
        while (!waiting.isEmpty() && (batch.isEmpty() || size + waiting.peek().messages().size() <= MAX_BATCH)) {
          Call c = waiting.poll();
          batch.add(c);
          size += c.messages().size();
        }
        running++;
      }
      commit(batch).onComplete(ar -> {
        synchronized (this) {
          running--;
        }
        if (ar.failed() && batch.size() > 1) {
          batch.forEach(c -> commit(List.of(c)).onFailure(c.done()::tryFail));
        } else if (ar.failed()) {
          batch.get(0).done().tryFail(ar.cause());
        }
        drain();
      });
    }
  }

  /** One transaction for the calls; answers each call after the commit. */
  private Future<Void> commit(List<Call> calls) {
    record Item(int call, InboundMessage message, IngestWrite.Prepared prepared) {}
    List<Item> items = new ArrayList<>();
    for (int c = 0; c < calls.size(); c++) {
      for (int i = 0; i < calls.get(c).messages().size(); i++) {
        items.add(new Item(c, calls.get(c).messages().get(i), calls.get(c).prepared().get(i)));
      }
    }
    // conversations are locked in one order by every batch (no deadlock between batches); a stable sort
    // keeps each conversation's messages in arrival order
    items.sort(Comparator.comparing((Item it) -> it.message().accountId())
        .thenComparing(it -> it.message().platformConversationId()));
    // Rounds: the k-th message of every conversation in the batch. The messages of one round belong to
    // different conversations, so they are written concurrently: their statements are pipelined on the
    // connection (each round costs the round trips of one message), and the first statements, which take
    // the locks, are sent in the sorted order. A conversation's next message waits for the next round.
    List<List<Item>> rounds = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (Item it : items) {
      int round = seen.merge(it.message().accountId() + "\n" + it.message().platformConversationId(), 1, Integer::sum) - 1;
      if (round == rounds.size()) {
        rounds.add(new ArrayList<>());
      }
      rounds.get(round).add(it);
    }
    int[] stored = new int[calls.size()];
    return work.run(change -> {
      Future<Void> chain = Future.succeededFuture();
      for (List<Item> round : rounds) {
        chain = chain.compose(v -> Future.all(round.stream().map(it -> write.storeOne(change, it.message(), it.prepared())
            .map(isNew -> {
              if (isNew) {
                stored[it.call()]++;
                change.afterCommit(Kicks::routing);
              }
              return null;
            })).toList()).mapEmpty());
      }
      return chain;
    }).map(v -> {
      transactions.incrementAndGet();
      for (int c = 0; c < calls.size(); c++) {
        calls.get(c).done().tryComplete(new Result(stored[c], calls.get(c).messages().size() - stored[c]));
      }
      return null;
    });
  }
}
