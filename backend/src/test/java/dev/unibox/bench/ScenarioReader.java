package dev.unibox.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.unibox.bench.PromotionDayScenario.AgentSpec;
import dev.unibox.bench.PromotionDayScenario.Draw;
import dev.unibox.bench.PromotionDayScenario.Peak;
import dev.unibox.bench.PromotionDayScenario.Shift;
import dev.unibox.bench.PromotionDayScenario.Shop;
import dev.unibox.bench.PromotionDayScenario.Times;
import dev.unibox.bench.PromotionDayScenario.Window;
import dev.unibox.bench.PromotionDayWorkload.Kind;
import dev.unibox.config.UniboxConfig.SurgeConfig;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/** Reads and checks a scenario file's tree ({@link PromotionDayScenario}); every error names the file and the field. */
record ScenarioReader(String file) {

  /** What a file without {@code surge}, {@code times.load_slowdown} or {@code times.history_read} gets. */
  static final SurgeConfig SURGE = new SurgeConfig(true, 25, 5, 300, 300);
  static final double READ_SLOWDOWN = 0.25;
  static final double HANDLE_SLOWDOWN = 0.15;
  static final double HISTORY_READ_SECONDS = 30;

  PromotionDayScenario scenario(JsonNode root) {
    String name = text(root, "name");
    String summary = root.has("summary") ? text(root, "summary") : name;
    LocalDate date;
    try {
      date = LocalDate.parse(text(root, "date"));
    } catch (DateTimeParseException e) {
      throw error("date", "expected YYYY-MM-DD, got '" + root.get("date").asText() + "'");
    }
    ZoneId zone = zone(root, "zone");
    long seed = node(root, "seed").isIntegralNumber() ? root.get("seed").asLong() : fail("seed", "expected an integer");

    List<Shop> shops = new ArrayList<>();
    JsonNode shopNodes = list(root, "shops");
    double shareSum = 0;
    for (int i = 0; i < shopNodes.size(); i++) {
      String at = "shops[" + i + "]";
      JsonNode s = shopNodes.get(i);
      String account = text(s, "account", at);
      String platform = text(s, "platform", at);
      String shopZone = zone(s, "zone", at).getId();
      double share = fraction(s, "share", at);
      shareSum += share;
      JsonNode langs = node(s, "languages", at);
      if (!langs.isObject() || langs.isEmpty()) {
        throw error(at + ".languages", "expected a mapping of language to share, e.g. {ms: 0.5, en: 0.5}");
      }
      List<String> codes = new ArrayList<>();
      double[] weights = new double[langs.size()];
      double langSum = 0;
      Iterator<Map.Entry<String, JsonNode>> it = langs.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        double w = fraction(langs, e.getKey(), at + ".languages");
        weights[codes.size()] = w;
        codes.add(e.getKey());
        langSum += w;
      }
      sumsToOne(langSum, at + ".languages");
      shops.add(new Shop(account, platform, shopZone, share, codes.toArray(String[]::new), weights));
    }
    sumsToOne(shareSum, "shops[*].share");

    JsonNode arrivals = object(root, "arrivals");
    JsonNode hours = list(arrivals, "per_minute_by_hour", "arrivals");
    if (hours.size() != 24) {
      throw error("arrivals.per_minute_by_hour", "expected 24 rates (conversations per minute, hours 00–23), got "
          + hours.size());
    }
    double[] perMinute = new double[24];
    for (int h = 0; h < 24; h++) {
      perMinute[h] = nonNegative(hours.get(h), "arrivals.per_minute_by_hour[" + h + "]");
    }
    List<Peak> peaks = new ArrayList<>();
    if (arrivals.has("peaks")) {
      JsonNode peakNodes = list(arrivals, "peaks", "arrivals");
      for (int i = 0; i < peakNodes.size(); i++) {
        String at = "arrivals.peaks[" + i + "]";
        JsonNode p = peakNodes.get(i);
        int start = minute(p, "start", at);
        int end = minute(p, "end", at);
        // an end before the start is more often a slip than a peak of most of the day, so crossing is said
        boolean acrossMidnight = p.has("across_midnight") && bool(p, "across_midnight", at);
        if (!acrossMidnight && end <= start) {
          throw error(at + ".end", "must be after start (a peak past 24:00 says across_midnight: true)");
        }
        if (acrossMidnight && (end >= start || start == 24 * 60)) {
          throw error(at + ".across_midnight", "needs an end before the start (and a start before 24:00)");
        }
        double multiplier = nonNegative(node(p, "multiplier", at), at + ".multiplier");
        peaks.add(new Peak(start, end, multiplier));
      }
    }

