package dev.unibox.domain;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;

/**
 * The script decides first, Lingua only what the script leaves open. Han characters make Chinese
 * (Traditional when one of them has a different Simplified form: {@link SimplifiedChinese}), Thai letters
 * Thai, a letter only Vietnamese writes (ă, đ, ơ, ư, the vowels with a tone mark below or a hook above…)
 * Vietnamese. Latin text without such a letter is English, Malay or Vietnamese typed without diacritics:
 * Lingua, restricted to those three and in its low-accuracy mode (trigrams only: a third of the
 * cost, the same accuracy on the test split, docs/benchmarks.md), tells them apart. Asking Lingua for every message cost more than the
 * whole trained classifier (docs/benchmarks.md); a script check is a single pass over the characters.
 */
public final class LinguaLanguageDetector implements LanguageDetector {

  private static final double MIN_CONFIDENCE_GAP = 0.05;
  /** Chinese words are two characters, English ones five letters: Chinese wins a mixed message early. */
  private static final int LETTERS_PER_HAN = 4;

  private final com.github.pemistahl.lingua.api.LanguageDetector latin = LanguageDetectorBuilder
      .fromLanguages(Language.ENGLISH, Language.MALAY, Language.VIETNAMESE)
      .withMinimumRelativeDistance(MIN_CONFIDENCE_GAP)
      .withLowAccuracyMode()
      .withPreloadedLanguageModels()
      .build();

  @Override
  public String detect(String text) {
    if (text == null || text.isBlank()) {
      return UNDETERMINED;
    }
    int han = 0;
    int thai = 0;
    int latinLetters = 0;
    boolean traditional = false;
    boolean vietnamese = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (SimplifiedChinese.isHan(c)) {
        han++;
        traditional = traditional || SimplifiedChinese.isTraditional(c);
      } else if (c >= 0x0E00 && c <= 0x0E7F) {
        thai++;
      } else if (Character.isLetter(c) && c < 0x2000) {
        latinLetters++;
        vietnamese = vietnamese || onlyVietnamese(c);
      } else if (c == 0x0309 || c == 0x0323 || c == 0x031B) {
        vietnamese = true; // hook above, dot below, horn typed as combining marks
      }
    }
    if (thai > 0 && thai >= han) {
      return "th";
    }
    if (han > 0 && han * LETTERS_PER_HAN >= latinLetters) {
      return traditional ? "zh-Hant" : "zh";
    }
    if (vietnamese) {
      return "vi";
    }
    if (latinLetters == 0) {
      return UNDETERMINED;
    }
    return switch (latin.detectLanguageOf(text)) {
      case ENGLISH -> "en";
      case VIETNAMESE -> "vi";
      case MALAY -> "ms";
      default -> UNDETERMINED;
    };
  }

  /**
   * ă đ ơ ư and the vowels with a tone mark below, a hook above or two marks (U+1EA0–U+1EF9); â ê ô and
   * the acute/grave vowels are left to Lingua, since French words in an English message have them too.
   */
  private static boolean onlyVietnamese(char c) {
    return switch (Character.toLowerCase(c)) {
      case 'ă', 'đ', 'ơ', 'ư' -> true;
      default -> c >= 0x1EA0 && c <= 0x1EF9;
    };
  }
}
