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
import dev.unibox.auth.PasswordAttempts;
import dev.unibox.auth.ServerSecrets;
import dev.unibox.auth.TokenService;
import dev.unibox.auth.UserStore;
import dev.unibox.cluster.DeployedWork;
import dev.unibox.cluster.LeaseGroup;
import dev.unibox.cluster.LeaseKeeper;
import dev.unibox.cluster.NodeRuntime;
import dev.unibox.cluster.NodeSockets;
import dev.unibox.cluster.PresenceJanitor;
import dev.unibox.config.ClassificationRulesLoader;
import dev.unibox.config.UniboxConfig;
import dev.unibox.conversations.CloseConversation;
import dev.unibox.conversations.BuyerOrders;
import dev.unibox.conversations.ConversationRoutes;
import dev.unibox.conversations.FindRoutes;
import dev.unibox.demo.DemoHistory;
import dev.unibox.demo.DemoMode;
import dev.unibox.domain.LinguaLanguageDetector;
import dev.unibox.domain.MessageClassifier;
import dev.unibox.events.EventRetention;
import dev.unibox.events.EventTail;
import dev.unibox.classification.ClassifierModule;
import dev.unibox.gateway.AgentGateway;
import dev.unibox.gateway.SocketSessions;
import dev.unibox.users.UserAdminRoutes;
import dev.unibox.users.UserRoutes;
import dev.unibox.ingest.CoalescedPushes;
import dev.unibox.ingest.IngestService;
import dev.unibox.ingest.OrderEventStore;
import dev.unibox.ingest.WebhookRoutes;
import dev.unibox.outbox.OutboxSender;
import dev.unibox.outbox.ReplyRoutes;
import dev.unibox.ops.HealthRoutes;
import dev.unibox.ops.MetricsServer;
import dev.unibox.ops.ServiceMeters;
import dev.unibox.outbox.ReplyService;
import dev.unibox.polling.PollingVerticle;
import dev.unibox.quality.QualityModule;
import dev.unibox.routing.Assigner;
import dev.unibox.reports.ReportsModule;
import dev.unibox.routing.QueueRoutes;
import dev.unibox.routing.RoutingPolicies;
import dev.unibox.routing.RoutingVerticle;
import dev.unibox.shifts.ShiftsModule;
import dev.unibox.signals.Addresses;
import dev.unibox.sla.SlaSweep;
import dev.unibox.sla.SlaVerticle;
import dev.unibox.sla.SurgeControl;
import dev.unibox.sla.SurgeRoutes;
import dev.unibox.store.Database;
import dev.unibox.web.ClientAddress;
import dev.unibox.users.PreferenceRoutes;
import dev.unibox.web.HttpVerticle;
import io.vertx.core.Future;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
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
  private static final long DRAIN_SECONDS = 5;
  /** How long the login throttle remembers failed attempts, and for how many keys (user, client) at most. */
  private static final Duration LOGIN_MEMORY = Duration.ofMinutes(15);
  private static final int LOGIN_KEYS = 100_000;
  private DemoMode demo;
  private Assigner router;
  /** Live events to this node's sockets; polled this often besides the kicks after each commit. */
  private static final long EVENT_TAIL_POLL_MS = 100;
  private EventTail eventTail;
  /** How often open sockets are checked for an expired token (the most a socket outlives its token). */
  private static final long SESSION_SWEEP_MS = 1000;
  private SocketSessions socketSessions;
  /** How often old events are pruned (the retention itself is events.retentionDays). */
  private static final long EVENT_RETENTION_MILLIS = Duration.ofHours(1).toMillis();
  /** How often the accounts' "last push" is written (once per account, not once per push). */
  private static final long PUSH_HEALTH_FLUSH_MS = 500;
  private CoalescedPushes pushes;
  private SurgeControl surge;
  private HttpVerticle http;
  private AccountService accountService;
  private QualityModule quality;
  private ShiftsModule shifts;
  private ServiceMeters meterService;
  private volatile boolean draining;
  private ReportsModule reports;

  private final NodeRuntime node;
  private final String nodeId;
  private final PrometheusMeterRegistry meters;
  private LeaseKeeper leases;
  private MetricsServer metricsServer;

  private UniboxApp(NodeRuntime node, UniboxConfig config, Clock clock, Database db, boolean ownsDatabase,
                    PrometheusMeterRegistry meters) {
    this.vertx = node.vertx();
    this.node = node;
    this.nodeId = node.nodeId();
    this.meters = meters;
    this.config = config;
    this.clock = clock;
    this.db = db;
    this.ownsDatabase = ownsDatabase;
  }

  /** Starts with the configured database (embedded unless database.url is set). */
  public static Future<UniboxApp> start(Vertx vertx, UniboxConfig config, Clock clock) {
    return start(NodeRuntime.single(vertx), newRegistry(), config, clock);
  }

  /** Starts this node (Main gives its runtime, clustered or not, and the registry its Vert.x records into). */
  public static Future<UniboxApp> start(NodeRuntime node, PrometheusMeterRegistry meters, UniboxConfig config,
                                        Clock clock) {
    java.nio.file.Path keyFile = jwtKeyFile(config);
    boolean keyFromFile = config.auth().jwtSecret().isBlank();
    return Database.start(node.vertx(), config.database(),
            c -> {
              if (keyFromFile) {
                ServerSecrets.adoptKeyFromDatabase(c, keyFile);
              }
            })
        .compose(db -> new UniboxApp(node, config, clock, db, true, meters).boot());
  }

  /** Starts on a database the caller owns (tests give each class its own). */
  public static Future<UniboxApp> start(Vertx vertx, UniboxConfig config, Clock clock, Database db) {
    return new UniboxApp(NodeRuntime.single(vertx), config, clock, db, false, newRegistry()).boot();
  }

  public static PrometheusMeterRegistry newRegistry() {
    return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  }

  private Future<UniboxApp> boot() {
    var pool = db.pool();
    var classifierModule = new ClassifierModule(vertx, pool, clock, config.routing().sla().policy(),
        config.classificationFile());
    var classifier = classifierModule.start().compose(x -> vertx.executeBlocking(() -> {
      MessageClassifier c = new MessageClassifier(ClassificationRulesLoader.load(config.classificationFile()),
          new LinguaLanguageDetector(), classifierModule.judge());
      c.classify("warm up the language models");
      return c;
    }));
    if (config.demo().enabled()) {
      demo = new DemoMode(vertx, config.demo());
    }
    Future<List<AccountConfig>> accountConfigs = demo == null
        ? Future.succeededFuture(config.accounts()) : demo.startPlatform(config.accounts());
    // one node owns all presence; several nodes keep theirs per node (docs/deploy.md)
    Future<Void> presence = config.cluster().enabled() ? Future.succeededFuture()
        : NodeSockets.forgetAll(pool).compose(v -> UserStore.everyoneOffline(pool));
    return dev.unibox.store.InstanceMode.claim(pool, demo != null)
        .compose(v -> Future.all(classifier, accountConfigs, presence))
        .compose(v -> vertx.executeBlocking(() -> ServerSecrets.jwtSecret(config.auth().jwtSecret(), jwtKeyFile(config))))
        .compose(secret -> bootstrapUsers().map(secret))
        .compose(secret -> {
          quality = new QualityModule(vertx, pool, QualityModule.directory(config), clock);
          return quality.start().map(secret);
        })
        .compose(secret -> {
          TokenService tokens = new TokenService(vertx, secret, config.auth().tokenHours(), clock);
          socketSessions = new SocketSessions(pool, tokens, clock, SESSION_SWEEP_MS);
          IngestService ingest = new IngestService(vertx, pool, classifier.result(), clock,
              config.routing().sla().policy(), quality.inboundHook());
          router = new Assigner(vertx, pool, clock, RoutingPolicies.byName(config.routing().policy()));
          shifts = new ShiftsModule(vertx, pool, clock, config.routing().shiftsFile(), config.routing().sweepMillis());
          surge = new SurgeControl(vertx, pool, clock, config.routing().surge(),
              config.routing().sla().policy().targets(null, null).regular(), shifts.rosters);
          ReplyService replies = new ReplyService(vertx, pool, accounts, clock, quality.replyGuard());
          CloseConversation close = new CloseConversation(vertx, pool, clock);
          List<String> platforms = accountConfigs.result().stream().map(AccountConfig::platform).distinct().toList();
          AccountAdminStore accountStore = new AccountAdminStore(SecretBox.fromEnvOrFile(credentialsKeyFile()));
          AccountHealth health = new AccountHealth(vertx, pool, accountStore, clock);
          accountService = new AccountService(vertx, pool, accounts, accountStore, health, clock,
              id -> new PollingVerticle(id, accounts, ingest, accountStore, pool, clock, pollIntervalMs(id)),
              this::resolveSelfUrl);
          pushes = new CoalescedPushes(vertx, health::pushed, PUSH_HEALTH_FLUSH_MS);
          AgentGateway gateway = new AgentGateway(vertx, pool, socketSessions, config.http().maxSocketsPerUser(),
              new NodeSockets(pool, nodeId), config.events());
          gateway.load().register(meters);
          meterService = new ServiceMeters(meters, pool, node.membership()::members, () -> heldLeases().size(),
              gateway::openSockets);
          reports = new ReportsModule(vertx, pool, clock, config.reports());
          PasswordAttempts passwordAttempts = new PasswordAttempts(new LoginThrottle(LOGIN_MEMORY, LOGIN_KEYS, clock),
              new ClientAddress(config.http().trustedProxies()));
          http = new HttpVerticle(config.http().host(), config.http().port(), config.http().socketCompression(), pool, List.of(
              new HealthRoutes(vertx, pool, nodeId, node.membership()::includesMe, () -> draining, this::heldLeases)::mount,
              meterService::mountPushMeters,
              new AuthRoutes(pool, tokens, passwordAttempts)::mount,
              new FindRoutes(pool, new BuyerOrders(accounts))::mount,
              new ConversationRoutes(pool, clock, close, new MarkReadOnOpen(pool, accounts)::opened)::mount,
              new ReplyRoutes(replies)::mount,
              new AccountRoutes(pool, accountService, accountStore)::mount,
              new WebhookRoutes(accounts, ingest, platforms).storingOrders(new OrderEventStore(pool, clock)).onPushed(id -> {
                meterService.storedFor(id); // every push counted; the health write is coalesced
                pushes.accept(id);
              })::mount,
              new QueueRoutes(vertx, pool, clock, config.routing().sla().policy(), surge::status)::mount,
              new SurgeRoutes(vertx, surge)::mount,
              quality::mount,
              shifts::mount,
              classifierModule::mount,
              reports::mount,
              new PreferenceRoutes(pool, clock)::mount,
              new UserRoutes(pool, tokens, passwordAttempts)::mount,
              new UserAdminRoutes(pool, clock)::mount),
              gateway, config.http().allowedOrigins());
          eventTail = new EventTail(vertx, pool);
          eventTail.register(meters);
          return shifts.start().compose(v -> eventTail.start(EVENT_TAIL_POLL_MS)).compose(v -> deploy(socketSessions))
              .compose(v -> deploy(http));
        })
        .compose(v -> {
          List<AccountConfig> resolved = accountConfigs.result().stream().map(this::resolveSelfUrl).toList();
          return AccountStore.sync(pool, resolved)
              .compose(x -> quality.afterAccountsSynced())
              .compose(x -> accountService.boot(resolved))
              .compose(x -> accountService.listenToOtherNodes(nodeId))
              .compose(x -> deploy(new RoutingVerticle(router, config.routing().sweepMillis(), meterService::routingPass)))
              .compose(x -> deploy(new OutboxSender(pool, accounts, config.outbox(), clock, nodeId,
                  account -> leases != null && leases.holds("account:" + account))))
              .compose(x -> deployLeases())
              .compose(x -> deploy(meterService))
              .compose(x -> config.metrics().enabled() ? deploy(metricsServer = new MetricsServer(config.metrics(), meters))
                  : Future.succeededFuture())
              .compose(x -> demo == null ? Future.succeededFuture() : new DemoHistory(pool, clock).seedOnce()
                  .onSuccess(n -> LOG.info("Demo history: {} finished conversations of the last {} days", n, DemoHistory.DAYS))
                  .mapEmpty())
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

  /**
   * Work that runs on exactly one node: each account's adapter work (spread over the nodes) and the
   * periodic jobs (SLA sweep and surge, shift clock, auto-replies). A single node simply holds them all.
   */
  private Future<Void> deployLeases() {
    var pool = db.pool();
    Map<String, Supplier<io.vertx.core.Deployable>> jobs = new LinkedHashMap<>();
    jobs.put("sla", () -> new SlaVerticle(new SlaSweep(vertx, pool, clock, config.routing().sla(),
        shifts.rosters, surge, router::reassign), config.routing().sla().sweepMillis()));
    jobs.put("shift-clock", () -> shifts.clock);
    jobs.put("auto-replies", quality::autoReplies);
    jobs.put("reports", reports::sweeper);
    jobs.put("event-retention", () -> new EventRetention(pool, clock, Duration.ofDays(config.events().retentionDays()))
        .job(EVENT_RETENTION_MILLIS));
    Duration ttl = Duration.ofSeconds(config.cluster().leaseSeconds());
    jobs.put("presence", () -> new PresenceJanitor(pool, ttl,
        user -> vertx.eventBus().publish(Addresses.PRESENCE_CHANGED, user)));
    leases = new LeaseKeeper(pool, nodeId, ttl, ttl.dividedBy(4), List.of(
        new LeaseGroup("job:", () -> List.copyOf(jobs.keySet()), new DeployedWork(vertx, k -> jobs.get(k).get())),
        new LeaseGroup("account:", accountService::runningAccounts, accountService.ownedWork())));
    return deploy(leases);
  }

  private List<String> heldLeases() {
    return leases == null ? List.of() : leases.held();
  }

  /** Leases this node runs (accounts and jobs). */
  public LeaseKeeper leases() {
    return leases;
  }

  public PrometheusMeterRegistry meters() {
    return meters;
  }

  public String nodeId() {
    return nodeId;
  }

  /** The metrics port (when metrics are on). */
  public int metricsPort() {
    return metricsServer.actualPort();
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

  /** Without auth.jwtSecret the signing key is kept in a file beside the embedded data directory (never in the database). */
  private static java.nio.file.Path jwtKeyFile(UniboxConfig config) {
    return dev.unibox.store.DataDirFiles.jwtKey(config.database().embeddedDataDir());
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

  public List<String> httpRoutes() {
    return http.methodRoutes();
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

  /** Report rollups and routes (tests run its sweep on their clock). */
  public ReportsModule reports() {
    return reports;
  }

  public AccountRegistry accounts() {
    return accounts;
  }

  public Database database() {
    return db;
  }

  /** Drains HTTP first (in-flight pushes and replies finish and are answered), then stops the rest. */
  public Future<Void> stop() {
    draining = true;
    Future<Void> drained = http == null ? Future.succeededFuture() : http.drain(DRAIN_SECONDS);
    Future<Void> chain = drained.eventually(() -> demo == null ? Future.succeededFuture() : demo.stop());
    if (eventTail != null) {
      eventTail.stop();
    }
    if (pushes != null) {
      pushes.stop();
    }
    for (String id : List.copyOf(deployments)) {
      chain = chain.eventually(() -> vertx.undeploy(id));
    }
    return chain.eventually(() -> quality == null ? Future.succeededFuture() : quality.stop())
        .eventually(() -> reports == null ? Future.succeededFuture() : reports.mailer().close())
        .eventually(accounts::stopAll)
        .eventually(() -> ownsDatabase ? db.close() : Future.succeededFuture());
  }
}
