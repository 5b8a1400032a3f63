package dev.unibox.classification;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a message sentence by sentence into {@link Features}: tokens, the cues among them, negation,
 * question and condition, and the feature names they make (each made once, at class load). One instance
 * per message; its lists are reused from sentence to sentence.
 */
final class SentenceCues {

  private static final CueIndex CUES = new CueIndex(Cues.DEFAULT);
  private static final Set<String> MARKERS =
      Set.of("NEG", "NOTNEG", "Q", "QEND", "WHSTART", "WH", "IF", "TAIL");
  /** A concept's names, by concept: plain, _Q, _IF, then negated NEG_, NEG_…_Q, NEG_…_IF; none for markers. */
  private static final Map<String, String[]> NAMES = names();
  private static final String S_Q = Features.BOW + "s:Q";
  private static final String S_IF = Features.BOW + "s:IF";
  private static final String S_NEG = Features.BOW + "s:NEG";
  private static final String ORDERED = NAMES.get("ORDERED")[0];
  private static final String SENT = NAMES.get("SENT")[0];
  private static final String CONTAINER = NAMES.get("CONTAINER")[0];
  private static final String ORDERED_SENT = Features.BOW + "c:ORDERED_SENT";
  private static final String ABSENT = Features.BOW + "c:ABSENT";
  private static final ThreadLocal<BreakIterator> WORDS =
      ThreadLocal.withInitial(() -> BreakIterator.getWordInstance(ULocale.ROOT));
  /** How far back a negation reaches: words (Latin script) or characters (Chinese, Thai). */
  private static final int NEG_WORDS = 3;
  private static final int NEG_CHARS = 3;

  private static Map<String, String[]> names() {
    Map<String, String[]> out = new HashMap<>();
    for (String concept : Cues.DEFAULT.byConcept.keySet()) {
      if (MARKERS.contains(concept)) {
        continue;
      }
      String base = Features.BOW + "c:" + concept;
      String neg = Features.BOW + "c:NEG_" + concept;
      out.put(concept, new String[] {base, base + "_Q", base + "_IF", neg, neg + "_Q", neg + "_IF"});
    }
    return out;
  }

  final Set<String> out = new LinkedHashSet<>();
  final Set<String> words = new LinkedHashSet<>();
  private final List<String> tokens = new ArrayList<>();
  private final List<CueIndex.Hit> wordHits = new ArrayList<>();
  private final List<CueIndex.Hit> charHits = new ArrayList<>();
  private int[] clauses = new int[32];
  private int[] offsets = new int[32];
  private String s;

