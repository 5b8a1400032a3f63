package dev.unibox.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibox.config.UniboxConfig.RoutingConfig;
import dev.unibox.config.UniboxConfig.SlaConfig;
import dev.unibox.config.UniboxConfig.SurgeConfig;
import dev.unibox.domain.SlaPolicy;
import dev.unibox.routing.RoutingPolicies;
import dev.unibox.shifts.ShiftPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code routing} section: policy by name, SLA targets, surge thresholds and the shifts file. */
final class RoutingConfigReader {

  private RoutingConfigReader() {}

  static RoutingConfig read(JsonNode routing, Path baseDir, FieldReader r, List<String> problems) {
    int maxConcurrent = (int) r.number(routing, "routing", "defaultMaxConcurrent", 1, 100);
    long sweep = r.number(routing, "routing", "sweepMillis", 100, 600_000);
    String policy = optionalText(routing, "policy", RoutingPolicies.DEFAULT);
    if (!RoutingPolicies.names().contains(policy)) {
      problems.add("routing.policy: '" + policy + "' is not a routing policy (known: " + RoutingPolicies.names() + ")");
    }
    SlaConfig sla = sla(routing == null ? null : routing.get("sla"), r, problems);
    SurgeConfig surge = surge(routing == null ? null : routing.get("surge"), r);
    String shiftsPath = optionalText(routing, "shifts", "");
    ShiftPlan shifts = ShiftPlan.none();
    if (!shiftsPath.isEmpty()) {
      Path file = Path.of(shiftsPath);
      if (!file.isAbsolute() && baseDir != null) {
        file = baseDir.resolve(file);
      }
      shifts = shifts(file, problems);
    }
    return new RoutingConfig(maxConcurrent, sweep, policy, sla, surge, shifts);
  }

  private static SlaConfig sla(JsonNode node, FieldReader r, List<String> problems) {
    SlaConfig d = SlaConfig.standard();
    if (node == null) {
      return d;
    }
    SlaPolicy.Targets defaults = targets(node, "routing.sla", r, new SlaPolicy.Targets(Duration.ofSeconds(60),
        Duration.ofSeconds(120)));
    Map<String, SlaPolicy.Targets> platforms = targetMap(node.get("platforms"), "routing.sla.platforms", r, defaults);
    Map<String, SlaPolicy.Targets> accounts = targetMap(node.get("accounts"), "routing.sla.accounts", r, defaults);
    // out of range is a listed problem; clamp so the other problems are still collected
    int warn = (int) Math.max(1, Math.min(99, optionalNumber(node, "routing.sla", "warnPercent", 75, 1, 99, r)));
    SlaPolicy policy = new SlaPolicy(defaults, platforms, accounts, warn, SlaPolicy.DEFAULT_PLATFORM_RULES);
    return new SlaConfig(policy, optionalNumber(node, "routing.sla", "sweepMillis", d.sweepMillis(), 50, 600_000, r),
        optionalBool(node, "routing.sla", "reassignOnBreach", d.reassignOnBreach(), r),
        optionalNumber(node, "routing.sla", "disconnectGraceSeconds", d.disconnectGraceSeconds(), 0, 86_400, r));
  }

  private static SlaPolicy.Targets targets(JsonNode node, String path, FieldReader r, SlaPolicy.Targets fallback) {
    return new SlaPolicy.Targets(
        Duration.ofSeconds(optionalNumber(node, path, "urgentSeconds", fallback.urgent().toSeconds(), 1, 86_400, r)),
        Duration.ofSeconds(optionalNumber(node, path, "regularSeconds", fallback.regular().toSeconds(), 1, 86_400, r)));
  }

  private static Map<String, SlaPolicy.Targets> targetMap(JsonNode node, String path, FieldReader r,
                                                          SlaPolicy.Targets fallback) {
    Map<String, SlaPolicy.Targets> out = new LinkedHashMap<>();
    if (node != null && node.isObject()) {
      node.fields().forEachRemaining(e -> out.put(e.getKey(), targets(e.getValue(), path + "." + e.getKey(), r, fallback)));
    }
    return out;
  }

  private static SurgeConfig surge(JsonNode node, FieldReader r) {
    SurgeConfig d = SurgeConfig.standard();
    if (node == null) {
      return d;
    }
    String p = "routing.surge";
    return new SurgeConfig(optionalBool(node, p, "enabled", d.enabled(), r),
        (int) optionalNumber(node, p, "depthThreshold", d.depthThreshold(), 1, 1_000_000, r),
        (int) optionalNumber(node, p, "releaseDepth", d.releaseDepth(), 0, 1_000_000, r),
        optionalNumber(node, p, "calmSeconds", d.calmSeconds(), 0, 86_400, r),
        optionalNumber(node, p, "throughputWindowSeconds", d.throughputWindowSeconds(), 10, 86_400, r));
  }

  /** Reads config/shifts.yaml; every problem is listed. */
  static ShiftPlan shifts(Path file, List<String> problems) {
    if (!Files.isRegularFile(file)) {
      problems.add("routing.shifts: file " + file + " does not exist");
      return ShiftPlan.none();
    }
    JsonNode root = ConfigTree.read(file, problems);
    FieldReader r = new FieldReader(problems);
    String zoneText = r.text(root, file.getFileName().toString(), "zone", true);
    ZoneId zone = ZoneId.of("UTC");
    try {
      if (!zoneText.isEmpty()) {
        zone = ZoneId.of(zoneText);
      }
    } catch (DateTimeException e) {
      problems.add(file + ": zone '" + zoneText + "' is not a time zone");
    }
    List<ShiftPlan.Shift> shifts = new ArrayList<>();
    JsonNode list = root.get("shifts");
    if (list != null && list.isArray()) {
      for (int i = 0; i < list.size(); i++) {
        JsonNode s = list.get(i);
        String p = file.getFileName() + ".shifts[" + i + "]";
        shifts.add(new ShiftPlan.Shift(r.text(s, p, "name", true), time(r.text(s, p, "start", true), p + ".start", problems),
            time(r.text(s, p, "end", true), p + ".end", problems), r.text(s, p, "lead", false),
            names(s.get("agents"))));
      }
    }
    return new ShiftPlan(zone, shifts, names(root.get("standby")));
  }

  private static LocalTime time(String text, String path, List<String> problems) {
    try {
      return LocalTime.parse(text);
    } catch (DateTimeParseException e) {
      if (!text.isEmpty()) {
        problems.add(path + ": '" + text + "' is not a time like 08:00");
      }
      return LocalTime.MIDNIGHT;
    }
  }

  private static List<String> names(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node != null && node.isArray()) {
      node.forEach(n -> {
        if (!n.asText().isBlank()) {
          out.add(n.asText().trim());
        }
      });
    }
    return out;
  }

  private static String optionalText(JsonNode node, String field, String fallback) {
    JsonNode v = node == null ? null : node.get(field);
    return v == null || v.isNull() || v.asText().isBlank() ? fallback : v.asText().trim();
  }

  private static long optionalNumber(JsonNode node, String path, String field, long fallback, long min, long max,
                                     FieldReader r) {
    JsonNode v = node == null ? null : node.get(field);
    return v == null || v.isNull() ? fallback : r.number(node, path, field, min, max);
  }

  private static boolean optionalBool(JsonNode node, String path, String field, boolean fallback, FieldReader r) {
    JsonNode v = node == null ? null : node.get(field);
    return v == null || v.isNull() ? fallback : r.bool(node, path, field);
  }
}
