package dev.unibox.classification;

import java.util.List;

/**
 * Chinese word order the cue matching must know about: a question word that means "any", a negation
 * that follows the thing it denies, and one that ends a clause and so asks. Offsets are into the folded sentence; charHits are its Chinese/Thai cues.
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

  /** Verbs that make 怎么/咋 "how do I": 怎么办, 怎么退, 怎么用, 怎么连, 咋整… */
  private static final String HOW_TO = "办处用退换弄连设装洗调加算赔联寄申买下付领样清充开穿选拿操使去找搞安取改填包看查整问";
  /** After such a verb, a result, a negation or 来 makes it "how come" again: 怎么开不了, 怎么发了个空盒子, 怎么寄来个破的. */
  private static final String RESULT = "不没了的得来";

  /**
   * 怎么/咋 followed by anything but a how-to verb asks nothing of the seller, it complains: "怎么一开机就黑屏"
   * (how come it goes black), "怎么是破的", "怎么少了一个", while "怎么办", "怎么用", "咋整" ask how, and
   * "怎么还没发" asks where the order is.
   */
  static boolean howCome(String s, CueIndex.Hit q) {
    String t = q.term().text();
    if (!(t.equals("怎么") || t.equals("咋")) || q.end() >= s.length()) {
      return false;
    }
    char next = s.charAt(q.end());
    if (!BuyerText.isHan(next)) {
      return false;
    }
    if (s.startsWith("还没", q.end()) || s.startsWith("还未", q.end())) {
      return false;
    }
    if (HOW_TO.indexOf(next) < 0) {
      return true;
    }
    return q.end() + 1 < s.length() && RESULT.indexOf(s.charAt(q.end() + 1)) >= 0;
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

  /**
   * A Chinese clause that ends in 不, 没 or 未 (softening particles such as 啊 or 呀 may follow) asks yes or no:
   * "有现货不", "能退不啊", "我的货发了没", "寄咗未". There the word negates nothing; 没有 and 木有 at the end
   * still deny ("赠品木有啊": the gift is missing).
   */
  static boolean asksYesNo(String s, CueIndex.Hit negation) {
    if (negation.end() - negation.start() != 1 || ASKING.indexOf(s.charAt(negation.start())) < 0) {
      return false;
    }
    int i = negation.end();
    while (i < s.length() && SOFTENERS.indexOf(s.charAt(i)) >= 0) {
      i++;
    }
    return i == s.length() || isClauseBreak(s.charAt(i)) || s.charAt(i) == ' ';
  }

  private static final String ASKING = "不没未";
  private static final String SOFTENERS = "啊呀哈呢嘛哦吖啦捏咧嗯";

  private static boolean isClauseBreak(char c) {
    return c == ',' || c == ';';
  }
}
