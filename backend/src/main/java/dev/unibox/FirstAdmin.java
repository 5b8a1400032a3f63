package dev.unibox;

import dev.unibox.auth.UserStore;
import dev.unibox.config.UniboxConfig;
import dev.unibox.demo.DemoMode;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The demo users (in demo mode) and the first admin, created at the first start from the configured password. */
final class FirstAdmin {

  private static final Logger LOG = LoggerFactory.getLogger(FirstAdmin.class);

  private FirstAdmin() {}

  static Future<Void> ensure(Pool pool, UniboxConfig config, DemoMode demo) {
    Future<Void> demoUsers = demo == null ? Future.succeededFuture() : demo.createUsers(pool);
    return demoUsers.compose(v -> UserStore.adminExists(pool)).compose(exists -> {
      if (exists) {
        return Future.succeededFuture();
      }
      if (config.auth().adminPassword().isBlank()) {
        return Future.failedFuture(new IllegalStateException("No admin user exists yet: set "
            + "UNIBOX_AUTH_BOOTSTRAPADMIN_PASSWORD (and optionally UNIBOX_AUTH_BOOTSTRAPADMIN_USERNAME) for the first start"));
      }
      LOG.info("Creating the first admin '{}'", config.auth().adminUsername());
      return UserStore.create(pool, config.auth().adminUsername(), "Administrator", "admin",
          config.auth().adminPassword(), true, config.routing().defaultMaxConcurrent()).mapEmpty();
    });
  }
}
