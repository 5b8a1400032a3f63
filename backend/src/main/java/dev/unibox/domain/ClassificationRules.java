package dev.unibox.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import com.google.re2j.Pattern;

/**
 * Rules from {@code config/classification.yaml}: terms per language, matched as case-insensitive
 * substrings (Chinese and Thai have no spaces between words); a term written {@code re:<regex>} is a
 * case-insensitive regular expression instead. {@code signals} map a platform message type (an order
 * card, a return/refund card…) to the priority and category it implies.
 */
public record ClassificationRules(Map<String, List<String>> urgent, Map<Category, Map<String, List<String>>> category,
                                  Map<String, Signal> signals) {

  /** What a platform message type says by itself: priority and/or category (either may be null). */
  public record Signal(Priority priority, Category category) {}

  public ClassificationRules {
    urgent = lowerCase(urgent);
    category = Map.copyOf(category.entrySet().stream()
        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> lowerCase(e.getValue()))));
    signals = Map.copyOf(signals);
  }

  public ClassificationRules(Map<String, List<String>> urgent, Map<Category, Map<String, List<String>>> category) {
    this(urgent, category, Map.of());
  }

  private static Map<String, List<String>> lowerCase(Map<String, List<String>> terms) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    terms.forEach((language, list) -> out.put(language,
        list.stream().map(t -> t.startsWith("re:") ? t : t.toLowerCase(Locale.ROOT)).toList()));
    return java.util.Collections.unmodifiableMap(out);
  }

  /** @return the first language whose terms match, or null */
  String firstMatch(Map<String, List<String>> termsByLanguage, String lowerText) {
    for (Map.Entry<String, List<String>> e : termsByLanguage.entrySet()) {
      for (String term : e.getValue()) {
        if (term.startsWith("re:") ? pattern(term).matcher(lowerText).find() : lowerText.contains(term)) {
          return e.getKey();
        }
      }
    }
    return null;
  }

  boolean anyMatches(Map<String, List<String>> termsByLanguage, String lowerText) {
    return firstMatch(termsByLanguage, lowerText) != null;
  }

  private static final Map<String, Pattern> PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();

  private static Pattern pattern(String term) {
    return PATTERNS.computeIfAbsent(term, t -> LinearRegex.compile(t.substring(3), true));
  }

  /** Compiles every {@code re:} term; returns one problem per invalid expression. */
  public List<String> invalidPatterns() {
    List<String> problems = new ArrayList<>();
    List<Map<String, List<String>>> all = new ArrayList<>();
    all.add(urgent);
    all.addAll(category.values());
    for (Map<String, List<String>> byLanguage : all) {
      byLanguage.forEach((language, terms) -> terms.stream().filter(t -> t.startsWith("re:")).forEach(t -> {
        try {
          pattern(t);
        } catch (IllegalArgumentException e) {
          problems.add(language + ": '" + t + "': " + e.getMessage());
        }
      }));
    }
    return problems;
  }
}
