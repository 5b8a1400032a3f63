package dev.unibox.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import dev.unibox.config.UniboxConfig.ClusterConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.UUID;

/**
 * The Vert.x instance of this node: plain for a single node, clustered through Hazelcast (TCP/IP list or
 * Kubernetes discovery) otherwise, with Vert.x's own metrics in the given registry. Membership for the
 * lease shares comes from the cluster manager; a single node is a cluster of one.
 */
public record NodeRuntime(Vertx vertx, String nodeId, Membership membership) {

  public static Future<NodeRuntime> start(ClusterConfig config, MeterRegistry registry) {
    VertxOptions options = new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true));
    var builder = Vertx.builder().with(options).withMetrics(new MicrometerMetricsFactory(registry));
    if (!config.enabled()) {
      return Future.succeededFuture(single(builder.build()));
    }
    HazelcastClusterManager manager = new HazelcastClusterManager(hazelcast(config));
    options.setEventBusOptions(new EventBusOptions().setHost(config.host()).setClusterPublicHost(config.host()));
    return builder.with(options).withClusterManager(manager).buildClustered()
        .map(vertx -> new NodeRuntime(vertx, config.nodeName() + "-" + manager.getNodeId(), new Membership() {
          @Override
          public int members() {
            return manager.getNodes().size();
          }

          @Override
          public boolean includesMe() {
            return manager.isActive() && manager.getNodes().contains(manager.getNodeId());
          }
        }));
  }

  /** A node on its own, e.g. the default single-node service or a test's Vert.x. */
  public static NodeRuntime single(Vertx vertx) {
    return new NodeRuntime(vertx, "node-" + UUID.randomUUID(), Membership.SINGLE);
  }

  /** Vert.x's default Hazelcast settings with discovery, address and privacy set for this deployment. */
  static Config hazelcast(ClusterConfig c) {
    Config hz = ConfigUtil.loadConfig();
    hz.setClusterName("unibox");
    hz.setProperty("hazelcast.phone.home.enabled", "false");
    hz.setProperty("hazelcast.logging.type", "slf4j");
    NetworkConfig net = hz.getNetworkConfig();
    net.setPort(c.port()).setPortAutoIncrement(true);
    if (!"0.0.0.0".equals(c.host())) {
      hz.setProperty("hazelcast.socket.bind.any", "false");
      net.getInterfaces().setEnabled(true).addInterface(c.host());
    }
    JoinConfig join = net.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    if (!c.kubernetesServiceDns().isEmpty()) {
      join.getKubernetesConfig().setEnabled(true).setProperty("service-dns", c.kubernetesServiceDns());
    } else {
      join.getTcpIpConfig().setEnabled(true).setMembers(c.members());
    }
    return hz;
  }
}
