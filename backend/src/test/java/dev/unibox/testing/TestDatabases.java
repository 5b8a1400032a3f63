package dev.unibox.testing;

import dev.unibox.store.Database;
import dev.unibox.store.EmbeddedPostgresServer;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** One real embedded PostgreSQL per test JVM; every test gets a fresh, migrated database of its own. */
public final class TestDatabases {

  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static EmbeddedPostgresServer server;

  private TestDatabases() {}

  private static synchronized EmbeddedPostgresServer server() throws Exception {
    if (server == null) {
      Path dir = Files.createTempDirectory("unibox-test-pg");
      server = EmbeddedPostgresServer.start(dir, true);
      EmbeddedPostgresServer started = server;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          started.stop();
        } catch (Exception ignored) {
          // the JVM is ending
        }
      }));
    }
    return server;
  }

  private static final java.util.Map<Database, io.vertx.pgclient.PgConnectOptions> OPTIONS =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  public static Database fresh(Vertx vertx) throws Exception {
    return fresh(vertx, Await.TIMEOUT);
  }

  /** A fresh database, waiting up to {@code timeout} for its migrations (harnesses on a busy machine). */
  public static Database fresh(Vertx vertx, java.time.Duration timeout) throws Exception {
    String name = "t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    io.vertx.pgclient.PgConnectOptions options = server().createDatabaseIfMissing(name);
    Database db = Database.connect(vertx, options, 8).toCompletionStage().toCompletableFuture()
        .get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    OPTIONS.put(db, options);
    return db;
  }

  /** How to reach a database made by {@link #fresh} (for extra pools, e.g. routers as on other nodes). */
  public static io.vertx.pgclient.PgConnectOptions options(Database db) {
    return OPTIONS.get(db);
  }
}
