package dev.unibox.quality.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.unibox.domain.LinearRegex;
import java.util.regex.Pattern;

/**
 * The quality rule documents: one per scope (global, a platform, a shop), shipped as YAML under
 * {@code config/quality/} and editable by admins. A shop's effective rules are the three merged:
 * objects merge key by key, lists of terms are united, a scalar of the narrower scope wins.
 * Documented in docs/quality.md.
 */
public final class QualityDocuments {

  public static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  public static final ObjectMapper JSON = new ObjectMapper();

  static final Set<String> SECTIONS = Set.of("policy", "rules", "allow", "spam", "autoReplies", "satisfaction",
      "variables");
  static final Set<String> RATINGS = Set.of("satisfied", "neutral", "dissatisfied");
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{0,39}");
  private static final Pattern POLICY_KEY = Pattern.compile("[a-z][a-z0-9_]{0,39}(\\.[a-z][a-z0-9_]{0,39})?");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?");
  static final int MAX_TERM = 200;
  static final int MAX_TEXT = 1000;

  private QualityDocuments() {}

  public static ObjectNode empty() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** Reads a YAML document; an empty file is an empty document. */
  public static ObjectNode readYaml(Path file) throws IOException {
    JsonNode node = YAML.readTree(file.toFile());
    if (node == null || node.isNull() || node.isMissingNode()) {
      return empty();
    }
    if (!node.isObject()) {
      throw new IOException(file + ": the top level must be a mapping");
    }
    return (ObjectNode) node;
  }

  /** {@code over} merged onto a copy of {@code base}: objects by key, arrays united, scalars replaced. */
  public static JsonNode merge(JsonNode base, JsonNode over) {
    if (over == null || over.isMissingNode()) {
      return base == null ? empty() : base.deepCopy();
    }
    if (base == null || base.isMissingNode() || base.isNull()) {
      return over.deepCopy();
    }
    if (base.isObject() && over.isObject()) {
      ObjectNode out = (ObjectNode) base.deepCopy();
      over.fields().forEachRemaining(e -> out.set(e.getKey(), merge(out.get(e.getKey()), e.getValue())));
      return out;
    }
    if (base.isArray() && over.isArray()) {
      Set<JsonNode> seen = new LinkedHashSet<>();
      base.forEach(seen::add);
      over.forEach(seen::add);
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      seen.forEach(n -> out.add(n.deepCopy()));
      return out;
    }
    return over.deepCopy();
  }

  /** Every problem of a document, each prefixed with {@code where}; empty when it is valid. */
  public static List<String> validate(JsonNode doc, String where) {
    List<String> p = new ArrayList<>();
    if (doc == null || !doc.isObject()) {
      p.add(where + ": must be an object");
      return p;
    }
    doc.fieldNames().forEachRemaining(k -> {
      if (!SECTIONS.contains(k)) {
        p.add(where + ": unknown section '" + k + "' (known: " + String.join(", ", SECTIONS.stream().sorted().toList()) + ")");
      }
    });
    policy(doc.get("policy"), where + ".policy", p);
    rules(doc.get("rules"), where + ".rules", p);
    termsByLanguage(doc.get("allow"), where + ".allow", p);
    spam(doc.get("spam"), where + ".spam", p);
    autoReplies(doc.get("autoReplies"), where + ".autoReplies", p);
    satisfaction(doc.get("satisfaction"), where + ".satisfaction", p);
    variables(doc.get("variables"), where + ".variables", p);
    return p;
  }

  private static void policy(JsonNode node, String where, List<String> p) {
    if (!object(node, where, p)) {
      return;
    }
    node.fields().forEachRemaining(e -> {
      String at = where + "." + e.getKey();
      if (!POLICY_KEY.matcher(e.getKey()).matches()) {
        p.add(at + ": a policy key is a rule (absolute) or rule.group (absolute.superlative)");
      }
      JsonNode v = e.getValue();
      if (!v.isObject()) {
        p.add(at + ": must be an object such as {action: block, override: true}");
        return;
      }
      v.fieldNames().forEachRemaining(k -> {
        if (!Set.of("action", "override", "withinHours", "minLength").contains(k)) {
          p.add(at + ": unknown setting '" + k + "'");
        }
      });
      if (v.has("action") && Action.ofWire(v.get("action").asText(null)) == null) {
        p.add(at + ".action: must be off, warn or block");
      }
      if (v.has("override") && !v.get("override").isBoolean()) {
        p.add(at + ".override: must be true or false");
      }
      number(v.get("withinHours"), at + ".withinHours", 1, 720, p);
      number(v.get("minLength"), at + ".minLength", 1, 1000, p);
    });
  }

