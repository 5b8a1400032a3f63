package dev.unibox.ingest;

import dev.unibox.adapters.spi.OrderEvent;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

/** Stores the order events a push carried, once per (order, status): a redelivered push changes nothing. */
public final class OrderEventStore {

  private static final String INSERT = """
      INSERT INTO order_events (account_id, order_id, status, platform_buyer_id, placed_at, at, received_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING""";

  private final Pool pool;
  private final Clock clock;

  public OrderEventStore(Pool pool, Clock clock) {
    this.pool = pool;
    this.clock = clock;
  }

  /** The number of events that were new. */
  public Future<Integer> store(List<OrderEvent> events) {
    if (events.isEmpty()) {
      return Future.succeededFuture(0);
    }
    var now = clock.instant().atOffset(ZoneOffset.UTC);
    List<Tuple> rows = events.stream().map(e -> Tuple.from(new Object[] {e.accountId(), e.orderId(), e.status(),
        e.platformBuyerId(), e.placedAt().atOffset(ZoneOffset.UTC), e.at().atOffset(ZoneOffset.UTC), now})).toList();
    return pool.withTransaction(c -> c.preparedQuery(INSERT).executeBatch(rows).map(rs -> {
      int n = 0;
      for (var r = rs; r != null; r = r.next()) {
        n += r.rowCount();
      }
      return n;
    }));
  }
}
