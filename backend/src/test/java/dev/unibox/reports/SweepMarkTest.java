package dev.unibox.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.Await;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sweep takes each change once: rows it already counted are not recomputed at every later sweep while they
 * sit inside the late-commit margin, and a transaction that commits after a sweep, with rows stamped before it,
 * is still counted by the next one.
 */
class SweepMarkTest {

  @RegisterExtension
  final ReportDatabase data = new ReportDatabase("2026-11-24T12:00:00Z");

  @Test
  void aSweepRecomputesOnlyWhatTheLastOneCouldNotSee() throws Exception {
    data.rows().shop("s1", "shopee", "Asia/Bangkok");
    long agent = data.rows().agent("mei");
    data.rows().answered("s1", "c1", agent, data.clock.instant().atOffset(ZoneOffset.UTC),
        data.clock.instant().plusSeconds(30).atOffset(ZoneOffset.UTC));
    data.clock.advance(Duration.ofSeconds(5));
    assertThat(data.sweep().conversations()).isEqualTo(1);

    data.clock.advance(Duration.ofSeconds(5));
    assertThat(data.sweep().conversations()).as("nothing new within the margin").isZero();

    long c2 = data.rows().conversation("s1", "c2", "closed");
    data.rows().in(c2, "s1", data.clock.instant().atOffset(ZoneOffset.UTC));
    data.clock.advance(Duration.ofSeconds(5));
    assertThat(data.sweep().conversations()).as("only the new conversation").isEqualTo(1);
    assertThat(data.sweep().conversations()).isZero();
  }

  @Test
  void aTransactionThatCommitsAfterASweepIsCountedByTheNext() throws Exception {
    data.rows().shop("s1", "shopee", "Asia/Bangkok");
    long late = data.rows().conversation("s1", "late", "closed");
    data.clock.advance(Duration.ofSeconds(5));
    data.sweep();

    SqlConnection conn = Await.result(data.pool().getConnection());
    try {
      Await.result(conn.query("BEGIN").execute());
      // stamped now, before the next sweep; committed only after it
      Await.result(conn.preparedQuery("INSERT INTO messages (conversation_id, account_id, direction, message_type, body, "
              + "author_name, status, at, created_at) VALUES ($1, 's1', 'in', 'text', 'hello', 'x', 'received', $2, $2)")
          .execute(Tuple.of(late, data.clock.instant().atOffset(ZoneOffset.UTC))));
      data.clock.advance(Duration.ofSeconds(5));
      assertThat(data.sweep().conversations()).as("uncommitted: not seen").isZero();
      Await.result(conn.query("COMMIT").execute());
    } finally {
      Await.result(conn.close());
    }
    data.clock.advance(Duration.ofSeconds(5));
    assertThat(data.sweep().conversations()).isEqualTo(1);
    assertThat(Await.result(data.pool().query("SELECT count(*) FROM report_waits WHERE conversation_id = " + late)
        .execute()).iterator().next().getLong(0)).as("the late message's wait is counted").isEqualTo(1);
  }
}