  private static void rules(JsonNode node, String where, List<String> p) {
    if (!object(node, where, p)) {
      return;
    }
    node.fields().forEachRemaining(rule -> {
      String at = where + "." + rule.getKey();
      if (!ID.matcher(rule.getKey()).matches() || "repeated".equals(rule.getKey())) {
        p.add(at + ": a rule id is lower case letters, digits and _ (and 'repeated' is built in)");
      }
      if (!object(rule.getValue(), at, p)) {
        return;
      }
      rule.getValue().fields().forEachRemaining(group -> {
        String g = at + "." + group.getKey();
        if (!ID.matcher(group.getKey()).matches()) {
          p.add(g + ": a group id is lower case letters, digits and _");
        }
        JsonNode def = group.getValue();
        if (!object(def, g, p)) {
          return;
        }
        def.fieldNames().forEachRemaining(k -> {
          if (!Set.of("label", "hint", "terms").contains(k)) {
            p.add(g + ": unknown setting '" + k + "' (label, hint, terms)");
          }
        });
        text(def.get("label"), g + ".label", 200, p);
        text(def.get("hint"), g + ".hint", MAX_TEXT, p);
        termsByLanguage(def.get("terms"), g + ".terms", p);
      });
    });
  }

  private static void termsByLanguage(JsonNode node, String where, List<String> p) {
    if (!object(node, where, p)) {
      return;
    }
    node.fields().forEachRemaining(e -> {
      String at = where + "." + e.getKey();
      if (!LANGUAGE.matcher(e.getKey()).matches()) {
        p.add(at + ": a language code such as zh, en, th, vi, ms or zh-Hant");
      }
      terms(e.getValue(), at, p);
    });
  }

  private static void terms(JsonNode list, String at, List<String> p) {
    if (list == null || list.isNull()) {
      return;
    }
    if (!list.isArray()) {
      p.add(at + ": must be a list of terms");
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode t = list.get(i);
      if (!t.isTextual() && !t.isNumber()) {
        p.add(at + "[" + i + "]: must be text");
        continue;
      }
      TermSpec spec = TermSpec.parse(t.asText());
      if (spec == null) {
        p.add(at + "[" + i + "]: empty term");
      } else if (spec.term().length() > MAX_TERM || (spec.fix() != null && spec.fix().length() > MAX_TERM)) {
        p.add(at + "[" + i + "]: longer than " + MAX_TERM + " characters");
      }
    }
  }

  private static void spam(JsonNode node, String where, List<String> p) {
    if (!object(node, where, p)) {
      return;
    }
    only(node, where, Set.of("threshold", "terms", "patterns", "repeatedCharacter"), p);
    number(node.get("threshold"), where + ".threshold", 1, 100, p);
    number(node.get("repeatedCharacter"), where + ".repeatedCharacter", 2, 1000, p);
    termsByLanguage(node.get("terms"), where + ".terms", p);
    JsonNode patterns = node.get("patterns");
    if (patterns != null && !patterns.isNull()) {
      if (!patterns.isArray()) {
        p.add(where + ".patterns: must be a list of regular expressions");
      } else {
        for (int i = 0; i < patterns.size(); i++) {
          regex(patterns.get(i), where + ".patterns[" + i + "]", p);
        }
      }
    }
  }

  private static void autoReplies(JsonNode node, String where, List<String> p) {
    if (!object(node, where, p)) {
      return;
    }
    only(node, where, Set.of("defaultLanguage", "businessHours", "maxAgeMinutes", "limit", "greeting", "offHours",
        "surge"), p);
    if (node.has("defaultLanguage") && !LANGUAGE.matcher(node.get("defaultLanguage").asText("")).matches()) {
      p.add(where + ".defaultLanguage: a language code such as en");
    }
    number(node.get("maxAgeMinutes"), where + ".maxAgeMinutes", 1, 10_080, p);
    JsonNode hours = node.get("businessHours");
    if (object(hours, where + ".businessHours", p) && hours != null) {
      only(hours, where + ".businessHours", Set.of("days", "open", "close"), p);
      if (hours.has("days") && BusinessHours.parseDays(hours.get("days").asText("")) == null) {
        p.add(where + ".businessHours.days: e.g. \"mon-fri\", \"mon-sun\", \"mon-fri,sun\" or \"none\"");
      }
      time(hours.get("open"), where + ".businessHours.open", p);
      time(hours.get("close"), where + ".businessHours.close", p);
    }
    JsonNode limit = node.get("limit");
    if (object(limit, where + ".limit", p) && limit != null) {
      only(limit, where + ".limit", Set.of("max", "perHours"), p);
      number(limit.get("max"), where + ".limit.max", 0, 100, p);
      number(limit.get("perHours"), where + ".limit.perHours", 1, 720, p);
    }
    for (String kind : List.of("greeting", "offHours", "surge")) {
      JsonNode k = node.get(kind);
      String at = where + "." + kind;
      if (!object(k, at, p) || k == null) {
        continue;
      }
      only(k, at, "surge".equals(kind) ? Set.of("enabled", "text", "afterSeconds") : Set.of("enabled", "text"), p);
      if (k.has("enabled") && !k.get("enabled").isBoolean()) {
        p.add(at + ".enabled: must be true or false");
      }
      number(k.get("afterSeconds"), at + ".afterSeconds", 1, 86_400, p);
      textsByLanguage(k.get("text"), at + ".text", p);
    }
  }

