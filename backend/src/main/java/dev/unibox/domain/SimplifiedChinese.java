package dev.unibox.domain;

import com.ibm.icu.text.Transliterator;

/**
 * ICU's Traditional→Simplified conversion, one character at a time through a table. Running the ICU
 * transliterator over every message was the largest single cost of classifying Chinese text (it applies
 * its rule set at every position). The table holds what ICU makes of each character on its own; ICU's
 * few phrase rules (螢幕 → 荧幕 where the character alone gives 萤) are not applied, which costs nothing
 * because the cues and the training messages are folded by this same table. The language detector uses
 * the same table to tell Traditional from Simplified text. Each Han character is looked
 * up once, the first time it is seen. Filling a slot is idempotent: two threads racing on it store the
 * same value, and a thread that does not yet see it simply asks ICU again.
 */
public final class SimplifiedChinese {

  private static final int FIRST = 0x3400;
  private static final int LAST = 0x9FFF;
  /** Not looked up yet. */
  private static final char UNKNOWN = 0;
  /** ICU turns this character into several, or into something outside the table: ask ICU each time. */
  private static final char ASK_ICU = 0xFFFF;
  private static final char[] TABLE = new char[LAST - FIRST + 1];
  private static final ThreadLocal<Transliterator> ICU =
      ThreadLocal.withInitial(() -> Transliterator.getInstance("Traditional-Simplified"));

  private SimplifiedChinese() {}

  public static boolean isHan(char c) {
    return c >= FIRST && c <= LAST;
  }

  /** The text with every Traditional character replaced by its Simplified form (the text itself if none). */
  public static String of(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isHan(c)) {
        if (out != null) {
          out.append(c);
        }
        continue;
      }
      char s = simplified(c);
      if (s == c && out == null) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (s == ASK_ICU) {
        out.append(ICU.get().transliterate(String.valueOf(c)));
      } else {
        out.append(s);
      }
    }
    return out == null ? text : out.toString();
  }

  /** Whether a Han character is written differently in Simplified Chinese (a Traditional form). */
  public static boolean isTraditional(char c) {
    if (!isHan(c)) {
      return false;
    }
    char s = simplified(c);
    return s == ASK_ICU ? !ICU.get().transliterate(String.valueOf(c)).equals(String.valueOf(c)) : s != c;
  }

  private static char simplified(char c) {
    char s = TABLE[c - FIRST];
    if (s != UNKNOWN) {
      return s;
    }
    String converted = ICU.get().transliterate(String.valueOf(c));
    s = converted.length() == 1 && converted.charAt(0) != ASK_ICU ? converted.charAt(0) : ASK_ICU;
    TABLE[c - FIRST] = s;
    return s;
  }
}
