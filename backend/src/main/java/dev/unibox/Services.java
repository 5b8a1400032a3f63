package dev.unibox;

import dev.unibox.accounts.AccountAdminStore;
import dev.unibox.accounts.AccountHealth;
import dev.unibox.accounts.AccountRegistry;
import dev.unibox.accounts.AccountRoutes;
import dev.unibox.accounts.AccountService;
import dev.unibox.accounts.MarkReadOnOpen;
import dev.unibox.accounts.SecretBox;
import dev.unibox.adapters.spi.AccountConfig;
import dev.unibox.auth.AuthRoutes;
import dev.unibox.auth.LoginThrottle;
import dev.unibox.auth.PasswordAttempts;
import dev.unibox.auth.TokenService;
import dev.unibox.cluster.NodeRuntime;
import dev.unibox.cluster.NodeSockets;
import dev.unibox.config.UniboxConfig;
import dev.unibox.conversations.BuyerOrders;
import dev.unibox.conversations.CloseConversation;
import dev.unibox.conversations.ConversationRoutes;
import dev.unibox.conversations.FindRoutes;
import dev.unibox.events.EventTail;
import dev.unibox.gateway.AgentGateway;
import dev.unibox.gateway.SocketSessions;
import dev.unibox.ingest.CoalescedPushes;
import dev.unibox.ingest.IngestService;
import dev.unibox.ingest.OrderEventStore;
import dev.unibox.ingest.WebhookRoutes;
import dev.unibox.ops.HealthRoutes;
import dev.unibox.ops.ServiceMeters;
import dev.unibox.outbox.ReplyRoutes;
import dev.unibox.outbox.ReplyService;
import dev.unibox.planning.StaffingRoutes;
import dev.unibox.planning.StaffingService;
import dev.unibox.polling.BackstopPoller;
import dev.unibox.quality.QualityModule;
import dev.unibox.reports.ReportsModule;
import dev.unibox.routing.Assigner;
import dev.unibox.routing.QueueRoutes;
import dev.unibox.routing.RoutingPolicies;
import dev.unibox.shifts.ShiftsModule;
import dev.unibox.sla.SurgeControl;
import dev.unibox.sla.SurgeRoutes;
import dev.unibox.store.DataDirFiles;
import dev.unibox.users.PreferenceRoutes;
import dev.unibox.users.UserAdminRoutes;
import dev.unibox.users.UserRoutes;
import dev.unibox.web.ClientAddress;
import dev.unibox.web.HttpVerticle;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/** One node's services, built once the prerequisites are ready, and the HTTP server that mounts their routes. */
final class Services {

  /** How long the login throttle remembers failed attempts, and for how many keys (user, client) at most. */
  private static final Duration LOGIN_MEMORY = Duration.ofMinutes(15);
  private static final int LOGIN_KEYS = 100_000;
  /** Live events to this node's sockets; polled this often besides the kicks after each commit. */
  private static final long EVENT_TAIL_POLL_MS = 100;
  /** How often open sockets are checked for an expired token (the most a socket outlives its token). */
  private static final long SESSION_SWEEP_MS = 1000;
  /** How often the accounts' "last push" is written (once per account, not once per push). */
  private static final long PUSH_HEALTH_FLUSH_MS = 500;

  final QualityModule quality;
  final Assigner router;
  final ShiftsModule shifts;
  final SurgeControl surge;
  final AccountService accountService;
  final CoalescedPushes pushes;
  final ServiceMeters meterService;
  final ReportsModule reports;
  final HttpVerticle http;
  private final EventTail eventTail;
  private final SocketSessions socketSessions;

