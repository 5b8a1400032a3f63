package dev.unibox.quality.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibox.domain.LinearRegex;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Checks of single values of a quality document; each adds its problem, prefixed with where it is, to p. */
final class NodeChecks {

  static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?");
  static final int MAX_TERM = 200;
  static final int MAX_TEXT = 1000;

  private NodeChecks() {}

  static void termsByLanguage(JsonNode node, String where, List<String> p) {
    termsByKey(node, where, k -> LANGUAGE.matcher(k).matches(), "a language code such as zh, en, th, vi, ms or zh-Hant", p);
  }

  /** An object of term lists; a key {@code validKey} refuses is reported with {@code keyProblem}. */
  static void termsByKey(JsonNode node, String where, Predicate<String> validKey, String keyProblem, List<String> p) {
    if (!object(node, where, p)) {
      return;
    }
    node.fields().forEachRemaining(e -> {
      String at = where + "." + e.getKey();
      if (!validKey.test(e.getKey())) {
        p.add(at + ": " + keyProblem);
      }
      terms(e.getValue(), at, p);
    });
  }

  static void terms(JsonNode list, String at, List<String> p) {
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

  static void textsByLanguage(JsonNode node, String where, List<String> p) {
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
  static boolean object(JsonNode node, String where, List<String> p) {
    if (node == null || node.isNull()) {
      return false;
    }
    if (!node.isObject()) {
      p.add(where + ": must be an object");
      return false;
    }
    return true;
  }

  /** True when there is an object to check, after reporting its keys outside {@code allowed}. */
  static boolean section(JsonNode node, String where, Set<String> allowed, List<String> p) {
    if (!object(node, where, p)) {
      return false;
    }
    only(node, where, allowed, p);
    return true;
  }

  static void only(JsonNode node, String where, Set<String> allowed, List<String> p) {
    node.fieldNames().forEachRemaining(k -> {
      if (!allowed.contains(k)) {
        p.add(where + ": unknown setting '" + k + "'");
      }
    });
  }

  static void number(JsonNode n, String where, long min, long max, List<String> p) {
    if (n == null || n.isNull()) {
      return;
    }
    if (!n.canConvertToLong() || !n.isIntegralNumber() || n.asLong() < min || n.asLong() > max) {
      p.add(where + ": a whole number from " + min + " to " + max);
    }
  }

  static void text(JsonNode n, String where, int max, List<String> p) {
    if (n == null || n.isNull()) {
      return;
    }
    if (!n.isTextual()) {
      p.add(where + ": must be text");
    } else if (n.asText().length() > max) {
      p.add(where + ": longer than " + max + " characters");
    }
  }

  static void time(JsonNode n, String where, List<String> p) {
    if (n == null || n.isNull()) {
      return;
    }
    try {
      LocalTime.parse(n.asText(""));
    } catch (DateTimeParseException e) {
      p.add(where + ": a time such as 09:00");
    }
  }

  static void regex(JsonNode n, String where, List<String> p) {
    String problem = n == null || !n.isTextual() ? "a regular expression" : LinearRegex.problem(n.asText());
    if (problem != null) {
      p.add(where + ": " + problem);
    }
  }
}
