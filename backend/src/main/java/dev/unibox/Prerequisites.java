package dev.unibox;

import dev.unibox.adapters.spi.AccountConfig;
import dev.unibox.auth.ServerSecrets;
import dev.unibox.auth.UserStore;
import dev.unibox.classification.ClassifierModule;
import dev.unibox.cluster.NodeSockets;
import dev.unibox.config.ClassificationRulesLoader;
import dev.unibox.config.UniboxConfig;
import dev.unibox.demo.DemoMode;
import dev.unibox.domain.LinguaLanguageDetector;
import dev.unibox.domain.MessageClassifier;
import dev.unibox.quality.QualityModule;
import dev.unibox.store.DataDirFiles;
import dev.unibox.store.InstanceMode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.List;

/**
 * What the services need before they are built: the database claimed for this mode (demo or not), the
 * classifier warmed up, the accounts (the demo platform's in demo mode), presence reset, the session
 * signing key, the first admin and the quality rules.
 */
final class Prerequisites {

  record Ready(ClassifierModule classifierModule, MessageClassifier classifier, List<AccountConfig> accounts,
               String jwtSecret, QualityModule quality) {}

  private Prerequisites() {}

  static Future<Ready> prepare(Vertx vertx, Pool pool, UniboxConfig config, Clock clock, DemoMode demo) {
    var classifierModule = new ClassifierModule(vertx, pool, clock, config.routing().sla().policy(),
        config.classificationFile());
    Future<MessageClassifier> classifier = classifierModule.start().compose(x -> vertx.executeBlocking(() -> {
      MessageClassifier c = new MessageClassifier(ClassificationRulesLoader.load(config.classificationFile()),
          new LinguaLanguageDetector(), classifierModule.judge());
      c.classify("warm up the language models");
      return c;
    }));
    Future<List<AccountConfig>> accounts = demo == null
        ? Future.succeededFuture(config.accounts()) : demo.startPlatform(config.accounts());
    // one node owns all presence; several nodes keep theirs per node (docs/deploy.md)
    Future<Void> presence = config.cluster().enabled() ? Future.succeededFuture()
        : NodeSockets.forgetAll(pool).compose(v -> UserStore.everyoneOffline(pool));
    return InstanceMode.claim(pool, demo != null)
        .compose(v -> Future.all(classifier, accounts, presence))
        .compose(v -> vertx.executeBlocking(() -> ServerSecrets.jwtSecret(config.auth().jwtSecret(), jwtKeyFile(config))))
        .compose(secret -> FirstAdmin.ensure(pool, config, demo).map(secret))
        .compose(secret -> {
          QualityModule quality = new QualityModule(vertx, pool, QualityModule.directory(config), clock);
          return quality.start().map(v -> new Ready(classifierModule, classifier.result(), accounts.result(), secret,
              quality));
        });
  }

  /** Without auth.jwtSecret the signing key is kept in a file beside the embedded data directory (never in the database). */
  static java.nio.file.Path jwtKeyFile(UniboxConfig config) {
    return DataDirFiles.jwtKey(config.database().embeddedDataDir());
  }
}
