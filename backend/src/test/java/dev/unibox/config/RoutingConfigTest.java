package dev.unibox.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.unibox.domain.Priority;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The routing section: policy by name (unknown names stop the start), SLA targets, surge, shifts. */
class RoutingConfigTest {

  private static final Path CONFIG = Path.of("../config");

  @Test
  void shippedDefaultsChooseTheSlackPolicyWithStandardTargetsAndThreeShifts() {
    UniboxConfig c = ConfigLoader.load(CONFIG, null, false, Map.of());
    assertThat(c.routing().policy()).isEqualTo("slack");
    assertThat(c.routing().sla().policy().target("shopee", "x", Priority.URGENT)).isEqualTo(Duration.ofSeconds(60));
    assertThat(c.routing().sla().policy().target("shopee", "x", Priority.NORMAL)).isEqualTo(Duration.ofSeconds(120));
    assertThat(c.routing().surge().enabled()).isTrue();
    assertThat(c.routing().shifts().shifts()).extracting(s -> s.name()).containsExactly("morning", "noon", "evening");
  }

  @Test
  void policyAndTargetsCanBeChangedPerPlatformAndShop(@TempDir Path dir) throws Exception {
    Path extra = dir.resolve("extra.yaml");
    Files.writeString(extra, """
        routing:
          policy: fifo-round-robin
          sla:
            urgentSeconds: 45
            platforms: {pinduoduo: {urgentSeconds: 30, regularSeconds: 90}}
            accounts: {shopee-tw-01: {regularSeconds: 100}}
          surge: {enabled: false, depthThreshold: 40}
        """);
    UniboxConfig c = ConfigLoader.load(CONFIG, extra, false, Map.of("UNIBOX_ROUTING_SLA_WARNPERCENT", "80"));
    assertThat(c.routing().policy()).isEqualTo("fifo-round-robin");
    var sla = c.routing().sla().policy();
    assertThat(sla.target("lazada", "l1", Priority.URGENT)).isEqualTo(Duration.ofSeconds(45));
    assertThat(sla.target("pinduoduo", "p1", Priority.URGENT)).isEqualTo(Duration.ofSeconds(30));
    assertThat(sla.target("shopee", "shopee-tw-01", Priority.NORMAL)).isEqualTo(Duration.ofSeconds(100));
    assertThat(sla.warnPercent()).isEqualTo(80);
    assertThat(c.routing().surge().enabled()).isFalse();
    assertThat(c.routing().surge().depthThreshold()).isEqualTo(40);
  }

  @Test
  void unknownPolicyAndBadShiftsStopTheStartListingEveryProblem(@TempDir Path dir) throws Exception {
    Path shifts = dir.resolve("shifts.yaml");
    Files.writeString(shifts, """
        zone: Mars/Olympus
        shifts:
          - {name: morning, start: "8am", end: "16:00", agents: [mei]}
        standby: [arif]
        """);
    Path extra = dir.resolve("extra.yaml");
    Files.writeString(extra, "routing:\n  policy: random\n  shifts: " + shifts + "\n  sla: {warnPercent: 150}\n");
    ConfigException e = catchThrowableOfType(ConfigException.class,
        () -> ConfigLoader.load(CONFIG, extra, false, Map.of()));
    assertThat(e).isNotNull();
    assertThat(e.getMessage()).contains("routing.policy: 'random' is not a routing policy")
        .contains("priority").contains("fifo-round-robin")
        .contains("Mars/Olympus").contains("'8am' is not a time").contains("warnPercent");
  }
}
