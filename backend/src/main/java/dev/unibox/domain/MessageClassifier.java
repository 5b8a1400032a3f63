package dev.unibox.domain;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Classifies a buyer message. With a {@link TextJudge} (the trained model, docs/routing.md) the text's
 * urgency and category are the judge's; without one, the word lists of config/classification.yaml
 * decide (all languages' terms are checked, not only the detected one). Either way a platform signal
 * (the message type an adapter reports, e.g. a return/refund card) adds what it implies and wins.
 */
public final class MessageClassifier {

  /**
   * Only the start of a message is classified: urgency, category and language show in its first lines,
   * and a pasted 900 KB text must not hold a worker thread for seconds (cues, models, Lingua).
   */
  public static final int MAX_CLASSIFIED_CHARS = 2000;

  private final ClassificationRules rules;
  private final LanguageDetector languages;
  private final TextJudge judge;

  public MessageClassifier(ClassificationRules rules, LanguageDetector languages) {
    this(rules, languages, null);
  }

  public MessageClassifier(ClassificationRules rules, LanguageDetector languages, TextJudge judge) {
    this.rules = rules;
    this.languages = languages;
    this.judge = judge;
  }

  public Classification classify(String text) {
    return classify(text, null);
  }

  /** @param messageType the adapter's platform-neutral message type (text, order, return_card…), may be null */
  public Classification classify(String fullText, String messageType) {
    String text = classifiedPart(fullText);
    Priority priority;
    Category category;
    double confidence = 1.0;
    boolean informative = true;
    TextJudge.Verdict verdict = judge == null ? null : judge.judge(text == null ? "" : text);
    if (verdict != null) {
      priority = verdict.priority();
      category = verdict.category();
      confidence = verdict.confidence();
      informative = verdict.informative();
    } else {
      String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
      priority = rules.anyMatches(rules.urgent(), lower) ? Priority.URGENT : Priority.NORMAL;
      category = wordListCategory(lower);
    }
    ClassificationRules.Signal signal = messageType == null ? null : rules.signals().get(messageType);
    if (signal != null) {
      // the platform says so: no doubt left about an urgency at or below the signal's
      if (signal.priority() != null && signal.priority().level() >= priority.level()) {
        priority = signal.priority();
        confidence = 1.0;
        informative = true;
      }
      if (signal.category() != null) {
        category = category.laterOf(signal.category());
      }
    }
    return new Classification(priority, category,
        text == null ? LanguageDetector.UNDETERMINED : languages.detect(text), confidence,
        informative);
  }

  /** The first {@link #MAX_CLASSIFIED_CHARS} characters (never half a surrogate pair); null stays null. */
  public static String classifiedPart(String text) {
    if (text == null || text.length() <= MAX_CLASSIFIED_CHARS) {
      return text;
    }
    int end = MAX_CLASSIFIED_CHARS;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end);
  }

  private Category wordListCategory(String lower) {
    for (Category candidate : new Category[] {Category.AFTER_SALE, Category.IN_SALE}) {
      Map<String, List<String>> terms = rules.category().get(candidate);
      if (terms != null && rules.anyMatches(terms, lower)) {
        return candidate;
      }
    }
    return Category.PRE_SALE;
  }
}
