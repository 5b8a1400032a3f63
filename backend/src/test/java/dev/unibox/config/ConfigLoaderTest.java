package dev.unibox.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  private static final Path CONFIG = Path.of("../config");

  @Test
  void shippedDefaultsLoadWithEnvironmentOverrides() {
    UniboxConfig c = ConfigLoader.load(CONFIG, null, false, Map.of("UNIBOX_HTTP_PORT", "9090",
        "UNIBOX_AUTH_BOOTSTRAPADMIN_PASSWORD", "s3cret-pass"));
    assertThat(c.http().port()).isEqualTo(9090);
    assertThat(c.auth().adminPassword()).isEqualTo("s3cret-pass");
    assertThat(c.database().embedded()).isTrue();
    assertThat(c.demo().enabled()).isFalse();
    assertThat(c.accounts()).isEmpty();
  }

  @Test
  void demoModeAddsTwoShopeeShopsAndDemoUsers() {
    UniboxConfig c = ConfigLoader.load(CONFIG, null, true, Map.of());
    assertThat(c.demo().enabled()).isTrue();
    assertThat(c.accounts()).extracting(a -> a.platform()).containsOnly("shopee");
    assertThat(c.accounts()).hasSize(2);
    assertThat(c.demo().users()).extracting(UniboxConfig.DemoUser::role).contains("agent", "supervisor");
    assertThat(c.accounts().get(0).credentials().toString()).doesNotContain("demo-partner-key");
  }

  @Test
  void demoSwitchFromTheEnvironment() {
    assertThat(ConfigLoader.load(CONFIG, null, false, Map.of("UNIBOX_DEMO_ENABLED", "true")).demo().enabled()).isTrue();
  }

  @Test
  void everyProblemIsListedAtOnce(@TempDir Path dir) throws Exception {
    Path external = dir.resolve("bad.yaml");
    Files.writeString(external, """
        http: {port: 99999}
        database: {url: "mysql://nope", poolSize: 0}
        auth: {jwtSecret: short}
        accounts:
          - id: a1
            platform: shopee
            shopId: "1"
            shopName: One
            timeZone: Mars/Olympus
            apiBaseUrl: ftp://x
            callbackUrl: https://inbox.example.com/webhooks/shopee
            credentials: {appKey: "1", appSecret: "${MISSING_SECRET}", accessToken: t}
          - id: a1
            platform: lazada-nope
            shopId: "2"
        """);
    ConfigException e = catchThrowableOfType(ConfigException.class,
        () -> ConfigLoader.load(CONFIG, external, false, Map.of("UNIBOX_ROUTING_SWEEPMILLIS", "soon")));
    assertThat(e.problems()).as(String.join("\n", e.problems())).anyMatch(p -> p.startsWith("http.port"))
        .anyMatch(p -> p.startsWith("database.url"))
        .anyMatch(p -> p.startsWith("database.poolSize"))
        .anyMatch(p -> p.startsWith("auth.jwtSecret"))
        .anyMatch(p -> p.startsWith("routing.sweepMillis") && p.contains("soon"))
        .anyMatch(p -> p.contains("Mars/Olympus"))
        .anyMatch(p -> p.contains("apiBaseUrl"))
        .anyMatch(p -> p.contains("MISSING_SECRET"))
        .anyMatch(p -> p.contains("'a1' is used twice"))
        .anyMatch(p -> p.contains("lazada-nope"))
        .anyMatch(p -> p.startsWith("accounts[1].credentials.appKey: required"));
    assertThat(e.getMessage()).doesNotContain("${");
  }

  @Test
  void reportRecipientsAndTheMailServerAreReadAndChecked(@TempDir Path dir) throws Exception {
    Path good = dir.resolve("mail.yaml");
    Files.writeString(good, """
        reports:
          recipients: {shopee-my-01: [owner@shop.example], team: "lead@agency.example, ops@agency.example"}
          mail: {enabled: true, host: smtp.agency.example, port: 587, startTls: required, username: unibox,
                 password: "${SMTP_PASSWORD}", from: reports@agency.example}
        """);
    UniboxConfig c = ConfigLoader.load(CONFIG, good, false, Map.of("SMTP_PASSWORD", "smtp-secret-1"));
    assertThat(c.reports().recipientsOf("team")).containsExactly("lead@agency.example", "ops@agency.example");
    assertThat(c.reports().recipientsOf("shopee-my-01")).containsExactly("owner@shop.example");
    assertThat(c.reports().recipientsOf("other")).isEmpty();
    assertThat(c.reports().mail().startTls()).isEqualTo("REQUIRED");
    assertThat(c.reports().mail().password()).isEqualTo("smtp-secret-1");
    assertThat(c.reports().toString()).doesNotContain("smtp-secret-1");
    assertThat(ConfigLoader.load(CONFIG, null, false, Map.of()).reports().recipientsOf("team"))
        .as("shipped default: mail off, nobody").isEmpty();

    Path bad = dir.resolve("bad-mail.yaml");
    Files.writeString(bad, """
        reports:
          recipients: {team: [not-an-address]}
          mail: {enabled: true, host: "", port: 587, startTls: sometimes, from: "reports at example"}
        """);
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(CONFIG, bad, false, Map.of()));
    assertThat(e.problems()).as(String.join("\n", e.problems()))
        .anyMatch(p -> p.startsWith("reports.recipients.team") && p.contains("not-an-address"))
        .anyMatch(p -> p.startsWith("reports.mail.host: required"))
        .anyMatch(p -> p.startsWith("reports.mail.startTls"))
        .anyMatch(p -> p.startsWith("reports.mail.from"));
  }

  @Test
  void aClusterWithoutASharedSigningKeyIsRefusedAndWithOneStarts() {
    Map<String, String> cluster = Map.of("UNIBOX_CLUSTER_ENABLED", "true", "UNIBOX_CLUSTER_KUBERNETESSERVICEDNS", "unibox-hz.default.svc.cluster.local",
        "UNIBOX_DATABASE_URL", "postgresql://u:p@db:5432/unibox");
    ConfigException e = catchThrowableOfType(ConfigException.class,
        () -> ConfigLoader.load(CONFIG, null, false, cluster));
    assertThat(e.problems()).anyMatch(p -> p.startsWith("auth.jwtSecret") && p.contains("UNIBOX_AUTH_JWTSECRET"));

    Map<String, String> withKey = new java.util.HashMap<>(cluster);
    withKey.put("UNIBOX_AUTH_JWTSECRET", "shared-session-key-0123456789abcdef");
    assertThat(ConfigLoader.load(CONFIG, null, false, withKey).auth().jwtSecret())
        .isEqualTo("shared-session-key-0123456789abcdef");
  }

  @Test
  void eventRetentionAndSocketLimitsHaveDefaultsAndAreChecked() {
    UniboxConfig c = ConfigLoader.load(CONFIG, null, false, Map.of("UNIBOX_EVENTS_RETENTIONDAYS", "3"));
    assertThat(c.events()).isEqualTo(new UniboxConfig.EventsConfig(3, 30, 500));
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(CONFIG, null, false,
        Map.of("UNIBOX_EVENTS_RETENTIONDAYS", "0", "UNIBOX_EVENTS_SOCKETQUEUEDEVENTS", "many")));
    assertThat(e.problems()).anyMatch(p -> p.startsWith("events.retentionDays"))
        .anyMatch(p -> p.startsWith("events.socketQueuedEvents") && p.contains("many"));
  }

  @Test
  void aListOfPlainValuesTakesACommaSeparatedEnvironmentVariable() {
    UniboxConfig c = ConfigLoader.load(CONFIG, null, false, Map.of("UNIBOX_CLUSTER_ENABLED", "true",
        "UNIBOX_CLUSTER_MEMBERS", "10.0.0.11:5701, 10.0.0.12:5701,", "UNIBOX_DATABASE_URL",
        "postgresql://u:p@db:5432/unibox", "UNIBOX_AUTH_JWTSECRET", "shared-session-key-0123456789abcdef",
        "UNIBOX_HTTP_TRUSTEDPROXIES", "127.0.0.1"));
    assertThat(c.cluster().members()).containsExactly("10.0.0.11:5701", "10.0.0.12:5701");
    assertThat(c.http().trustedProxies()).containsExactly("127.0.0.1");
  }
}