    JsonNode urgency = object(root, "urgency_mix");
    Map<Kind, Double> mix = mix(object(urgency, "normal", "urgency_mix"), "urgency_mix.normal");
    Map<Kind, Double> peakMix = urgency.has("peak")
        ? mix(object(urgency, "peak", "urgency_mix"), "urgency_mix.peak") : mix;
    double returning = fraction(root, "returning_share", "");

    JsonNode team = object(root, "team");
    int capacity = positiveInt(team, "capacity", "team");
    List<Shift> shifts = new ArrayList<>();
    JsonNode shiftNodes = list(team, "shifts", "team");
    for (int i = 0; i < shiftNodes.size(); i++) {
      String at = "team.shifts[" + i + "]";
      JsonNode s = shiftNodes.get(i);
      String shiftName = text(s, "name", at);
      LocalTime start = LocalTime.ofSecondOfDay(minute(s, "start", at) * 60L);
      LocalTime end = LocalTime.ofSecondOfDay(minute(s, "end", at) * 60L);
      if (start.equals(end)) {
        throw error(at + ".end", "equals start");
      }
      shifts.add(new Shift(shiftName, start, end, agents(s, at, capacity)));
    }
    List<AgentSpec> standby = team.has("standby") ? agents(object(team, "standby", "team"), "team.standby", capacity)
        : List.of();

    Window quick = null;
    if (root.has("quick")) {
      JsonNode q = object(root, "quick");
      int start = minute(q, "start", "quick");
      int end = minute(q, "end", "quick");
      if (end <= start) {
        throw error("quick.end", "must be after start (within the day)");
      }
      quick = new Window(start * 60L, end * 60L);
    }

