package dev.unibox.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

/**
 * A database is either the demo's or real work's, never both: the demo creates users whose passwords
 * are published, so a normal start on a demo database (or the demo on a real one) is refused with a
 * clear message instead of silently keeping those logins. The first start marks the database.
 */
public final class InstanceMode {

  private static final String CLAIM = """
      INSERT INTO instance_mode (mode) VALUES ($1) ON CONFLICT (singleton) DO NOTHING""";
  private static final String READ = "SELECT mode FROM instance_mode";

  private InstanceMode() {
  }

  public static Future<Void> claim(Pool pool, boolean demo) {
    String wanted = demo ? "demo" : "production";
    return pool.preparedQuery(CLAIM).execute(Tuple.of(wanted))
        .compose(v -> pool.query(READ).execute())
        .compose(rows -> {
          String mode = rows.iterator().next().getString("mode");
          if (mode.equals(wanted)) {
            return Future.succeededFuture();
          }
          return Future.failedFuture(new IllegalStateException(demo
              ? "This database holds real work; the demo (with its published passwords) will not start on it. "
                  + "Demo data lives in its own directory (database.embeddedDataDir in config/demo.yaml)."
              : "This database was created by the demo and holds its users with published passwords; "
                  + "a normal start will not use it. Start with --demo, or use another database "
                  + "(database.embeddedDataDir / database.url); delete the demo directory to discard it."));
        });
  }
}
