package dev.unibox.quality.rules;

import static dev.unibox.quality.rules.NodeChecks.LANGUAGE;
import static dev.unibox.quality.rules.NodeChecks.MAX_TEXT;
import static dev.unibox.quality.rules.NodeChecks.number;
import static dev.unibox.quality.rules.NodeChecks.object;
import static dev.unibox.quality.rules.NodeChecks.regex;
import static dev.unibox.quality.rules.NodeChecks.section;
import static dev.unibox.quality.rules.NodeChecks.termsByKey;
import static dev.unibox.quality.rules.NodeChecks.termsByLanguage;
import static dev.unibox.quality.rules.NodeChecks.text;
import static dev.unibox.quality.rules.NodeChecks.textsByLanguage;
import static dev.unibox.quality.rules.NodeChecks.time;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Every problem of a quality document, section by section (the sections are described in docs/quality.md). */
final class DocumentCheck {

  static final Set<String> SECTIONS = Set.of("policy", "rules", "allow", "spam", "autoReplies", "satisfaction",
      "variables");
  static final Set<String> RATINGS = Set.of("satisfied", "neutral", "dissatisfied");
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{0,39}");
  private static final Pattern POLICY_KEY = Pattern.compile("[a-z][a-z0-9_]{0,39}(\\.[a-z][a-z0-9_]{0,39})?");

  private DocumentCheck() {}

  /** Every problem of a document, each prefixed with {@code where}; empty when it is valid. */
  static List<String> validate(JsonNode doc, String where) {
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

  private static void spam(JsonNode node, String where, List<String> p) {
    if (!section(node, where, Set.of("threshold", "terms", "patterns", "repeatedCharacter"), p)) {
      return;
    }
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
    if (!section(node, where, Set.of("defaultLanguage", "businessHours", "maxAgeMinutes", "limit", "greeting",
        "offHours", "surge"), p)) {
      return;
    }
    if (node.has("defaultLanguage") && !LANGUAGE.matcher(node.get("defaultLanguage").asText("")).matches()) {
      p.add(where + ".defaultLanguage: a language code such as en");
    }
    number(node.get("maxAgeMinutes"), where + ".maxAgeMinutes", 1, 10_080, p);
    JsonNode hours = node.get("businessHours");
    if (section(hours, where + ".businessHours", Set.of("days", "open", "close"), p)) {
      if (hours.has("days") && BusinessHours.parseDays(hours.get("days").asText("")) == null) {
        p.add(where + ".businessHours.days: e.g. \"mon-fri\", \"mon-sun\", \"mon-fri,sun\" or \"none\"");
      }
      time(hours.get("open"), where + ".businessHours.open", p);
      time(hours.get("close"), where + ".businessHours.close", p);
    }
    JsonNode limit = node.get("limit");
    if (section(limit, where + ".limit", Set.of("max", "perHours"), p)) {
      number(limit.get("max"), where + ".limit.max", 0, 100, p);
      number(limit.get("perHours"), where + ".limit.perHours", 1, 720, p);
    }
    for (String kind : List.of("greeting", "offHours", "surge")) {
      JsonNode k = node.get(kind);
      String at = where + "." + kind;
      if (!section(k, at, "surge".equals(kind) ? Set.of("enabled", "text", "afterSeconds") : Set.of("enabled", "text"),
          p)) {
        continue;
      }
      if (k.has("enabled") && !k.get("enabled").isBoolean()) {
        p.add(at + ".enabled: must be true or false");
      }
      number(k.get("afterSeconds"), at + ".afterSeconds", 1, 86_400, p);
      textsByLanguage(k.get("text"), at + ".text", p);
    }
  }

  private static void satisfaction(JsonNode node, String where, List<String> p) {
    if (!section(node, where, Set.of("validHours", "invite", "answers", "reasons"), p)) {
      return;
    }
    number(node.get("validHours"), where + ".validHours", 1, 720, p);
    textsByLanguage(node.get("invite"), where + ".invite", p);
    termsByKey(node.get("answers"), where + ".answers", RATINGS::contains, "must be satisfied, neutral or dissatisfied",
        p);
    termsByKey(node.get("reasons"), where + ".reasons", k -> ID.matcher(k).matches(),
        "a reason id is lower case letters, digits and _", p);
  }

  private static void variables(JsonNode node, String where, List<String> p) {
    if (!section(node, where, Set.of("orderNumberPattern", "trackingLink"), p)) {
      return;
    }
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
}
