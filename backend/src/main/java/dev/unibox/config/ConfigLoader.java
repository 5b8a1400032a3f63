package dev.unibox.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.unibox.adapters.spi.AccountConfig;
import dev.unibox.adapters.spi.AccountCredentials;
import dev.unibox.adapters.spi.PlatformAdapters;
import dev.unibox.config.UniboxConfig.AuthConfig;
import dev.unibox.config.UniboxConfig.DatabaseConfig;
import dev.unibox.config.UniboxConfig.DemoConfig;
import dev.unibox.config.UniboxConfig.DemoUser;
import dev.unibox.config.UniboxConfig.HttpConfig;
import dev.unibox.config.UniboxConfig.OutboxConfig;
import dev.unibox.config.UniboxConfig.RoutingConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Loads {@code config/unibox.yaml}, an optional external file, demo data when demo mode is on, and
 * environment overrides; validates everything and reports all problems in one {@link ConfigException}.
 */
public final class ConfigLoader {

  private static List<String> texts(JsonNode node, String field) {
    List<String> out = new ArrayList<>();
    if (node != null && node.path(field).isArray()) {
      node.get(field).forEach(n -> out.add(n.asText()));
    }
    return List.copyOf(out);
  }

  private static final Set<String> ROLES = Set.of("agent", "supervisor", "admin");

  private ConfigLoader() {}

  /**
   * @param configDir    folder holding unibox.yaml, demo.yaml and the word lists
   * @param externalFile optional extra YAML merged over the defaults (null for none)
   * @param forceDemo    true when started with --demo
   */
  public static UniboxConfig load(Path configDir, Path externalFile, boolean forceDemo, Map<String, String> env) {
    List<String> problems = new ArrayList<>();
    ObjectNode base = ConfigTree.read(configDir.resolve("unibox.yaml"), problems);
    ObjectNode external = externalFile == null ? null : ConfigTree.read(externalFile, problems);

    ObjectNode tree = layered(base, null, external, env);
    boolean demo = forceDemo || new FieldReader(new ArrayList<>()).bool(tree.get("demo"), "demo", "enabled");
    if (demo) {
      ObjectNode demoLayer = ConfigTree.read(configDir.resolve("demo.yaml"), problems);
      tree = layered(base, demoLayer, external, env);
      ((ObjectNode) tree.withObject("/demo")).put("enabled", "true");
    }
    ConfigTree.resolvePlaceholders(tree, "", env, problems);

    FieldReader r = new FieldReader(problems);
    JsonNode http = tree.get("http");
    HttpConfig httpConfig = new HttpConfig(r.text(http, "http", "host", true),
        (int) r.number(http, "http", "port", 0, 65535), r.bool(http, "http", "socketCompression"),
        (int) r.number(http, "http", "maxSocketsPerUser", 1, 1000), texts(http, "trustedProxies"),
        texts(http, "allowedOrigins"));

    JsonNode db = tree.get("database");
    DatabaseConfig databaseConfig = new DatabaseConfig(r.text(db, "database", "url", false),
        Path.of(r.text(db, "database", "embeddedDataDir", true)), (int) r.number(db, "database", "poolSize", 1, 200));
    if (!databaseConfig.embedded() && !databaseConfig.url().matches("^postgres(ql)?://.+")) {
      problems.add("database.url: must look like postgresql://user:password@host:5432/dbname");
    }

    JsonNode auth = tree.get("auth");
    JsonNode admin = auth == null ? null : auth.get("bootstrapAdmin");
    AuthConfig authConfig = new AuthConfig(r.text(auth, "auth", "jwtSecret", false),
        (int) r.number(auth, "auth", "tokenHours", 1, 24 * 30),
        r.text(admin, "auth.bootstrapAdmin", "username", true),
        r.text(admin, "auth.bootstrapAdmin", "password", false));
    if (!authConfig.jwtSecret().isEmpty() && authConfig.jwtSecret().length() < 32) {
      problems.add("auth.jwtSecret: must be at least 32 characters (or empty to use a generated key file)");
    }

    JsonNode routing = tree.get("routing");
    RoutingConfig routingConfig = RoutingConfigReader.read(routing, configDir.toAbsolutePath().getParent(), r,
        problems);

    JsonNode outbox = tree.get("outbox");
    OutboxConfig outboxConfig = new OutboxConfig(
        (int) r.number(outbox, "outbox", "maxAttempts", 1, 100),
        r.number(outbox, "outbox", "initialBackoffMillis", 1, 600_000),
        r.number(outbox, "outbox", "maxBackoffMillis", 1, 3_600_000),
        r.number(outbox, "outbox", "pollMillis", 10, 600_000));

    Path classification = Path.of(r.text(tree, "", "classification", true));
    if (!classification.isAbsolute()) {
      classification = configDir.toAbsolutePath().getParent() == null
          ? classification : configDir.toAbsolutePath().getParent().resolve(classification);
    }
    if (!Files.isRegularFile(classification)) {
      problems.add("classification: file " + classification + " does not exist");
    }

    DemoConfig demoConfig = demo(tree.get("demo"), demo, r);
    List<AccountConfig> accounts = accounts(tree.get("accounts"), r);
    UniboxConfig.ClusterConfig cluster = OperationsConfigReader.cluster(tree.get("cluster"), r);
    UniboxConfig.MetricsConfig metrics = OperationsConfigReader.metrics(tree.get("metrics"), r);
    UniboxConfig.ReportsConfig reports = ReportsConfigReader.read(tree.get("reports"), r);
    if (cluster.enabled() && databaseConfig.embedded()) {
      problems.add("cluster.enabled: several nodes need one external PostgreSQL (set database.url)");
    }
    if (cluster.enabled() && authConfig.jwtSecret().isEmpty()) {
      problems.add("auth.jwtSecret: every node of a cluster must sign sessions with the same key; set it on each "
          + "node (UNIBOX_AUTH_JWTSECRET, 32+ random characters)");
    }

    JsonNode events = tree.get("events");
    UniboxConfig.EventsConfig eventsConfig = new UniboxConfig.EventsConfig(
        (int) r.number(events, "events", "retentionDays", 1, 3650),
        (int) r.number(events, "events", "socketStallSeconds", 1, 3600),
        (int) r.number(events, "events", "socketQueuedEvents", 10, 100_000));

    UniboxConfig config = new UniboxConfig(httpConfig, databaseConfig, authConfig, routingConfig, outboxConfig,
        classification, demoConfig, accounts, cluster, metrics, reports, eventsConfig);
    ServiceLoader.load(SectionCheck.class).forEach(check -> check.check(config, problems));
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return config;
  }

