package dev.unibox;

import dev.unibox.accounts.AccountAdminStore;
import dev.unibox.accounts.AccountHealth;
import dev.unibox.accounts.AccountRegistry;
import dev.unibox.accounts.AccountRoutes;
import dev.unibox.accounts.AccountService;
import dev.unibox.accounts.AccountStore;
import dev.unibox.accounts.MarkReadOnOpen;
import dev.unibox.accounts.SecretBox;
import dev.unibox.adapters.spi.AccountConfig;
import dev.unibox.auth.AuthRoutes;
import dev.unibox.auth.LoginThrottle;
import dev.unibox.auth.ServerSecrets;
import dev.unibox.auth.TokenService;
import dev.unibox.auth.UserStore;
import dev.unibox.config.ClassificationRulesLoader;
import dev.unibox.config.UniboxConfig;
import dev.unibox.conversations.CloseConversation;
import dev.unibox.conversations.ConversationRoutes;
import dev.unibox.demo.DemoMode;
import dev.unibox.domain.LinguaLanguageDetector;
import dev.unibox.domain.MessageClassifier;
import dev.unibox.gateway.AgentGateway;
import dev.unibox.ingest.IngestService;
import dev.unibox.ingest.WebhookRoutes;
import dev.unibox.outbox.OutboxSender;
import dev.unibox.outbox.ReplyRoutes;
import dev.unibox.outbox.ReplyService;
import dev.unibox.polling.PollingVerticle;
import dev.unibox.quality.QualityModule;
import dev.unibox.planning.PlanningRoutes;
import dev.unibox.planning.PlanningService;
import dev.unibox.routing.QueueRoutes;
import dev.unibox.routing.Router;
import dev.unibox.routing.RoutingPolicies;
import dev.unibox.routing.RoutingVerticle;
import dev.unibox.shifts.Roster;
import dev.unibox.shifts.ShiftsModule;
import dev.unibox.sla.SlaSweep;
import dev.unibox.sla.SlaVerticle;
import dev.unibox.sla.SurgeControl;
import dev.unibox.store.Database;
import dev.unibox.web.HttpVerticle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: store, accounts and their adapters, ingest, routing, outbox, gateway and web,
 * started in order. Main and the end-to-end tests both start the service through here.
 */
public final class UniboxApp {

  private static final Logger LOG = LoggerFactory.getLogger(UniboxApp.class);

  private final Vertx vertx;
  private final UniboxConfig config;
  private final Clock clock;
  private final Database db;
  private final boolean ownsDatabase;
  private final AccountRegistry accounts = new AccountRegistry();
  private final List<String> deployments = new ArrayList<>();
  private DemoMode demo;
  private Router router;
  private SurgeControl surge;
  private HttpVerticle http;
  private AccountService accountService;
  private QualityModule quality;
  private ShiftsModule shifts;

  private UniboxApp(Vertx vertx, UniboxConfig config, Clock clock, Database db, boolean ownsDatabase) {
    this.vertx = vertx;
    this.config = config;
    this.clock = clock;
    this.db = db;
    this.ownsDatabase = ownsDatabase;
  }

  /** Starts with the configured database (embedded unless database.url is set). */
  public static Future<UniboxApp> start(Vertx vertx, UniboxConfig config, Clock clock) {
    return Database.start(vertx, config.database())
        .compose(db -> new UniboxApp(vertx, config, clock, db, true).boot());
  }

  /** Starts on a database the caller owns (tests give each class its own). */
  public static Future<UniboxApp> start(Vertx vertx, UniboxConfig config, Clock clock, Database db) {
    return new UniboxApp(vertx, config, clock, db, false).boot();
  }

