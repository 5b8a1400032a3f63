package dev.unibox.classification;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;
import dev.unibox.domain.TextNormalizer;

/**
 * Folds a buyer message into the one form every rule and model sees: full-width to half-width and lower
 * case (the same folding as the compliance rules), Traditional Chinese to Simplified (ICU), Latin
 * diacritics removed (Vietnamese buyers often type without them: "hư" and "hu" must be one word; Thai
 * vowel and tone marks are kept, they are letters), apostrophes dropped ("doesn't" → "doesnt") and runs
 * of three or more equal characters shortened to two ("pleeeease" → "pleease", "!!!" → "!!").
 */
public final class BuyerText {

  private static final Normalizer2 NFD = Normalizer2.getNFDInstance();
  private static final Normalizer2 NFC = Normalizer2.getNFCInstance();
  private static final ThreadLocal<Transliterator> TO_SIMPLIFIED =
      ThreadLocal.withInitial(() -> Transliterator.getInstance("Traditional-Simplified"));

  private BuyerText() {}

  public static String normalize(String raw) {
    if (raw == null || raw.isEmpty()) {
      return "";
    }
    String folded = TextNormalizer.normalize(raw);
    if (hasHan(folded)) {
      folded = TO_SIMPLIFIED.get().transliterate(folded);
    }
    String decomposed = NFD.normalize(folded);
    StringBuilder out = new StringBuilder(decomposed.length());
    char base = 0;
    char last = 0;
    int run = 0;
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      if (Character.getType(c) == Character.NON_SPACING_MARK && isLatin(base)) {
        continue;
      }
      if (c == '\'') {
        continue;
      }
      if (c == 'đ') {
        c = 'd';
      }
      if (Character.getType(c) != Character.NON_SPACING_MARK) {
        base = c;
      }
      run = c == last ? run + 1 : 1;
      last = c;
      if (run <= 2) {
        out.append(c);
      }
    }
    return NFC.normalize(out);
  }

  static boolean hasHan(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      if (isHan(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  static boolean isHan(char c) {
    return c >= 0x3400 && c <= 0x9FFF;
  }

  static boolean isThai(char c) {
    return c >= 0x0E00 && c <= 0x0E7F;
  }

  private static boolean isLatin(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 0xC0 && c <= 0x24F) || (c >= 0x1E00 && c <= 0x1EFF);
  }
}
