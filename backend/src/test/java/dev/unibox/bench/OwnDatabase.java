package dev.unibox.bench;

import dev.unibox.store.Database;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A benchmark's own embedded PostgreSQL in a fresh temporary directory, with durable settings (fsync and
 * synchronous_commit on; the shared test server runs with fsync off) and the service's schema.
 */
record OwnDatabase(EmbeddedPostgres server, Database db) {

  /** @param settings further server settings, e.g. maintenance_work_mem for an index build */
  static OwnDatabase start(Vertx vertx, String name, int poolSize, Map<String, String> settings) throws Exception {
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(Files.createTempDirectory(name))
        .setCleanDataDirectory(true).setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
    settings.forEach(builder::setServerConfig);
    EmbeddedPostgres server = builder.start();
    Database db = await(Database.connect(vertx, new PgConnectOptions().setHost("localhost").setPort(server.getPort())
        .setDatabase("postgres").setUser("postgres").setPassword("postgres"), poolSize));
    return new OwnDatabase(server, db);
  }

  Pool pool() {
    return db.pool();
  }

  void close() throws Exception {
    await(db.close());
    server.close();
  }

  /** Waits for a step of a benchmark (a load of a million rows takes a while). */
  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(2, TimeUnit.HOURS);
  }
}
