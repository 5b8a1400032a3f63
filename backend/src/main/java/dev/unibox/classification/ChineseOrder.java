package dev.unibox.classification;

import java.util.List;

/**
 * Chinese word order the cue matching must know about: a question word that means "any" and a negation
 * that follows the thing it denies. Offsets are into the folded sentence; charHits are its Chinese/Thai cues.
 */
final class ChineseOrder {

  private ChineseOrder() {}

  /**
   * A Chinese question word followed by 都/也 asks nothing: it means "any, at all" ("什么都没有" nothing at
   * all, "怎么都开不了" won't turn on whatever I do).
   */
  static boolean indefinite(String s, CueIndex.Hit q) {
    for (int i = q.end(); i < Math.min(s.length(), q.end() + 3); i++) {
      char c = s.charAt(i);
      if (c == '都' || c == '也') {
        return true;
      }
      if (isClauseBreak(c)) {
        return false;
      }
    }
    return false;
  }

  /**
   * A Chinese negation placed after the thing it denies: "一点划痕都没有" (not a scratch), "一点反应都没有"
   * (no response at all), "连说明书也没有": a quantifier (一, 任何, 什么, 连, 半) before the cue and 都/也
   * with a negation after it, in the same clause.
   */
  static boolean negatedAfter(String s, List<CueIndex.Hit> charHits, CueIndex.Hit hit) {
    if (!quantifierBefore(s, hit.start())) {
      return false;
    }
    for (int i = hit.end(); i < Math.min(s.length() - 1, hit.end() + 3); i++) {
      char c = s.charAt(i);
      if (isClauseBreak(c)) {
        return false;
      }
      if ((c == '都' || c == '也') && negationAt(charHits, i + 1)) {
        return true;
      }
    }
    return false;
  }

  private static boolean quantifierBefore(String s, int at) {
    for (int i = at - 1; i >= Math.max(0, at - 3); i--) {
      char c = s.charAt(i);
      if (isClauseBreak(c)) {
        return false;
      }
      if (c == '一' || c == '任' || c == '什' || c == '连' || c == '半' || c == '啥') {
        return true;
      }
    }
    return false;
  }

  private static boolean negationAt(List<CueIndex.Hit> charHits, int offset) {
    for (CueIndex.Hit h : charHits) {
      if (h.start() == offset && h.term().concept().equals("NEG")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isClauseBreak(char c) {
    return c == ',' || c == ';';
  }
}
