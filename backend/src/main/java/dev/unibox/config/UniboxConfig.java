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

  /**
   * @param policy     routing policy name from {@code dev.unibox.routing.RoutingPolicies}
   * @param shifts     shifts and standby pool ({@code config/shifts.yaml})
   */
  public record RoutingConfig(int defaultMaxConcurrent, long sweepMillis, String policy, SlaConfig sla,
                              SurgeConfig surge, dev.unibox.shifts.ShiftPlan shifts) {
    /**
     * Defaults for everything issue 4 added: priority policy, standard SLA, no roster, and surge
     * switched off (it only switches on by hand); config/unibox.yaml turns automatic surge on.
     */
    public RoutingConfig(int defaultMaxConcurrent, long sweepMillis) {
      this(defaultMaxConcurrent, sweepMillis, dev.unibox.routing.RoutingPolicies.DEFAULT, SlaConfig.standard(), SurgeConfig.off(),
          dev.unibox.shifts.ShiftPlan.none());
    }

    public RoutingConfig withPolicy(String name) {
      return new RoutingConfig(defaultMaxConcurrent, sweepMillis, name, sla, surge, shifts);
    }

    public RoutingConfig withSla(SlaConfig s) {
      return new RoutingConfig(defaultMaxConcurrent, sweepMillis, policy, s, surge, shifts);
    }

    public RoutingConfig withSurge(SurgeConfig s) {
      return new RoutingConfig(defaultMaxConcurrent, sweepMillis, policy, sla, s, shifts);
    }

    public RoutingConfig withShifts(dev.unibox.shifts.ShiftPlan s) {
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
   * Surge mode: activate the standby pool when the queue predicts breaches (queued depth at or over
   * depthThreshold, or the expected wait over the regular target); release after calmSeconds with
   * depth at or under releaseDepth and the expected wait under half the target.
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
