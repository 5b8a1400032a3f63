package dev.unibox.domain;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Keyword rules from {@code config/classification.yaml}: terms per language, matched as
 * case-insensitive substrings (Chinese and Thai have no spaces between words).
 */
public record ClassificationRules(Map<String, List<String>> urgent, Map<Category, Map<String, List<String>>> category) {

  public ClassificationRules {
    urgent = lowerCase(urgent);
    category = Map.copyOf(category.entrySet().stream()
        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> lowerCase(e.getValue()))));
  }

  private static Map<String, List<String>> lowerCase(Map<String, List<String>> terms) {
    return Map.copyOf(terms.entrySet().stream().collect(java.util.stream.Collectors.toMap(
        Map.Entry::getKey, e -> e.getValue().stream().map(t -> t.toLowerCase(Locale.ROOT)).toList())));
  }

  boolean anyMatches(Map<String, List<String>> termsByLanguage, String lowerText) {
    for (List<String> terms : termsByLanguage.values()) {
      for (String term : terms) {
        if (lowerText.contains(term)) {
          return true;
        }
      }
    }
    return false;
  }
}
