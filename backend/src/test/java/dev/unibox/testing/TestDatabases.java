package dev.unibox.testing;

import dev.unibox.store.Database;
import dev.unibox.store.EmbeddedPostgresServer;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real embedded PostgreSQL per test JVM; every test gets a fresh, migrated database of its own. The
 * migrations run once per JVM into a template that each test's database copies: a copy takes about a third of
 * the time of running every migration again, which a run of several hundred tests felt in minutes.
 */
public final class TestDatabases {

  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static EmbeddedPostgresServer server;
  private static String template;

  private TestDatabases() {}

  private static synchronized EmbeddedPostgresServer server() throws Exception {
    if (server == null) {
      Path dir = TestDataDirs.create();
      server = EmbeddedPostgresServer.start(dir, false, durability());
      EmbeddedPostgresServer started = server;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          started.stop();
        } catch (Exception ignored) {
          // the JVM is ending
        }
        TestDataDirs.removeInBackground(List.of(dir));
      }));
    }
    return server;
  }

  /** Tests run fast (-Dunibox.test.durable=true for benchmarks, which must measure durable commits). */
  private static EmbeddedPostgresServer.Durability durability() {
    return Boolean.getBoolean("unibox.test.durable") ? EmbeddedPostgresServer.Durability.DURABLE
        : EmbeddedPostgresServer.Durability.FAST_FOR_TESTS;
  }

  private static final java.util.Map<Database, io.vertx.pgclient.PgConnectOptions> OPTIONS =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  /** The migrated database every fresh one copies; nothing stays connected to it (a copy needs that). */
  private static synchronized String template(Vertx vertx) throws Exception {
    if (template == null) {
      String name = "t" + ProcessHandle.current().pid() + "_template";
      Await.result(Database.connect(vertx, server().createDatabaseIfMissing(name), 1).compose(Database::close));
      template = name;
    }
    return template;
  }

  public static Database fresh(Vertx vertx) throws Exception {
    String name = "t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    io.vertx.pgclient.PgConnectOptions options = server().createDatabaseIfMissing(name, template(vertx));
    Database db = Await.result(Database.connect(vertx, options, 8));
    OPTIONS.put(db, options);
    return db;
  }

  /** How to reach a database made by {@link #fresh} (for extra pools, e.g. routers as on other nodes). */
  public static io.vertx.pgclient.PgConnectOptions options(Database db) {
    return OPTIONS.get(db);
  }
}
