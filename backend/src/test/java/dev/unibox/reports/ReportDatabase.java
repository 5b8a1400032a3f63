package dev.unibox.reports;

import dev.unibox.store.Database;
import dev.unibox.testing.Await;
import dev.unibox.testing.MutableClock;
import dev.unibox.testing.TestDatabases;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Instant;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The set-up the report tests share: before each test (before its {@code @BeforeEach} methods) a Vert.x and a
 * fresh migrated database, {@link ReportRows} writing into it on a clock set to a fixed instant; both closed
 * after the test. Register it as {@code @RegisterExtension final ReportDatabase data = new ReportDatabase(...)}.
 */
final class ReportDatabase implements BeforeEachCallback, AfterEachCallback {

  final MutableClock clock;
  private Vertx vertx;
  private Database db;
  private ReportRows rows;

  ReportDatabase(String instant) {
    this.clock = new MutableClock(Instant.parse(instant));
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    vertx = Vertx.vertx();
    db = TestDatabases.fresh(vertx);
    rows = new ReportRows(db.pool(), clock);
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    try {
      if (db != null) {
        Await.result(db.close());
      }
    } finally {
      Await.result(vertx.close());
    }
  }

  Vertx vertx() {
    return vertx;
  }

  Pool pool() {
    return db.pool();
  }

  ReportRows rows() {
    return rows;
  }

  /** Runs the rollup sweep once, at the clock's now. */
  RollupSweep.Result sweep() throws Exception {
    return Await.result(new RollupSweep(db.pool(), clock).sweep());
  }

  /** A report over the swept rollups, as the report API answers it. */
  JsonObject report(ReportFilter filter) throws Exception {
    return Await.result(new ReportService(db.pool()).report(filter));
  }

  /** The group of a report's {@code groups} with this key. */
  static JsonObject group(JsonArray groups, String key) {
    for (int i = 0; i < groups.size(); i++) {
      if (key.equals(groups.getJsonObject(i).getString("key"))) {
        return groups.getJsonObject(i);
      }
    }
    throw new AssertionError("no group " + key + " in " + groups.encode());
  }

  /** The number in the first column of the first row a query returns (a count, an id). */
  long queryLong(String sql) throws Exception {
    return Await.result(db.pool().query(sql).execute()).iterator().next().getLong(0);
  }
}