  private static ObjectNode layered(ObjectNode base, ObjectNode demo, ObjectNode external, Map<String, String> env) {
    ObjectNode tree = base.deepCopy();
    if (demo != null) {
      tree = ConfigTree.merge(tree, demo);
    }
    if (external != null) {
      tree = ConfigTree.merge(tree, external);
    }
    ConfigTree.applyEnvOverrides(tree, "UNIBOX", env);
    return tree;
  }

  private static DemoConfig demo(JsonNode node, boolean enabled, FieldReader r) {
    if (!enabled) {
      return new DemoConfig(false, 0, 0, "", List.of());
    }
    List<DemoUser> users = new ArrayList<>();
    JsonNode list = node.get("users");
    if (list != null && list.isArray()) {
      for (int i = 0; i < list.size(); i++) {
        JsonNode u = list.get(i);
        String p = "demo.users[" + i + "]";
        String role = r.text(u, p, "role", true);
        if (!role.isEmpty() && !ROLES.contains(role)) {
          r.problem(p + ".role: '" + role + "' is not one of " + ROLES);
        }
        users.add(new DemoUser(r.text(u, p, "username", true), r.text(u, p, "displayName", true), role,
            r.text(u, p, "password", true), (int) r.number(u, p, "maxConcurrent", 1, 100)));
      }
    }
    return new DemoConfig(true, r.number(node, "demo", "meanIntervalMillis", 100, 3_600_000),
        r.number(node, "demo", "partnerId", 1, Long.MAX_VALUE), r.text(node, "demo", "partnerKey", true), users);
  }

  private static List<AccountConfig> accounts(JsonNode list, FieldReader r) {
    List<AccountConfig> accounts = new ArrayList<>();
    if (list == null || list.isNull()) {
      return accounts;
    }
    if (!list.isArray()) {
      r.problem("accounts: must be a list");
      return accounts;
    }
    List<String> platforms = PlatformAdapters.platforms();
    Set<String> ids = new HashSet<>();
    Set<String> shops = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode a = list.get(i);
      String p = "accounts[" + i + "]";
      String id = r.text(a, p, "id", true);
      String platform = r.text(a, p, "platform", true);
      String shopId = r.text(a, p, "shopId", true);
      if (!platform.isEmpty() && !platforms.contains(platform)) {
        r.problem(p + ".platform: '" + platform + "' has no adapter (known: " + platforms + ")");
      }
      if (!id.isEmpty() && !ids.add(id)) {
        r.problem(p + ".id: '" + id + "' is used twice");
      }
      if (!shopId.isEmpty() && !shops.add(platform + "/" + shopId)) {
        r.problem(p + ".shopId: " + platform + " shop " + shopId + " is configured twice");
      }
      String zone = r.text(a, p, "timeZone", true);
      try {
        if (!zone.isEmpty()) {
          ZoneId.of(zone);
        }
      } catch (DateTimeException e) {
        r.problem(p + ".timeZone: '" + zone + "' is not a time zone (e.g. Asia/Kuala_Lumpur)");
      }
      String api = r.text(a, p, "apiBaseUrl", true);
      if (!api.isEmpty() && !api.matches("^(https?://|fake:).+")) {
        r.problem(p + ".apiBaseUrl: must be an http(s) URL");
      }
      String callback = r.text(a, p, "callbackUrl", true);
      if (!callback.isEmpty() && !callback.matches("^(https?://|self:/).+")) {
        r.problem(p + ".callbackUrl: must be an http(s) URL (or self:/path for this server)");
      }
      JsonNode c = a.get("credentials");
      String cp = p + ".credentials";
      AccountCredentials credentials = new AccountCredentials(r.text(c, cp, "appKey", true),
          r.text(c, cp, "appSecret", true), r.text(c, cp, "accessToken", false), r.text(c, cp, "refreshToken", false));
      Map<String, String> options = new LinkedHashMap<>();
      JsonNode o = a.get("options");
      if (o != null && o.isObject()) {
        o.fields().forEachRemaining(e -> options.put(e.getKey(), e.getValue().asText()));
      }
      accounts.add(new AccountConfig(id, platform, shopId, r.text(a, p, "shopName", true),
          r.text(a, p, "region", false), zone, api, callback, credentials, options));
    }
    return accounts;
  }
}