  private static void satisfaction(JsonNode node, String where, List<String> p) {
    if (!object(node, where, p)) {
      return;
    }
    only(node, where, Set.of("validHours", "invite", "answers", "reasons"), p);
    number(node.get("validHours"), where + ".validHours", 1, 720, p);
    textsByLanguage(node.get("invite"), where + ".invite", p);
    JsonNode answers = node.get("answers");
    if (object(answers, where + ".answers", p) && answers != null) {
      answers.fields().forEachRemaining(e -> {
        if (!RATINGS.contains(e.getKey())) {
          p.add(where + ".answers." + e.getKey() + ": must be satisfied, neutral or dissatisfied");
        }
        terms(e.getValue(), where + ".answers." + e.getKey(), p);
      });
    }
    JsonNode reasons = node.get("reasons");
    if (object(reasons, where + ".reasons", p) && reasons != null) {
      reasons.fields().forEachRemaining(e -> {
        if (!ID.matcher(e.getKey()).matches()) {
          p.add(where + ".reasons." + e.getKey() + ": a reason id is lower case letters, digits and _");
        }
        terms(e.getValue(), where + ".reasons." + e.getKey(), p);
      });
    }
  }

  private static void variables(JsonNode node, String where, List<String> p) {
    if (!object(node, where, p)) {
      return;
    }
    only(node, where, Set.of("orderNumberPattern", "trackingLink"), p);
    if (node.has("orderNumberPattern") && !node.get("orderNumberPattern").asText("").isEmpty()) {
      regex(node.get("orderNumberPattern"), where + ".orderNumberPattern", p);
    }
    if (node.has("trackingLink")) {
      String link = node.get("trackingLink").asText("");
      if (!link.isEmpty() && !(link.matches("^https?://\\S+$") && link.contains("{orderNumber}"))) {
        p.add(where + ".trackingLink: an http(s) URL template containing {orderNumber}, or empty");
      }
    }
  }

  private static void textsByLanguage(JsonNode node, String where, List<String> p) {
    if (!object(node, where, p) || node == null) {
      return;
    }
    node.fields().forEachRemaining(e -> {
      if (!LANGUAGE.matcher(e.getKey()).matches()) {
        p.add(where + "." + e.getKey() + ": a language code such as zh, en, th, vi, ms or zh-Hant");
      }
      text(e.getValue(), where + "." + e.getKey(), MAX_TEXT, p);
    });
  }

  /** True when there is an object to check; absent (null) is fine and false; anything else a problem. */
  private static boolean object(JsonNode node, String where, List<String> p) {
    if (node == null || node.isNull()) {
      return false;
    }
    if (!node.isObject()) {
      p.add(where + ": must be an object");
      return false;
    }
    return true;
  }

  private static void only(JsonNode node, String where, Set<String> allowed, List<String> p) {
    node.fieldNames().forEachRemaining(k -> {
      if (!allowed.contains(k)) {
        p.add(where + ": unknown setting '" + k + "'");
      }
    });
  }

  private static void number(JsonNode n, String where, long min, long max, List<String> p) {
    if (n == null || n.isNull()) {
      return;
    }
    if (!n.canConvertToLong() || !n.isIntegralNumber() || n.asLong() < min || n.asLong() > max) {
      p.add(where + ": a whole number from " + min + " to " + max);
    }
  }

  private static void text(JsonNode n, String where, int max, List<String> p) {
    if (n == null || n.isNull()) {
      return;
    }
    if (!n.isTextual()) {
      p.add(where + ": must be text");
    } else if (n.asText().length() > max) {
      p.add(where + ": longer than " + max + " characters");
    }
  }

  private static void time(JsonNode n, String where, List<String> p) {
    if (n == null || n.isNull()) {
      return;
    }
    try {
      LocalTime.parse(n.asText(""));
    } catch (DateTimeParseException e) {
      p.add(where + ": a time such as 09:00");
    }
  }

  private static void regex(JsonNode n, String where, List<String> p) {
    String problem = n == null || !n.isTextual() ? "a regular expression" : LinearRegex.problem(n.asText());
    if (problem != null) {
      p.add(where + ": " + problem);
    }
  }

  /** Language-keyed texts of a node ({en: "...", zh: "..."}); empty map when absent. */
  static Map<String, String> texts(JsonNode node) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    if (node != null && node.isObject()) {
      node.fields().forEachRemaining(e -> {
        if (e.getValue().isTextual() && !e.getValue().asText().isBlank()) {
          out.put(e.getKey(), e.getValue().asText());
        }
      });
    }
    return out;
  }

  /** The strings of an array node; empty list when absent. */
  static List<String> strings(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node != null && node.isArray()) {
      node.forEach(n -> {
        if ((n.isTextual() || n.isNumber()) && !n.asText().isBlank()) {
          out.add(n.asText());
        }
      });
    }
    return out;
  }
}