  /**
   * @param draining   whether this node is stopping (health answers so)
   * @param heldLeases the leases this node holds now
   * @param selfUrl    resolves an account's "self:" callback URL against this server
   */
  Services(NodeRuntime node, PrometheusMeterRegistry meters, Pool pool, UniboxConfig config, Clock clock,
           AccountRegistry accounts, Prerequisites.Ready ready, BooleanSupplier draining,
           Supplier<List<String>> heldLeases, UnaryOperator<AccountConfig> selfUrl) {
    Vertx vertx = node.vertx();
    String nodeId = node.nodeId();
    quality = ready.quality();
    TokenService tokens = new TokenService(vertx, ready.jwtSecret(), config.auth().tokenHours(), clock);
    socketSessions = new SocketSessions(pool, tokens, clock);
    IngestService ingest = new IngestService(vertx, pool, ready.classifier(), clock,
        config.routing().sla().policy(), quality.inboundHook());
    router = new Assigner(vertx, pool, clock, RoutingPolicies.byName(config.routing().policy()));
    shifts = new ShiftsModule(vertx, pool, clock, config.routing().shiftsFile());
    surge = new SurgeControl(vertx, pool, clock, config.routing().surge(),
        config.routing().sla().policy().targets(null, null).regular(), shifts.rosters);
    ReplyService replies = new ReplyService(vertx, pool, accounts, clock, quality.replyGuard());
    CloseConversation close = new CloseConversation(vertx, pool, clock);
    List<String> platforms = ready.accounts().stream().map(AccountConfig::platform).distinct().toList();
    AccountAdminStore accountStore = new AccountAdminStore(SecretBox.fromEnvOrFile(
        DataDirFiles.credentialsKey(config.database().embeddedDataDir())));
    AccountHealth health = new AccountHealth(vertx, pool, accountStore, clock);
    accountService = new AccountService(vertx, pool, accounts, accountStore, health, clock,
        id -> new BackstopPoller(vertx, id, accounts, ingest, accountStore, pool, clock, pollIntervalMs(accounts, id))
            .job(),
        selfUrl);
    pushes = new CoalescedPushes(vertx, health::pushed, PUSH_HEALTH_FLUSH_MS);
    AgentGateway gateway = new AgentGateway(vertx, pool, socketSessions, config.http().maxSocketsPerUser(),
        new NodeSockets(pool, nodeId), config.events());
    gateway.load().register(meters);
    meterService = new ServiceMeters(meters, pool, node.membership()::members, () -> heldLeases.get().size(),
        gateway::openSockets);
    reports = new ReportsModule(vertx, pool, clock, config.reports());
    PasswordAttempts passwordAttempts = new PasswordAttempts(new LoginThrottle(LOGIN_MEMORY, LOGIN_KEYS, clock),
        new ClientAddress(config.http().trustedProxies()));
    http = new HttpVerticle(config.http().host(), config.http().port(), config.http().socketCompression(), pool, List.of(
        new HealthRoutes(vertx, pool, nodeId, node.membership()::includesMe, draining, heldLeases)::mount,
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
        new QueueRoutes(vertx, pool, clock, config.routing().sla().policy(), router.policy(), surge::status)::mount,
        new SurgeRoutes(vertx, surge)::mount,
        quality::mount,
        shifts::mount,
        new StaffingRoutes(new StaffingService(vertx, pool, clock, shifts.rosters), clock)::mount,
        ready.classifierModule()::mount,
        reports::mount,
        new PreferenceRoutes(pool, clock)::mount,
        new UserRoutes(pool, tokens, passwordAttempts)::mount,
        new UserAdminRoutes(pool, clock)::mount),
        gateway, config.http().allowedOrigins());
    eventTail = new EventTail(vertx, pool);
    eventTail.register(meters);
  }

  /** The shift clock's state, the live event tail, the socket sessions and then the HTTP server. */
  Future<Void> serve(Deployments deployments) {
    return shifts.start().compose(v -> deployments.deploy(eventTail.job(EVENT_TAIL_POLL_MS)))
        .compose(v -> deployments.deploy(socketSessions.job(SESSION_SWEEP_MS)))
        .compose(v -> deployments.deploy(http));
  }

  /** Backstop interval: the account's option pollIntervalSeconds, default 60 s. */
  private static long pollIntervalMs(AccountRegistry accounts, String accountId) {
    String raw = accounts.byAccount(accountId).map(a -> a.account().options().get("pollIntervalSeconds")).orElse(null);
    try {
      return raw == null ? 60_000 : Math.max(1, Long.parseLong(raw.trim())) * 1000;
    } catch (NumberFormatException e) {
      return 60_000;
    }
  }
}
