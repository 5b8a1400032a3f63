package dev.unibox.planning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.unibox.config.ConfigException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a scenario file (YAML or JSON, format in docs/routing.md); every problem is listed at once. */
public final class ScenarioLoader {

  private ScenarioLoader() {}

  public static Scenario load(Path file) {
    try {
      return parse(new ObjectMapper(new YAMLFactory()).readTree(file.toFile()), file.getFileName().toString());
    } catch (IOException e) {
      throw new ConfigException(List.of(file + ": cannot be read (" + e.getMessage() + ")"));
    }
  }

  /** @throws ConfigException listing every problem, each prefixed with {@code source} */
  public static Scenario parse(JsonNode root, String source) {
    List<String> problems = new ArrayList<>();
    Reader r = new Reader(source, problems);
    if (root == null || !root.isObject()) {
      throw new ConfigException(List.of(source + ": not a scenario (expected a mapping)"));
    }
    ZoneId zone = r.zone(root, "zone");
    LocalDate date = r.date(root.path("date"), "date");
    int[] hours = r.numbers(root.path("hours"), "hours", 2, 0, 24);
    if (hours != null && hours[0] >= hours[1]) {
      problems.add(source + ": hours: [from, to) must be increasing");
    }
    double[] total = root.path("arrivals").has("perMinute") ? r.curve(root.path("arrivals").path("perMinute"),
        "arrivals.perMinute") : null;
    List<Scenario.Shop> shops = new ArrayList<>();
    JsonNode shopList = root.path("shops");
    if (!shopList.isArray() || shopList.isEmpty()) {
      problems.add(source + ": shops: at least one shop is required");
    }
    for (int i = 0; i < shopList.size(); i++) {
      JsonNode s = shopList.get(i);
      String at = "shops[" + i + "]";
      double[] curve;
      if (s.has("perMinute")) {
        curve = r.curve(s.path("perMinute"), at + ".perMinute");
      } else if (total != null && s.path("share").isNumber()) {
        curve = Arrays.stream(total).map(v -> v * s.path("share").asDouble()).toArray();
      } else {
        problems.add(source + ": " + at + ": needs perMinute (24 values) or a share of arrivals.perMinute");
        curve = null;
      }
      shops.add(new Scenario.Shop(r.text(s, at + ".account", "account"), r.text(s, at + ".platform", "platform"),
          s.has("zone") ? r.zone(s, "zone") : zone, curve, r.shares(s.path("languages"), at + ".languages")));
    }
    JsonNode urgency = root.path("urgency");
    Scenario.Mix mix = r.mix(urgency.path("mix"), "urgency.mix");
    List<Integer> peakHours = new ArrayList<>();
    urgency.path("peakHours").forEach(h -> peakHours.add(h.asInt()));
    Scenario.Mix peakMix = urgency.has("peakMix") ? r.mix(urgency.path("peakMix"), "urgency.peakMix") : mix;
    JsonNode h = root.path("handlingSeconds");
    Scenario.Handling handling = new Scenario.Handling(r.range(h, "read"), r.range(h, "preSale"), r.range(h, "inSale"),
        r.range(h, "afterSale"), r.range(h, "promo"));
    JsonNode t = root.path("team");
    List<Scenario.Shift> shifts = new ArrayList<>();
    for (int i = 0; i < t.path("shifts").size(); i++) {
      JsonNode s = t.path("shifts").get(i);
      String at = "team.shifts[" + i + "]";
      shifts.add(new Scenario.Shift(r.text(s, at + ".name", "name"), r.time(s.path("start"), at + ".start"),
          r.time(s.path("end"), at + ".end"), r.agents(s.path("agents"), at + ".agents")));
    }
    Scenario.Team team = new Scenario.Team(t.path("capacity").asInt(5), shifts, r.agents(t.path("standby"), "team.standby"));
    if (team.capacity() < 1) {
      problems.add(source + ": team.capacity must be at least 1");
    }
    double returning = root.path("returningBuyers").asDouble(0);
    if (returning < 0 || returning > 1) {
      problems.add(source + ": returningBuyers must be between 0 and 1");
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new Scenario(root.path("name").asText(source), root.path("description").asText(""),
        root.path("seed").asLong(1), zone, date, hours[0], hours[1], shops, returning, mix, peakHours, peakMix, handling,
        team);
  }

  /** Field readers that record a problem and return a harmless value instead of failing at the first one. */
  private record Reader(String source, List<String> problems) {

    String text(JsonNode n, String at, String field) {
      String v = n.path(field).asText("");
      if (v.isBlank()) {
        problems.add(source + ": " + at + " is required");
      }
      return v;
    }

    ZoneId zone(JsonNode n, String field) {
      try {
        return ZoneId.of(n.path(field).asText("UTC"));
      } catch (RuntimeException e) {
        problems.add(source + ": " + field + ": '" + n.path(field).asText() + "' is not a time zone");
        return ZoneId.of("UTC");
      }
    }

    LocalDate date(JsonNode n, String at) {
      try {
        return LocalDate.parse(n.asText());
      } catch (RuntimeException e) {
        problems.add(source + ": " + at + ": '" + n.asText() + "' is not a date (YYYY-MM-DD)");
        return LocalDate.EPOCH;
      }
    }

    LocalTime time(JsonNode n, String at) {
      try {
        return LocalTime.parse(n.asText());
      } catch (RuntimeException e) {
        problems.add(source + ": " + at + ": '" + n.asText() + "' is not a time (HH:MM)");
        return LocalTime.MIDNIGHT;
      }
    }

    int[] numbers(JsonNode n, String at, int count, int min, int max) {
      if (!n.isArray() || n.size() != count) {
        problems.add(source + ": " + at + ": expected " + count + " numbers");
        return new int[] {0, 24};
      }
      int[] out = new int[count];
      for (int i = 0; i < count; i++) {
        out[i] = n.get(i).asInt(-1);
        if (out[i] < min || out[i] > max) {
          problems.add(source + ": " + at + "[" + i + "] must be between " + min + " and " + max);
        }
      }
      return out;
    }

    double[] curve(JsonNode n, String at) {
      if (!n.isArray() || n.size() != 24) {
        problems.add(source + ": " + at + ": expected 24 values (conversations per minute by hour)");
        return new double[24];
      }
      double[] out = new double[24];
      for (int i = 0; i < 24; i++) {
        out[i] = n.get(i).asDouble(-1);
        if (!n.get(i).isNumber() || out[i] < 0) {
          problems.add(source + ": " + at + "[" + i + "] must be a number ≥ 0");
        }
      }
      return out;
    }

    double[] range(JsonNode parent, String field) {
      JsonNode n = parent.path(field);
      if (!n.isArray() || n.size() != 2 || n.get(0).asDouble() <= 0 || n.get(1).asDouble() < n.get(0).asDouble()) {
        problems.add(source + ": handlingSeconds." + field + ": expected [min, max] seconds, 0 < min ≤ max");
        return new double[] {1, 1};
      }
      return new double[] {n.get(0).asDouble(), n.get(1).asDouble()};
    }

    Map<String, Double> shares(JsonNode n, String at) {
      Map<String, Double> out = new LinkedHashMap<>();
      n.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asDouble()));
      if (out.isEmpty() || Math.abs(out.values().stream().mapToDouble(Double::doubleValue).sum() - 1) > 0.01) {
        problems.add(source + ": " + at + ": shares must add up to 1");
      }
      return out;
    }

    Scenario.Mix mix(JsonNode n, String at) {
      Scenario.Mix m = new Scenario.Mix(n.path("preSale").asDouble(), n.path("inSale").asDouble(),
          n.path("afterSale").asDouble(), n.path("promo").asDouble());
      if (Math.abs(m.preSale() + m.inSale() + m.afterSale() + m.promo() - 1) > 0.01) {
        problems.add(source + ": " + at + ": preSale + inSale + afterSale + promo must add up to 1");
      }
      return m;
    }

    /** Agents written as their languages separated by spaces, e.g. "zh en". */
    List<List<String>> agents(JsonNode n, String at) {
      List<List<String>> out = new ArrayList<>();
      for (int i = 0; i < n.size(); i++) {
        List<String> langs = Arrays.stream(n.get(i).asText("").trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
        if (langs.isEmpty()) {
          problems.add(source + ": " + at + "[" + i + "]: an agent needs at least one language");
        }
        out.add(langs);
      }
      return out;
    }
  }
}
