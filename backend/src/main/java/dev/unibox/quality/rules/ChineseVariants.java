package dev.unibox.quality.rules;

import com.ibm.icu.text.Transliterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Simplified and Traditional forms of a Chinese term (ICU's transliterators), so one list in either
 * script catches both: 国家级 also matches 國家級 written by an agent of a Taiwan shop. Computed when
 * rules are compiled, never per message; results are cached for the process.
 */
public final class ChineseVariants {

  private static final Map<String, Set<String>> CACHE = new ConcurrentHashMap<>();
  private static Transliterator toTraditional;
  private static Transliterator toSimplified;

  private ChineseVariants() {}

  /** The term itself plus its other-script forms; just the term when it has no Han characters. */
  public static Set<String> of(String term) {
    if (!hasHan(term)) {
      return Set.of(term);
    }
    return CACHE.computeIfAbsent(term, ChineseVariants::compute);
  }

  private static synchronized Set<String> compute(String term) {
    if (toTraditional == null) {
      toTraditional = Transliterator.getInstance("Simplified-Traditional");
      toSimplified = Transliterator.getInstance("Traditional-Simplified");
    }
    Set<String> out = new LinkedHashSet<>();
    out.add(term);
    String traditional = toTraditional.transliterate(term);
    out.add(traditional);
    out.add(toSimplified.transliterate(term));
    out.add(toSimplified.transliterate(traditional));
    return Set.copyOf(out);
  }

  /** Traditional form of a whole text (for a zh-Hant variant made from a Simplified one). */
  public static synchronized String toTraditional(String text) {
    if (!hasHan(text)) {
      return text;
    }
    if (toTraditional == null) {
      toTraditional = Transliterator.getInstance("Simplified-Traditional");
      toSimplified = Transliterator.getInstance("Traditional-Simplified");
    }
    return toTraditional.transliterate(text);
  }

  static boolean hasHan(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.UnicodeScript.of(s.charAt(i)) == Character.UnicodeScript.HAN) {
        return true;
      }
    }
    return false;
  }
}