    JsonNode times = object(root, "times");
    Draw read = draw(object(times, "read", "times"), "times.read");
    JsonNode handle = object(times, "handle", "times");
    Map<Kind, Draw> handles = new EnumMap<>(Kind.class);
    for (Kind k : Kind.values()) {
      handles.put(k, draw(object(handle, key(k), "times.handle"), "times.handle." + key(k)));
    }
    JsonNode slowdown = times.has("load_slowdown") ? object(times, "load_slowdown", "times") : absent();
    double readSlowdown = slowdown.has("read") ? nonNegative(node(slowdown, "read"), "times.load_slowdown.read")
        : READ_SLOWDOWN;
    double handleSlowdown = slowdown.has("handle")
        ? nonNegative(node(slowdown, "handle"), "times.load_slowdown.handle") : HANDLE_SLOWDOWN;
    double historyRead = times.has("history_read")
        ? nonNegative(node(times, "history_read"), "times.history_read") : HISTORY_READ_SECONDS;
    return new PromotionDayScenario(file, name, summary, date, zone, seed, List.copyOf(shops), perMinute,
        List.copyOf(peaks), mix, peakMix, returning, List.copyOf(shifts), standby, quick,
        new Times(read, handles, readSlowdown, handleSlowdown, historyRead),
        surge(root.has("surge") ? object(root, "surge") : absent()));
  }

  /** Each field the file gives, else the one of {@link #SURGE}; the minimums are the product config's. */
  private SurgeConfig surge(JsonNode s) {
    return new SurgeConfig(
        s.has("enabled") ? bool(s, "enabled", "surge") : SURGE.enabled(),
        s.has("depth_threshold") ? whole(s, "depth_threshold", "surge", 1) : SURGE.depthThreshold(),
        s.has("release_depth") ? whole(s, "release_depth", "surge", 0) : SURGE.releaseDepth(),
        s.has("calm_seconds") ? whole(s, "calm_seconds", "surge", 0) : SURGE.calmSeconds(),
        s.has("throughput_window_seconds") ? whole(s, "throughput_window_seconds", "surge", 10)
            : SURGE.throughputWindowSeconds());
  }

  /** An optional mapping the file leaves out: every field in it then takes its default. */
  private static JsonNode absent() {
    return JsonNodeFactory.instance.objectNode();
  }

  private List<AgentSpec> agents(JsonNode parent, String at, int capacity) {
    JsonNode nodes = list(parent, "agents", at);
    List<AgentSpec> out = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      String here = at + ".agents[" + i + "]";
      JsonNode a = nodes.get(i);
      if (!a.isObject()) {
        throw error(here, "expected {languages: [..], capacity: n (optional)}");
      }
      JsonNode langs = list(a, "languages", here);
      String[] codes = new String[langs.size()];
      for (int j = 0; j < codes.length; j++) {
        if (!langs.get(j).isTextual() || langs.get(j).asText().isBlank()) {
          throw error(here + ".languages[" + j + "]", "expected a language code");
        }
        codes[j] = langs.get(j).asText();
      }
      out.add(new AgentSpec(codes, a.has("capacity") ? positiveInt(a, "capacity", here) : capacity));
    }
    return List.copyOf(out);
  }

  private Map<Kind, Double> mix(JsonNode node, String at) {
    Map<Kind, Double> out = new EnumMap<>(Kind.class);
    double sum = 0;
    for (Kind k : Kind.values()) {
      double v = fraction(node, key(k), at);
      out.put(k, v);
      sum += v;
    }
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String n = names.next();
      if (out.keySet().stream().noneMatch(k -> key(k).equals(n))) {
        throw error(at + "." + n, "unknown kind (expected pre_sale, in_sale, after_sale_urgent, after_sale_other)");
      }
    }
    sumsToOne(sum, at);
    return out;
  }

  private Draw draw(JsonNode node, String at) {
    return new Draw(nonNegative(node(node, "min", at), at + ".min"), nonNegative(node(node, "range", at), at + ".range"));
  }

  private static String key(Kind k) {
    return k.name().toLowerCase(Locale.ROOT);
  }

  private void sumsToOne(double sum, String at) {
    if (Math.abs(sum - 1) > 1e-9) {
      throw error(at, "shares must add up to 1, they add up to " + sum);
    }
  }

  private JsonNode node(JsonNode parent, String field) {
    return node(parent, field, "");
  }

  private JsonNode node(JsonNode parent, String field, String at) {
    JsonNode n = parent.get(field);
    if (n == null || n.isNull()) {
      throw error(path(at, field), "missing");
    }
    return n;
  }

  private JsonNode object(JsonNode parent, String field) {
    return object(parent, field, "");
  }

  private JsonNode object(JsonNode parent, String field, String at) {
    return typed(parent, field, at, JsonNode::isObject, "expected a mapping");
  }

  private JsonNode list(JsonNode parent, String field) {
    return list(parent, field, "");
  }

  private JsonNode list(JsonNode parent, String field, String at) {
    return typed(parent, field, at, n -> n.isArray() && !n.isEmpty(), "expected a non-empty list");
  }

  private String text(JsonNode parent, String field) {
    return text(parent, field, "");
  }

  private String text(JsonNode parent, String field, String at) {
    return typed(parent, field, at, n -> n.isTextual() && !n.asText().isBlank(), "expected text").asText();
  }

  private boolean bool(JsonNode parent, String field, String at) {
    return typed(parent, field, at, JsonNode::isBoolean, "expected true or false").asBoolean();
  }

  /** The field, present and of the kind {@code ok} accepts, or an error saying what was {@code expected}. */
  private JsonNode typed(JsonNode parent, String field, String at, Predicate<JsonNode> ok, String expected) {
    JsonNode n = node(parent, field, at);
    if (!ok.test(n)) {
      throw error(path(at, field), expected);
    }
    return n;
  }

  private ZoneId zone(JsonNode parent, String field) {
    return zone(parent, field, "");
  }

  private ZoneId zone(JsonNode parent, String field, String at) {
    String z = text(parent, field, at);
    try {
      return ZoneId.of(z);
    } catch (DateTimeException e) {
      throw error(path(at, field), "unknown time zone '" + z + "'");
    }
  }

  private int minute(JsonNode parent, String field, String at) {
    String t = text(parent, field, at);
    if ("24:00".equals(t)) {
      return 24 * 60;
    }
    try {
      LocalTime time = LocalTime.parse(t);
      return time.getHour() * 60 + time.getMinute();
    } catch (DateTimeParseException e) {
      throw error(path(at, field), "expected HH:MM, got '" + t + "'");
    }
  }

  private double fraction(JsonNode parent, String field, String at) {
    double v = nonNegative(node(parent, field, at), path(at, field));
    if (v > 1) {
      throw error(path(at, field), "expected a share between 0 and 1, got " + v);
    }
    return v;
  }

  private double nonNegative(JsonNode n, String at) {
    if (!n.isNumber() || n.asDouble() < 0) {
      throw error(at, "expected a number ≥ 0, got '" + n.asText() + "'");
    }
    return n.asDouble();
  }

  private int positiveInt(JsonNode parent, String field, String at) {
    return whole(parent, field, at, 1);
  }

  private int whole(JsonNode parent, String field, String at, int min) {
    return typed(parent, field, at, n -> n.isIntegralNumber() && n.canConvertToInt() && n.asInt() >= min,
        "expected a whole number ≥ " + min + ", got '" + parent.path(field).asText() + "'").asInt();
  }

  private long fail(String at, String what) {
    throw error(at, what);
  }

  private static String path(String at, String field) {
    return at.isEmpty() ? field : at + "." + field;
  }

  private IllegalArgumentException error(String at, String what) {
    return new IllegalArgumentException(file + ": " + at + ": " + what);
  }
}
