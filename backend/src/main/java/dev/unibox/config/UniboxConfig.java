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
    List<AccountConfig> accounts) {

  public record HttpConfig(String host, int port) {}

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

  public record RoutingConfig(int defaultMaxConcurrent, long sweepMillis) {}

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
