package dev.unibox.bench;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import com.ibm.icu.text.Transliterator;
import dev.unibox.domain.LanguageDetector;

/**
 * The language detection before the script check (the baseline the harnesses compare with): Lingua over
 * all five served languages for every message, Traditional Chinese told apart by ICU's transliteration.
 */
final class LinguaAlone implements LanguageDetector {

  private final com.github.pemistahl.lingua.api.LanguageDetector lingua = LanguageDetectorBuilder
      .fromLanguages(Language.ENGLISH, Language.CHINESE, Language.THAI, Language.VIETNAMESE, Language.MALAY)
      .withMinimumRelativeDistance(0.05)
      .build();
  private final Transliterator toSimplified = Transliterator.getInstance("Hant-Hans");

  @Override
  public String detect(String text) {
    if (text == null || text.isBlank()) {
      return UNDETERMINED;
    }
    return switch (lingua.detectLanguageOf(text)) {
      case ENGLISH -> "en";
      case THAI -> "th";
      case VIETNAMESE -> "vi";
      case MALAY -> "ms";
      case CHINESE -> toSimplified.transliterate(text).equals(text) ? "zh" : "zh-Hant";
      default -> UNDETERMINED;
    };
  }
}
