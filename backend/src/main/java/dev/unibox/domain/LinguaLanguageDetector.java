package dev.unibox.domain;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import com.ibm.icu.text.Transliterator;

/**
 * Lingua restricted to the languages the teams serve. Lingua has one CHINESE; Traditional is told
 * apart by ICU's Traditional-to-Simplified transliteration changing the text.
 */
public final class LinguaLanguageDetector implements LanguageDetector {

  private static final double MIN_CONFIDENCE_GAP = 0.05;

  private final com.github.pemistahl.lingua.api.LanguageDetector lingua = LanguageDetectorBuilder
      .fromLanguages(Language.ENGLISH, Language.CHINESE, Language.THAI, Language.VIETNAMESE, Language.MALAY)
      .withMinimumRelativeDistance(MIN_CONFIDENCE_GAP)
      .build();
  // one per worker thread: a shared, synchronized transliterator made parallel ingest wait in line
  private static final ThreadLocal<Transliterator> TO_SIMPLIFIED =
      ThreadLocal.withInitial(() -> Transliterator.getInstance("Hant-Hans"));

  @Override
  public String detect(String text) {
    if (text == null || text.isBlank()) {
      return UNDETERMINED;
    }
    Language language = lingua.detectLanguageOf(text);
    return switch (language) {
      case ENGLISH -> "en";
      case THAI -> "th";
      case VIETNAMESE -> "vi";
      case MALAY -> "ms";
      case CHINESE -> isTraditional(text) ? "zh-Hant" : "zh";
      default -> UNDETERMINED;
    };
  }

  private boolean isTraditional(String text) {
    return !TO_SIMPLIFIED.get().transliterate(text).equals(text);
  }
}
