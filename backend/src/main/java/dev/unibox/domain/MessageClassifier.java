package dev.unibox.domain;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Classifies a buyer message. All languages' terms are checked, not only the detected one: buyers mix
 * languages ("barang rosak, refund please") and detection on three words is unreliable. A platform
 * signal (the message type an adapter reports, e.g. a return/refund card) adds what it implies.
 */
public final class MessageClassifier {

  private final ClassificationRules rules;
  private final LanguageDetector languages;

  public MessageClassifier(ClassificationRules rules, LanguageDetector languages) {
    this.rules = rules;
    this.languages = languages;
  }

  public Classification classify(String text) {
    return classify(text, null);
  }

  /** @param messageType the adapter's platform-neutral message type (text, order, return_card…), may be null */
  public Classification classify(String text, String messageType) {
    String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
    Priority priority = rules.anyMatches(rules.urgent(), lower) ? Priority.URGENT : Priority.NORMAL;
    Category category = Category.PRE_SALE;
    for (Category candidate : new Category[] {Category.AFTER_SALE, Category.IN_SALE}) {
      Map<String, List<String>> terms = rules.category().get(candidate);
      if (terms != null && rules.anyMatches(terms, lower)) {
        category = candidate;
        break;
      }
    }
    ClassificationRules.Signal signal = messageType == null ? null : rules.signals().get(messageType);
    if (signal != null) {
      if (signal.priority() != null && signal.priority().level() > priority.level()) {
        priority = signal.priority();
      }
      if (signal.category() != null) {
        category = category.laterOf(signal.category());
      }
    }
    return new Classification(priority, category, text == null ? LanguageDetector.UNDETERMINED : languages.detect(text));
  }
}
