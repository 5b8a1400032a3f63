package dev.unibox.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.Await;
import dev.unibox.testing.TestDatabases;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Migrations are numbered by capability range, so an upgrade can bring a migration numbered below one the
 * database already has (a database at V81 meeting a new V21 and V42): it is applied, not refused.
 */
@ExtendWith(VertxExtension.class)
class MigrationOrderTest {

  @Test
  void aNewMigrationBelowTheAppliedVersionIsAppliedOnUpgrade(Vertx vertx) throws Exception {
    Database db = TestDatabases.fresh(vertx);
    try {
      // the database as the previous release left it: V81 applied, V21 and V42 not yet known
      Await.result(db.pool().query("""
          DROP TABLE event_log_retention; DROP TABLE report_mailings;
          DELETE FROM flyway_schema_history WHERE version IN ('21', '42')""").execute());

      Database.migrate(TestDatabases.options(db));

      assertThat(Await.result(db.pool().query("""
          SELECT count(*) FROM flyway_schema_history WHERE version IN ('21', '42') AND success""").execute())
          .iterator().next().getLong(0)).isEqualTo(2);
      assertThat(Await.result(db.pool().query("SELECT pruned_through FROM event_log_retention").execute())
          .iterator().next().getLong(0)).isZero();
      assertThat(Await.result(db.pool().query("SELECT count(*) FROM report_mailings").execute())
          .iterator().next().getLong(0)).isZero();
    } finally {
      Await.result(db.close());
    }
  }
}
