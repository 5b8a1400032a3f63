package dev.unibox.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

/** A PostgreSQL advisory lock held until the end of the caller's transaction: one holder across all nodes. */
public final class AdvisoryLock {

  private static final String TAKE = "SELECT pg_advisory_xact_lock($1)";

  private AdvisoryLock() {}

  /** Waits until no other transaction holds {@code key}, then holds it until this transaction ends. */
  public static Future<Void> take(SqlClient c, long key) {
    return c.preparedQuery(TAKE).execute(Tuple.of(key)).mapEmpty();
  }
}
