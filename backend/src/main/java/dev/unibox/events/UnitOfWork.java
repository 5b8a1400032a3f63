package dev.unibox.events;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;

/**
 * The one way a change is written: one transaction with one "now"; the events it announces are stored
 * in its last round trip (after every other write, while its rows are still locked, so events of one
 * conversation are numbered in the order of its changes) and published, with the wake-ups it asked
 * for, only after the commit. A socket therefore never shows what the store does not hold.
 */
public record UnitOfWork(Vertx vertx, Pool pool, Clock clock) {

  public <T> Future<T> run(Function<Change, Future<T>> body) {
    return run(clock.instant(), body);
  }

  /** The same at a given time (a sweep that decided at its own "now"). */
  public <T> Future<T> run(Instant now, Function<Change, Future<T>> body) {
    Change[] change = new Change[1];
    return pool.withTransaction(conn -> {
      change[0] = new Change(conn, now);
      return body.apply(change[0]).compose(result -> change[0].flush().map(result));
    }).onSuccess(result -> change[0].committed(vertx));
  }
}
