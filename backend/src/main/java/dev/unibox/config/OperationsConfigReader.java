package dev.unibox.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibox.config.UniboxConfig.ClusterConfig;
import dev.unibox.config.UniboxConfig.MetricsConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The {@code cluster} and {@code metrics} sections: how a node joins others and how it is watched. */
final class OperationsConfigReader {

  private OperationsConfigReader() {}

  static ClusterConfig cluster(JsonNode node, FieldReader r) {
    if (node == null || !r.bool(node, "cluster", "enabled")) {
      return ClusterConfig.single();
    }
    String name = r.text(node, "cluster", "nodeName", false);
    List<String> members = members(node.get("members"));
    String dns = r.text(node, "cluster", "kubernetesServiceDns", false);
    if (members.isEmpty() && dns.isEmpty()) {
      r.problem("cluster.members: list the nodes (host or host:port), or set cluster.kubernetesServiceDns");
    }
    return new ClusterConfig(true, name.isEmpty() ? "node-" + UUID.randomUUID().toString().substring(0, 8) : name,
        r.text(node, "cluster", "host", true), (int) r.number(node, "cluster", "port", 1, 65535), members, dns,
        (int) r.number(node, "cluster", "leaseSeconds", 2, 120));
  }

  /** A YAML list, or one comma-separated value (as an environment variable gives it). */
  private static List<String> members(JsonNode node) {
    List<String> members = new ArrayList<>();
    if (node == null || node.isNull()) {
      return members;
    }
    if (node.isArray()) {
      node.forEach(m -> members.add(m.asText().trim()));
    } else {
      members.addAll(Arrays.asList(node.asText().split(",")));
    }
    return members.stream().map(String::trim).filter(m -> !m.isEmpty()).toList();
  }

  static MetricsConfig metrics(JsonNode node, FieldReader r) {
    if (node == null || !r.bool(node, "metrics", "enabled")) {
      return MetricsConfig.off();
    }
    MetricsConfig m = new MetricsConfig(true, r.text(node, "metrics", "host", true),
        (int) r.number(node, "metrics", "port", 0, 65535), r.text(node, "metrics", "token", false));
    boolean loopback = m.host().equals("127.0.0.1") || m.host().equals("localhost") || m.host().equals("::1");
    if (!loopback && m.token().length() < 16) {
      r.problem("metrics.token: a metrics port on " + m.host() + " needs a bearer token of 16+ characters");
    }
    return m;
  }
}
