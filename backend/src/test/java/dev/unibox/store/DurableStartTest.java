package dev.unibox.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.config.UniboxConfig.DatabaseConfig;
import dev.unibox.testing.Await;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The service's own start of the embedded PostgreSQL commits durably (an ack survives a power loss). */
@ExtendWith(VertxExtension.class)
class DurableStartTest {

  @Test
  void theServiceStartsPostgresWithFsyncAndSynchronousCommit(Vertx vertx, @TempDir Path tmp) throws Exception {
    // inside a directory JUnit removes: the data directory and the lock and password files kept beside it
    Path dir = tmp.resolve("pg");
    // initdb and the migrations with fsync on take a while on a shared machine
    Database db = Database.start(vertx, new DatabaseConfig(null, dir, 2)).toCompletionStage().toCompletableFuture()
        .get(3, TimeUnit.MINUTES);
    try {
      assertThat(show(db, "fsync")).isEqualTo("on");
      assertThat(show(db, "synchronous_commit")).isEqualTo("on");
      assertThat(show(db, "full_page_writes")).isEqualTo("on");
    } finally {
      Await.result(db.close());
    }
  }

  private static String show(Database db, String setting) throws Exception {
    return Await.result(db.pool().query("SHOW " + setting).execute()).iterator().next().getString(0);
  }
}