  private Future<UniboxApp> boot() {
    var pool = db.pool();
    var classifier = vertx.executeBlocking(() -> {
      MessageClassifier c = new MessageClassifier(ClassificationRulesLoader.load(config.classificationFile()),
          new LinguaLanguageDetector());
      c.classify("warm up the language models");
      return c;
    });
    if (config.demo().enabled()) {
      demo = new DemoMode(vertx, config.demo());
    }
    Future<List<AccountConfig>> accountConfigs = demo == null
        ? Future.succeededFuture(config.accounts()) : demo.startPlatform(config.accounts());
    return Future.all(classifier, accountConfigs, UserStore.everyoneOffline(pool))
        .compose(v -> ServerSecrets.jwtSecret(pool, config.auth().jwtSecret()))
        .compose(secret -> bootstrapUsers().map(secret))
        .compose(secret -> {
          quality = new QualityModule(vertx, pool, QualityModule.directory(config), clock);
          return quality.start().map(secret);
        })
        .compose(secret -> {
          TokenService tokens = new TokenService(vertx, secret, config.auth().tokenHours());
          IngestService ingest = new IngestService(vertx, pool, classifier.result(), clock,
              config.routing().sla().policy(), quality.inboundHook());
          router = new Router(vertx, pool, clock, RoutingPolicies.byName(config.routing().policy()));
          surge = new SurgeControl(vertx, pool, clock, config.routing().surge(),
              config.routing().sla().policy().targets(null, null).regular(), config.routing().shifts());
          ReplyService replies = new ReplyService(vertx, pool, accounts, clock, quality.replyGuard());
          CloseConversation close = new CloseConversation(vertx, pool, clock);
          List<String> platforms = accountConfigs.result().stream().map(AccountConfig::platform).distinct().toList();
          AccountAdminStore accountStore = new AccountAdminStore(SecretBox.fromEnvOrFile(credentialsKeyFile()));
          AccountHealth health = new AccountHealth(vertx, pool, accountStore, clock);
          accountService = new AccountService(vertx, pool, accounts, accountStore, health, clock,
              id -> new PollingVerticle(id, accounts, ingest, accountStore, pool, clock, pollIntervalMs(id)),
              this::resolveSelfUrl);
          // one roster: routing's configured plan (config/shifts.yaml) until a supervisor edits it
          shifts = new ShiftsModule(vertx, pool, clock, () -> Roster.from(config.routing().shifts()),
              config.routing().sweepMillis());
          http = new HttpVerticle(config.http().host(), config.http().port(), pool, List.of(
              new AuthRoutes(pool, tokens, new LoginThrottle(10, java.time.Duration.ofMinutes(5), clock))::mount,
              new MarkReadOnOpen(pool, accounts)::mount,
              new ConversationRoutes(pool, close)::mount,
              new ReplyRoutes(replies)::mount,
              new AccountRoutes(pool, accountService, accountStore)::mount,
              new WebhookRoutes(accounts, ingest, platforms).onPushed(health::pushed)::mount,
              new QueueRoutes(vertx, pool, clock, config.routing().sla().policy(), surge, router.policy())::mount,
              new PlanningRoutes(new PlanningService(vertx, pool, clock,
                  config.classificationFile().toAbsolutePath().getParent().resolve("scenarios"),
                  config.routing().shifts()))::mount,
              quality::mount,
              shifts::mount),
              new AgentGateway(vertx, pool, tokens));
          return shifts.start().compose(v -> deploy(http));
        })
        .compose(v -> {
          List<AccountConfig> resolved = accountConfigs.result().stream().map(this::resolveSelfUrl).toList();
          return AccountStore.sync(pool, resolved)
              .compose(x -> quality.afterAccountsSynced())
              .compose(x -> accountService.boot(resolved))
              .compose(x -> deploy(new RoutingVerticle(router, config.routing().sweepMillis())))
              .compose(x -> deploy(new SlaVerticle(new SlaSweep(vertx, pool, clock, config.routing().sla(),
                  config.routing().shifts(), surge, router).shiftStatesFrom(shifts.rosters::refreshStates),
                  config.routing().sla().sweepMillis())))
              .compose(x -> deploy(new OutboxSender(pool, accounts, config.outbox(), clock)))
              .compose(x -> deploy(quality.autoReplies()))
              .compose(x -> deploy(shifts.clock))
              .onSuccess(x -> {
                if (demo != null) {
                  demo.startBuyers(resolved);
                }
              });
        })
        .map(v -> {
          LOG.info("Unibox is up at {} ({} accounts)", baseUrl(), config.accounts().size());
          return this;
        });
  }

  private Future<Void> bootstrapUsers() {
    var pool = db.pool();
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

  /** "self:/path" callback URLs point at this server's own address. */
  private AccountConfig resolveSelfUrl(AccountConfig a) {
    if (!a.callbackUrl().startsWith("self:")) {
      return a;
    }
    return new AccountConfig(a.accountId(), a.platform(), a.shopId(), a.shopName(), a.region(), a.timeZone(),
        a.apiBaseUrl(), baseUrl() + a.callbackUrl().substring("self:".length()), a.credentials(), a.options());
  }

  /** Outside the database: UNIBOX_CREDENTIALS_KEY, else a key file next to the embedded data directory. */
  private java.nio.file.Path credentialsKeyFile() {
    java.nio.file.Path data = config.database().embeddedDataDir().toAbsolutePath();
    return (data.getParent() == null ? data : data.getParent()).resolve("credentials.key");
  }

  /** Backstop interval: the account's option pollIntervalSeconds, default 60 s. */
  private long pollIntervalMs(String accountId) {
    String raw = accounts.byAccount(accountId).map(a -> a.account().options().get("pollIntervalSeconds")).orElse(null);
    try {
      return raw == null ? 60_000 : Math.max(1, Long.parseLong(raw.trim())) * 1000;
    } catch (NumberFormatException e) {
      return 60_000;
    }
  }

  private Future<Void> deploy(io.vertx.core.Deployable verticle) {
    return vertx.deployVerticle(verticle).map(id -> {
      deployments.add(id);
      return null;
    });
  }

  public int httpPort() {
    return http.actualPort();
  }

  public String baseUrl() {
    String host = config.http().host();
    return "http://" + ("0.0.0.0".equals(host) ? "127.0.0.1" : host) + ":" + httpPort();
  }

  /** Rosters, handover and the supervisor console (tests drive its shift clock). */
  public ShiftsModule shifts() {
    return shifts;
  }

  public AccountRegistry accounts() {
    return accounts;
  }

  public Database database() {
    return db;
  }

  public Future<Void> stop() {
    Future<Void> chain = demo == null ? Future.succeededFuture() : demo.stop();
    for (String id : List.copyOf(deployments)) {
      chain = chain.eventually(() -> vertx.undeploy(id));
    }
    if (accountService != null) {
      chain = chain.eventually(accountService::stop);
    }
    return chain.eventually(() -> quality == null ? Future.succeededFuture() : quality.stop())
        .eventually(accounts::stopAll)
        .eventually(() -> ownsDatabase ? db.close() : Future.succeededFuture());
  }
}