  void read(String sentence, boolean questionMark) {
    s = sentence;
    tokens.clear();
    wordHits.clear();
    charHits.clear();
    if (needsDictionary(s)) {
      segment();
    } else {
      split();
    }
    for (String t : tokens) {
      words.add(Features.BOW + "w:" + BuyerText.plain(t));
    }
    CUES.words(tokens, wordHits);
    CUES.substrings(s, charHits);
    dropNegationsThatNegateNothing();
    boolean question = questionMark || has(charHits, "Q") || asksWithQuestionWord() || startsWithQuestionWord()
        || endsWithQuestionParticle();
    boolean condition = has(charHits, "IF") || has(wordHits, "IF");
    if (question) {
      out.add(S_Q);
    }
    if (condition) {
      out.add(S_IF);
    }
    if (has(charHits, "NEG") || has(wordHits, "NEG")) {
      out.add(S_NEG);
    }
    for (CueIndex.Hit h : wordHits) {
      boolean negated = negatedWord(h.start()) || negatedByCharacters(h.start());
      concept(h.term().concept(), negated, question, condition);
    }
    for (CueIndex.Hit h : charHits) {
      boolean negated = negatedChars(h) || negatedWord(tokenAt(h.start()));
      concept(h.term().concept(), negated, question, condition);
    }
    pairs();
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
          clause += s.charAt(i) == ',' || s.charAt(i) == ';' ? 1 : 0;
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
      clause += c == ',' || c == ';' ? 1 : 0;
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

  /** A negation character inside a word that negates nothing (唔該 "please", 不好意思 "sorry") is no negation. */
  private void dropNegationsThatNegateNothing() {
    if (!has(charHits, "NOTNEG")) {
      return;
    }
    for (CueIndex.Hit keep : charHits.stream().filter(h -> h.term().concept().equals("NOTNEG")).toList()) {
      charHits.removeIf(h -> h.start() >= keep.start() && h.end() <= keep.end()
          && h.end() - h.start() < keep.end() - keep.start());
    }
  }

  /**
   * A question word anywhere (Vietnamese, Malay) asks, unless a negation comes before it in its clause:
   * then it means "any" ("ko bị vỡ j hết", "không trầy xước gì", "tak ada apa-apa").
   */
  private boolean asksWithQuestionWord() {
    for (CueIndex.Hit h : wordHits) {
      if (h.term().concept().equals("WH") && !negatedInClause(h.start())) {
        return true;
      }
    }
    return false;
  }

  private boolean negatedInClause(int i) {
    for (int j = i - 1; j >= 0 && clauses[j] == clauses[i]; j--) {
      if (CUES.isNegWord(tokens.get(j))) {
        return true;
      }
    }
    return false;
  }

  private boolean startsWithQuestionWord() {
    for (CueIndex.Hit h : wordHits) {
      if (h.start() == 0 && h.term().concept().equals("WHSTART")) {
        return true;
      }
    }
    return false;
  }

  private boolean endsWithQuestionParticle() {
    for (CueIndex.Hit h : wordHits) {
      if (h.term().concept().equals("QEND") && endsSentence(h)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A question particle ends the sentence or its clause when only words that address the seller or
   * soften the tone (TAIL: "shop", "ạ", "ơi", "nha"…) follow it: "còn hàng không shop ơi" and "gửi
   * hàng chưa shop, mình cần trước thứ 6" are questions.
   */
  private boolean endsSentence(CueIndex.Hit particle) {
    int end = particle.end();
    int clause = clauses[end - 1];
    boolean moved = true;
    while (end < tokens.size() && clauses[end] == clause && moved) {
      moved = false;
      for (CueIndex.Hit h : wordHits) {
        if (h.start() == end && h.term().concept().equals("TAIL")) {
          end = h.end();
          moved = true;
          break;
        }
      }
    }
    return end == tokens.size() || clauses[end] != clause;
  }

  private void concept(String concept, boolean negated, boolean question, boolean condition) {
    String[] names = NAMES.get(concept);
    if (names == null) {
      return; // a marker
    }
    int at = negated ? 3 : 0;
    out.add(names[at]);
    if (question) {
      out.add(names[at + 1]);
    }
    if (condition) {
      out.add(names[at + 2]);
    }
  }

  /**
   * Two cues that mean more together in one message: something ordered and something else sent
   * ("ordered black, got pink"), a box or parcel and a negation ("no remote in the box").
   */
  private void pairs() {
    if (out.contains(ORDERED) && out.contains(SENT)) {
      out.add(ORDERED_SENT);
    }
    if (out.contains(CONTAINER) && out.contains(S_NEG)) {
      out.add(ABSENT);
    }
  }

  /** A Latin-script negation word up to {@value #NEG_WORDS} words before token i, in the same clause. */
  private boolean negatedWord(int i) {
    if (i < 0) {
      return false;
    }
    for (int j = Math.max(0, i - NEG_WORDS); j < i; j++) {
      if (clauses[j] == clauses[i] && CUES.isNegWord(tokens.get(j))) {
        return true;
      }
    }
    return false;
  }

  /** A Chinese or Thai negation just before token i, spaces allowed: "唔 work", "ไม่ work". */
  private boolean negatedByCharacters(int i) {
    int at = offsets[i];
    for (CueIndex.Hit h : charHits) {
      if (h.term().concept().equals("NEG") && h.end() <= at && at - h.end() <= NEG_CHARS
          && noClauseBreak(h.end(), at, false)) {
        return true;
      }
    }
    return false;
  }

  private boolean negatedChars(CueIndex.Hit hit) {
    if (hit.term().concept().equals("NEG")) {
      return false;
    }
    for (CueIndex.Hit h : charHits) {
      if (h.term().concept().equals("NEG") && h.end() <= hit.start() && hit.start() - h.end() <= NEG_CHARS
          && noClauseBreak(h.end(), hit.start(), true)) {
        return true;
      }
    }
    return false;
  }

  private boolean noClauseBreak(int from, int to, boolean spaceBreaks) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c == ',' || c == ';' || (spaceBreaks && c == ' ')) {
        return false;
      }
    }
    return true;
  }

  /** The token starting at or covering a character offset, or -1. */
  private int tokenAt(int charOffset) {
    int at = Arrays.binarySearch(offsets, 0, tokens.size(), charOffset);
    return at >= 0 ? at : -at - 2;
  }

  private static boolean has(List<CueIndex.Hit> hits, String concept) {
    for (CueIndex.Hit h : hits) {
      if (h.term().concept().equals(concept)) {
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
