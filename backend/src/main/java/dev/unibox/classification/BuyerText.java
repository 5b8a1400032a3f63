package dev.unibox.classification;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;
import dev.unibox.domain.TextNormalizer;

/**
 * Folds a buyer message into the one form every rule and model sees: full-width to half-width and lower
 * case (the same folding as the compliance rules), Traditional Chinese to Simplified (ICU), composed
 * Unicode (NFC: a Vietnamese word typed with combining marks equals the precomposed one), apostrophes
 * dropped ("doesn't" → "doesnt") and runs of three or more equal characters shortened to two
 * ("pleeeease" → "pleease", "!!!" → "!!"). Latin diacritics are kept: Vietnamese buyers who type them
 * tell "mã" (code) from "mà" (but) and "hồng" (pink) from "hông" (not); {@link #plain} removes them for
 * words typed without any ("hu" must still find "hư"). Thai vowel and tone marks are letters, never removed.
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
    String composed = NFC.isNormalized(folded) ? folded : NFC.normalize(folded);
    StringBuilder out = new StringBuilder(composed.length());
    char last = 0;
    int run = 0;
    for (int i = 0; i < composed.length(); i++) {
      char c = composed.charAt(i);
      if (c == '\'') {
        continue;
      }
      run = c == last ? run + 1 : 1;
      last = c;
      if (run <= 2) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** A folded word without its Latin diacritics ("hư" → "hu", "đổi" → "doi"); other scripts unchanged. */
  public static String plain(String folded) {
    if (!hasLatinMarks(folded)) {
      return folded;
    }
    String decomposed = NFD.normalize(folded);
    StringBuilder out = new StringBuilder(decomposed.length());
    char base = 0;
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      boolean mark = Character.getType(c) == Character.NON_SPACING_MARK;
      if (mark && isLatin(base)) {
        continue;
      }
      if (!mark) {
        base = c;
      }
      out.append(c == 'đ' ? 'd' : c);
    }
    return NFC.normalize(out);
  }

  /** Whether a folded word carries a Latin diacritic (then it is matched as typed, not {@link #plain}). */
  static boolean hasLatinMarks(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0xC0 && c <= 0x24F || c >= 0x1E00 && c <= 0x1EFF || c >= 0x300 && c <= 0x36F) {
        return true;
      }
    }
    return false;
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
