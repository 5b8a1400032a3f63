package dev.unibox.classification;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The words of one folded sentence with their character offsets and clause numbers. Chinese and Thai
 * (no spaces between words) go through ICU's dictionary word segmentation, other scripts are split into
 * runs of letters and digits. Clauses are separated by a comma or semicolon, and in Thai, which has no
 * commas, by a space. One instance per message, reused from sentence to sentence.
 */
final class SentenceTokens {

  private static final ThreadLocal<BreakIterator> WORDS =
      ThreadLocal.withInitial(() -> BreakIterator.getWordInstance(ULocale.ROOT));

  final List<String> tokens = new ArrayList<>();
  int[] clauses = new int[32];
  int[] offsets = new int[32];
  /** Offsets of the sentence's clause breaks, and how many. */
  private int[] commas = new int[8];
  int breaks;
  private boolean thai;
  private String s;

  void read(String sentence) {
    s = sentence;
    tokens.clear();
    breaks = 0;
    thai = hasThai(s);
    for (int i = 0; i < s.length(); i++) {
      if (isClauseBreak(i)) {
        if (breaks == commas.length) {
          commas = Arrays.copyOf(commas, breaks * 2);
        }
        commas[breaks++] = i;
      }
    }
    if (needsDictionary(s)) {
      segment();
    } else {
      split();
    }
  }

  /** The clause (0, 1, …) a character offset of the sentence lies in. */
  int clauseOf(int offset) {
    int c = 0;
    while (c < breaks && commas[c] < offset) {
      c++;
    }
    return c;
  }

  /** The token starting at or covering a character offset, or -1. */
  int tokenAt(int charOffset) {
    int at = Arrays.binarySearch(offsets, 0, tokens.size(), charOffset);
    return at >= 0 ? at : -at - 2;
  }

  /** Chinese or Thai text: ICU's dictionary word segmentation (buyers write no spaces between words). */
  private void segment() {
    BreakIterator it = WORDS.get();
    it.setText(s);
    int clause = 0;
    int prev = 0;
    for (int end = it.next(); end != BreakIterator.DONE; prev = end, end = it.next()) {
      if (it.getRuleStatus() == BreakIterator.WORD_NONE) {
        for (int i = prev; i < end; i++) {
          clause += isClauseBreak(i) ? 1 : 0;
        }
        continue;
      }
      token(prev, end, clause);
    }
  }

  /** Space-separated scripts (folded Latin, Vietnamese, Malay): words are runs of letters and digits. */
  private void split() {
    int clause = 0;
    int start = -1;
    for (int i = 0; i <= s.length(); i++) {
      char c = i < s.length() ? s.charAt(i) : ' ';
      if (Character.isLetterOrDigit(c)) {
        start = start < 0 ? i : start;
        continue;
      }
      if (start >= 0) {
        token(start, i, clause);
        start = -1;
      }
      clause += i < s.length() && isClauseBreak(i) ? 1 : 0;
    }
  }

  private void token(int start, int end, int clause) {
    int n = tokens.size();
    if (n == offsets.length) {
      offsets = Arrays.copyOf(offsets, n * 2);
      clauses = Arrays.copyOf(clauses, n * 2);
    }
    tokens.add(s.substring(start, end));
    offsets[n] = start;
    clauses[n] = clause;
  }

  /**
   * A comma or semicolon; in Thai, which has no commas, a space; in Chinese a space before a Han character
   * that does not follow a Latin word ("屏幕有条裂痕😭 可唔可以换", "买回来就是坏的 用不了": buyers type a
   * space where a comma would be), while "唔 work" and "收到了 but 裂了" stay one clause.
   */
  private boolean isClauseBreak(int i) {
    char c = s.charAt(i);
    if (c == ',' || c == ';') {
      return true;
    }
    if (c != ' ') {
      return false;
    }
    if (thai) {
      return true;
    }
    char before = i > 0 ? s.charAt(i - 1) : 'a';
    return i + 1 < s.length() && BuyerText.isHan(s.charAt(i + 1)) && !(before < 0x80 && Character.isLetterOrDigit(before));
  }

  private static boolean hasThai(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (BuyerText.isThai(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean needsDictionary(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (BuyerText.isHan(c) || BuyerText.isThai(c)) {
        return true;
      }
    }
    return false;
  }
}
