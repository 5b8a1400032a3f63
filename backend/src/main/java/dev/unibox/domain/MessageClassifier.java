package dev.unibox.domain;

import java.util.Locale;
import java.util.Map;

/**
 * Classifies a buyer message. All languages' terms are checked, not only the detected one: buyers mix
 * languages ("barang rosak, refund please") and detection on three words is unreliable.
 */
public final class MessageClassifier {

  private final ClassificationRules rules;
  private final LanguageDetector languages;

  public MessageClassifier(ClassificationRules rules, LanguageDetector languages) {
    this.rules = rules;
    this.languages = languages;
  }

  public Classification classify(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    Priority priority = rules.anyMatches(rules.urgent(), lower) ? Priority.URGENT : Priority.NORMAL;
    Category category = Category.PRE_SALE;
    for (Category candidate : new Category[] {Category.AFTER_SALE, Category.IN_SALE}) {
      Map<String, java.util.List<String>> terms = rules.category().get(candidate);
      if (terms != null && rules.anyMatches(terms, lower)) {
        category = candidate;
        break;
      }
    }
    return new Classification(priority, category, languages.detect(text));
  }
}
