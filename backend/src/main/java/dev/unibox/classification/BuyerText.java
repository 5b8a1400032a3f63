package dev.unibox.classification;

import com.ibm.icu.text.Normalizer2;
import dev.unibox.domain.SimplifiedChinese;
import dev.unibox.domain.TextNormalizer;

/**
 * Folds a buyer message into the one form every rule and model sees: full-width to half-width and lower
 * case (the same folding as the compliance rules), Traditional Chinese to Simplified (ICU's mapping, read
 * from a table: {@link SimplifiedChinese}), composed
 * Unicode (NFC: a Vietnamese word typed with combining marks equals the precomposed one), apostrophes
 * dropped ("doesn't" → "doesnt") and runs of three or more equal characters shortened to two
 * ("pleeeease" → "pleease", "!!!" → "!!"). Latin diacritics are kept: Vietnamese buyers who type them
 * tell "mã" (code) from "mà" (but) and "hồng" (pink) from "hông" (not); {@link #plain} removes them for
 * words typed without any ("hu" must still find "hư"). Thai vowel and tone marks are letters, never removed.
 */
public final class BuyerText {

  private static final Normalizer2 NFD = Normalizer2.getNFDInstance();
  private static final Normalizer2 NFC = Normalizer2.getNFCInstance();
  /** Each precomposed Latin letter's base letter ("ổ" → "o", "đ" → "d"), read once from its decomposition. */
  private static final char[] PLAIN = plainLetters();

  private BuyerText() {}

  public static String normalize(String raw) {
    if (raw == null || raw.isEmpty()) {
      return "";
    }
    String folded = SimplifiedChinese.of(TextNormalizer.normalize(raw));
    String composed = NFC.isNormalized(folded) ? folded : NFC.normalize(folded);
    char[] out = new char[composed.length()];
    int n = 0;
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
        out[n++] = c;
      }
    }
    return new String(out, 0, n);
  }

  /** A folded word without its Latin diacritics ("hư" → "hu", "đổi" → "doi"); other scripts unchanged. */
  public static String plain(String folded) {
    if (!hasLatinMarks(folded)) {
      return folded;
    }
    char[] out = new char[folded.length()];
    for (int i = 0; i < out.length; i++) {
      char c = folded.charAt(i);
      if (c >= 0x300 && c <= 0x36F) {
        return plainDecomposed(folded); // a combining mark typed on its own (composed text rarely has one)
      }
      out[i] = isLatinLetterWithMarks(c) ? PLAIN[latinSlot(c)] : c;
    }
    return new String(out);
  }

  private static char[] plainLetters() {
    char[] out = new char[(0x24F - 0xC0 + 1) + (0x1EFF - 0x1E00 + 1)];
    for (char c = 0xC0; c <= 0x24F; c++) {
      out[latinSlot(c)] = c == 'đ' ? 'd' : NFD.normalize(String.valueOf(c)).charAt(0);
    }
    for (char c = 0x1E00; c <= 0x1EFF; c++) {
      out[latinSlot(c)] = NFD.normalize(String.valueOf(c)).charAt(0);
    }
    return out;
  }

  private static boolean isLatinLetterWithMarks(char c) {
    return c >= 0xC0 && c <= 0x24F || c >= 0x1E00 && c <= 0x1EFF;
  }

  private static int latinSlot(char c) {
    return c <= 0x24F ? c - 0xC0 : (0x24F - 0xC0 + 1) + (c - 0x1E00);
  }

  /** The general case: decompose, drop the marks on Latin letters, compose again. */
  static String plainDecomposed(String folded) {
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
    return SimplifiedChinese.isHan(c);
  }

  static boolean isThai(char c) {
    return c >= 0x0E00 && c <= 0x0E7F;
  }

  private static boolean isLatin(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 0xC0 && c <= 0x24F) || (c >= 0x1E00 && c <= 0x1EFF);
  }
}
