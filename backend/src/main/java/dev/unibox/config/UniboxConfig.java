package dev.unibox.config;

import dev.unibox.adapters.spi.AccountConfig;
import java.nio.file.Path;
import java.util.List;

/** The whole validated configuration. Built only by {@link ConfigLoader}. */
public record UniboxConfig(
    HttpConfig http,
    DatabaseConfig database,
    AuthConfig auth,
    RoutingConfig routing,
    OutboxConfig outbox,
    Path classificationFile,
    DemoConfig demo,
    List<AccountConfig> accounts,
    ClusterConfig cluster,
    MetricsConfig metrics,
    ReportsConfig reports,
    EventsConfig events) {

  /** The same configuration without cluster or metrics (a single node, as tests and benchmarks start it). */
  public UniboxConfig(HttpConfig http, DatabaseConfig database, AuthConfig auth, RoutingConfig routing,
                      OutboxConfig outbox, Path classificationFile, DemoConfig demo, List<AccountConfig> accounts) {
    this(http, database, auth, routing, outbox, classificationFile, demo, accounts, ClusterConfig.single(),
        MetricsConfig.off());
  }

  /** With the default event retention and socket limits. */
  public UniboxConfig(HttpConfig http, DatabaseConfig database, AuthConfig auth, RoutingConfig routing,
                      OutboxConfig outbox, Path classificationFile, DemoConfig demo, List<AccountConfig> accounts,
                      ClusterConfig cluster, MetricsConfig metrics) {
    this(http, database, auth, routing, outbox, classificationFile, demo, accounts, cluster, metrics,
        ReportsConfig.off(), EventsConfig.standard());
  }

  public UniboxConfig withCluster(ClusterConfig c) {
    return new UniboxConfig(http, database, auth, routing, outbox, classificationFile, demo, accounts, c, metrics,
        reports, events);
  }

  public UniboxConfig withMetrics(MetricsConfig m) {
    return new UniboxConfig(http, database, auth, routing, outbox, classificationFile, demo, accounts, cluster, m,
        reports, events);
  }

  public UniboxConfig withReports(ReportsConfig r) {
    return new UniboxConfig(http, database, auth, routing, outbox, classificationFile, demo, accounts, cluster,
        metrics, r, events);
  }

  /**
   * Daily and weekly reports e-mailed to each scope's recipients (an account id, or {@code team}).
   * Nothing is mailed while {@code mail.enabled} is off.
   */
  public record ReportsConfig(MailConfig mail, java.util.Map<String, List<String>> recipients) {
    public static ReportsConfig off() {
      return new ReportsConfig(MailConfig.off(), java.util.Map.of());
    }

    /** Who gets a scope's reports; nobody while mail is off. */
    public List<String> recipientsOf(String scope) {
      return mail.enabled() ? recipients.getOrDefault(scope, List.of()) : List.of();
    }
  }

  /**
   * An SMTP server to send through.
   *
   * @param startTls DISABLED, OPTIONAL or REQUIRED
   */
  public record MailConfig(boolean enabled, String host, int port, String startTls, String username, String password,
                           String from) {
    public static MailConfig off() {
      return new MailConfig(false, "localhost", 25, "OPTIONAL", "", "", "");
    }

    @Override
    public String toString() {
      return "MailConfig[enabled=" + enabled + ", host=" + host + ", port=" + port + ", startTls=" + startTls
          + ", username=" + username + ", password=***, from=" + from + "]";
    }
  }

  public UniboxConfig withEvents(EventsConfig e) {
    return new UniboxConfig(http, database, auth, routing, outbox, classificationFile, demo, accounts, cluster,
        metrics, reports, e);
  }

  /**
   * How long events are kept and how much a slow socket may hold (docs/architecture.md, "Backpressure").
   *
   * @param retentionDays       events older than this are deleted; a client resuming from before gets resync
   * @param socketStallSeconds  a socket whose write queue stays full this long while events wait is closed (4408)
   * @param socketQueuedEvents  live events held for one socket at most; beyond, it catches up from the log
   */
  public record EventsConfig(int retentionDays, int socketStallSeconds, int socketQueuedEvents) {
    public static EventsConfig standard() {
      return new EventsConfig(14, 30, 500);
    }
  }

  /**
   * Several nodes on one external PostgreSQL. Off: one node, no cluster manager.
   *
   * @param host         this node's address for Hazelcast and the clustered event bus
   * @param members      Hazelcast TCP/IP discovery list (host or host:port); empty with kubernetesServiceDns set
   * @param kubernetesServiceDns headless Service name for Hazelcast's Kubernetes discovery (empty: TCP/IP list)
   * @param leaseSeconds how long a node's leases outlive its last heartbeat (failover time ≈ this + a tick)
   */
  public record ClusterConfig(boolean enabled, String nodeName, String host, int port, List<String> members,
                              String kubernetesServiceDns, int leaseSeconds) {
    public static ClusterConfig single() {
      return new ClusterConfig(false, "", "127.0.0.1", 5701, List.of(), "", 6);
    }
  }

  /**
   * Prometheus metrics on their own port (never on the public one).
   *
   * @param token bearer token a scraper must send; empty = none (then bind to a private address only)
   */
  public record MetricsConfig(boolean enabled, String host, int port, String token) {
    public static MetricsConfig off() {
      return new MetricsConfig(false, "127.0.0.1", 0, "");
    }

    @Override
    public String toString() {
      return "MetricsConfig[enabled=" + enabled + ", host=" + host + ", port=" + port + ", token=***]";
    }
  }

  /**
   * @param socketCompression permessage-deflate on agent sockets (costs ~110 KB more memory per idle socket)
   * @param maxSocketsPerUser open agent sockets one user may hold at once (tabs, devices)
   * @param trustedProxies    addresses of reverse proxies whose X-Forwarded-For is believed
   * @param allowedOrigins    browser origins besides this server's own that may open the agent socket
   */
  public record HttpConfig(String host, int port, boolean socketCompression, int maxSocketsPerUser,
                           List<String> trustedProxies, List<String> allowedOrigins) {
    public HttpConfig(String host, int port) {
      this(host, port, false, 5, List.of(), List.of());
    }
  }

  /** url empty = embedded PostgreSQL with its data in embeddedDataDir. */
  public record DatabaseConfig(String url, Path embeddedDataDir, int poolSize) {
    public boolean embedded() {
      return url == null || url.isBlank();
    }

    @Override
    public String toString() {
      return "DatabaseConfig[url=" + (embedded() ? "(embedded)" : "***") + ", embeddedDataDir="
          + embeddedDataDir + ", poolSize=" + poolSize + "]";
    }
  }

  public record AuthConfig(String jwtSecret, int tokenHours, String adminUsername, String adminPassword) {
    @Override
    public String toString() {
      return "AuthConfig[jwtSecret=***, tokenHours=" + tokenHours + ", adminUsername=" + adminUsername + "]";
    }
  }

  /**
   * @param policy     routing policy name (checked by the routing package)
   * @param shiftsFile the roster file ({@code config/shifts.yaml}), or null for none
   */
  public record RoutingConfig(int defaultMaxConcurrent, long sweepMillis, String policy, SlaConfig sla,
                              SurgeConfig surge, Path shiftsFile) {
    /**
     * Defaults: priority policy, standard SLA, no roster, and surge switched off (it only switches on by
     * hand); config/unibox.yaml turns automatic surge on.
     */
    public RoutingConfig(int defaultMaxConcurrent, long sweepMillis) {
      this(defaultMaxConcurrent, sweepMillis, "priority", SlaConfig.standard(), SurgeConfig.off(), null);
    }

    public RoutingConfig withPolicy(String name) {
      return new RoutingConfig(defaultMaxConcurrent, sweepMillis, name, sla, surge, shiftsFile);
    }

    public RoutingConfig withSla(SlaConfig s) {
      return new RoutingConfig(defaultMaxConcurrent, sweepMillis, policy, s, surge, shiftsFile);
    }

    public RoutingConfig withSurge(SurgeConfig s) {
      return new RoutingConfig(defaultMaxConcurrent, sweepMillis, policy, sla, s, shiftsFile);
    }

    public RoutingConfig withShifts(Path s) {
      return new RoutingConfig(defaultMaxConcurrent, sweepMillis, policy, sla, surge, s);
    }
  }

  /**
   * @param sweepMillis            how often the SLA clock sweeps stored deadlines
   * @param reassignOnBreach       on breach, move an assigned conversation to another agent with room
   * @param disconnectGraceSeconds an agent offline this long gets their open conversations requeued
   */
  public record SlaConfig(dev.unibox.domain.SlaPolicy policy, long sweepMillis, boolean reassignOnBreach,
                          long disconnectGraceSeconds) {
    public static SlaConfig standard() {
      return new SlaConfig(dev.unibox.domain.SlaPolicy.standard(), 1000, true, 60);
    }
  }

  /**
   * Surge mode: call standby agents when the queue predicts breaches (queued depth at or over depthThreshold, or
   * the expected wait over the regular target) or a buyer a standby agent can take waits past their SLA warning;
   * release after calmSeconds with depth at or under releaseDepth and the expected wait under half the target.
   *
   * @param throughputWindowSeconds assignments in this window give the service rate for the expected wait
   */
  public record SurgeConfig(boolean enabled, int depthThreshold, int releaseDepth, long calmSeconds,
                            long throughputWindowSeconds) {
    public static SurgeConfig standard() {
      return new SurgeConfig(true, 25, 5, 300, 300);
    }

    public static SurgeConfig off() {
      return new SurgeConfig(false, 25, 5, 300, 300);
    }
  }

  public record OutboxConfig(int maxAttempts, long initialBackoffMillis, long maxBackoffMillis, long pollMillis) {}

  public record DemoUser(String username, String displayName, String role, String password, int maxConcurrent) {
    @Override
    public String toString() {
      return "DemoUser[" + username + ", " + role + "]";
    }
  }

  public record DemoConfig(boolean enabled, long meanIntervalMillis, long partnerId, String partnerKey,
                           List<DemoUser> users) {
    @Override
    public String toString() {
      return "DemoConfig[enabled=" + enabled + ", users=" + users + "]";
    }
  }
}
