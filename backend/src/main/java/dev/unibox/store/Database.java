package dev.unibox.store;

import dev.unibox.config.UniboxConfig.DatabaseConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL the service stores everything in: an external server when {@code database.url} is
 * set, otherwise an embedded real PostgreSQL whose data stays in {@code database.embeddedDataDir}.
 * Migrations (Flyway, {@code db/migration}) run before the pool is handed out.
 */
public final class Database {

  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  private final Vertx vertx;
  private final Pool pool;
  private final EmbeddedPostgresServer embedded;

  private Database(Vertx vertx, Pool pool, EmbeddedPostgresServer embedded) {
    this.vertx = vertx;
    this.pool = pool;
    this.embedded = embedded;
  }

  /** Work on the schema as it is before this start's migrations, e.g. carrying data out of a table one drops. */
  @FunctionalInterface
  public interface BeforeMigrate {
    void run(java.sql.Connection c) throws Exception;
  }

  public static Future<Database> start(Vertx vertx, DatabaseConfig config) {
    return start(vertx, config, c -> { });
  }

  public static Future<Database> start(Vertx vertx, DatabaseConfig config, BeforeMigrate beforeMigrate) {
    return vertx.executeBlocking(() -> {
      try {
        EmbeddedPostgresServer embedded = null;
        PgConnectOptions connect;
        if (config.embedded()) {
          embedded = EmbeddedPostgresServer.start(config.embeddedDataDir(), false);
          connect = embedded.createDatabaseIfMissing("unibox");
        } else {
          connect = PgConnectOptions.fromUri(config.url());
        }
        try {
          migrate(connect, beforeMigrate);
        } catch (Exception e) {
          if (embedded != null) {
            embedded.stop();
          }
          throw e;
        }
        return new Started(connect, embedded);
      } catch (Exception e) {
        throw new IllegalStateException("Database could not be started (" + config + "): " + e.getMessage(), e);
      }
    }).map(s -> new Database(vertx, pool(vertx, s.connect(), config.poolSize()), s.embedded()));
  }

  private record Started(PgConnectOptions connect, EmbeddedPostgresServer embedded) {}

  private static Pool pool(Vertx vertx, PgConnectOptions connect, int size) {
    // named, cached prepared statements: the server parses and plans each statement once per connection
    // (the routing pass and ingest run the same few statements over and over)
    PgConnectOptions cached = new PgConnectOptions(connect).setCachePreparedStatements(true);
    return PgBuilder.pool().with(new PoolOptions().setMaxSize(size)).connectingTo(cached).using(vertx).build();
  }

  /** Connects to an existing database (tests create one per class), migrating it first. */
  public static Future<Database> connect(Vertx vertx, PgConnectOptions connect, int poolSize) {
    return vertx.executeBlocking(() -> {
      migrate(connect);
      return connect;
    }).map(c -> new Database(vertx, pool(vertx, c, poolSize), null));
  }

  static void migrate(PgConnectOptions c) throws Exception {
    migrate(c, x -> { });
  }

  static void migrate(PgConnectOptions c, BeforeMigrate beforeMigrate) throws Exception {
    String jdbc = "jdbc:postgresql://" + c.getHost() + ":" + c.getPort() + "/" + c.getDatabase();
    try (java.sql.Connection before = java.sql.DriverManager.getConnection(jdbc, c.getUser(), c.getPassword())) {
      beforeMigrate.run(before);
    }
    var result = Flyway.configure()
        .dataSource(jdbc, c.getUser(), c.getPassword())
        .locations("classpath:db/migration")
        .load()
        .migrate();
    // with nothing to apply Flyway leaves the target empty: the schema is still at the version it found
    String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
    LOG.info("Schema at version {} ({} migrations applied now)", version, result.migrationsExecuted);
  }

  public Pool pool() {
    return pool;
  }

  public Future<Void> close() {
    return pool.close().eventually(() -> embedded == null
        ? Future.succeededFuture()
        : vertx.executeBlocking(() -> {
          embedded.stop();
          return null;
        }).mapEmpty());
  }
}
