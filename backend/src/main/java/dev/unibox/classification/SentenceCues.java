package dev.unibox.classification;

import java.util.ArrayList;
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
      Set.of("NEG", "NOTNEG", "Q", "QEND", "WHSTART", "WH", "IF", "TAIL", "WHY");
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
  /** How far back a negation reaches: words (Latin script) or characters (Chinese, Thai). */
  private static final int NEG_WORDS = 3;
  private static final int NEG_CHARS = 3;
  private static final Cues.Term ASKING_NEGATION = new Cues.Term("Q", "", new String[0], new String[0]);

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
  private final SentenceTokens text = new SentenceTokens();
  private final List<CueIndex.Hit> wordHits = new ArrayList<>();
  private final List<CueIndex.Hit> charHits = new ArrayList<>();
  private String s;

  /**
   * questionMark: the sentence ends with "?"; emphatic: with "??" or "?!", which after a Chinese
   * statement without any question word is disbelief ("打开盒子是空的??"), not a question.
   */
  void read(String sentence, boolean questionMark, boolean emphatic) {
    s = sentence;
    wordHits.clear();
    charHits.clear();
    text.read(s);
    for (String t : text.tokens) {
      words.add(Features.BOW + "w:" + BuyerText.plain(t));
    }
    CUES.words(text.tokens, wordHits);
    CUES.substrings(s, charHits);
    dropNegationsThatNegateNothing();
    clauseFinalNegationsAsk();
    long asking = askingClauses(questionMark, emphatic);
    boolean condition = has(charHits, "IF") || has(wordHits, "IF");
    if (asking != 0) {
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
      concept(h.term().concept(), negated, asks(asking, text.clauses[h.start()]), condition);
    }
    for (CueIndex.Hit h : charHits) {
      boolean negated = negatedChars(h) || negatedWord(text.tokenAt(h.start()))
          || !MARKERS.contains(h.term().concept()) && ChineseOrder.negatedAfter(s, charHits, h);
      concept(h.term().concept(), negated, asks(asking, text.clauseOf(h.start())), condition);
    }
    pairs();
  }

  /**
   * The clauses of the sentence that ask something, one bit per clause. A question belongs to its clause,
   * not to the whole sentence: in "杯子碎了，怎么办？", "it's broken, what do I do?" or "barang dah rosak,
   * boleh refund tak?" the first clause states a problem and only the second asks for a remedy, while
   * "请问支持七天无理由退货吗？" asks in the clause that holds the policy. A question mark marks the last
   * clause; a particle or question word the clause it stands in. A Chinese "why / how come" (WHY:
   * 为什么, 怎么会, 点解…, and 怎么 before anything but a how-to verb: {@link ChineseOrder#howCome}) asks
   * nothing of the seller: "为什么我收到的是坏的？" states a complaint.
   */
  private long askingClauses(boolean questionMark, boolean emphatic) {
    long asking = 0;
    if (questionMark && !(emphatic && BuyerText.hasHan(s) && !has(charHits, "Q"))) {
      // the last clause, or the one before when the last holds no cue (a polite particle: "…ยังไง คะ?")
      asking = bit(text.breaks) | (text.breaks > 0 && !anyCueIn(text.breaks) ? bit(text.breaks - 1) : 0);
    }
    for (CueIndex.Hit h : charHits) {
      if (h.term().concept().equals("Q") && !ChineseOrder.indefinite(s, h)) {
        asking |= bit(text.clauseOf(h.start()));
      }
    }
    for (CueIndex.Hit h : wordHits) {
      String concept = h.term().concept();
      if (concept.equals("WH") && !negatedInClause(h.start())
          || concept.equals("WHSTART") && h.start() == 0
          || concept.equals("QEND") && endsSentence(h)) {
        asking |= bit(text.clauses[h.start()]);
      }
    }
    for (CueIndex.Hit h : charHits) {
      if (h.term().concept().equals("WHY") || h.term().concept().equals("Q") && ChineseOrder.howCome(s, h)) {
        asking &= ~bit(text.clauseOf(h.start()));
      }
    }
    return asking;
  }

  private boolean anyCueIn(int clause) {
    for (CueIndex.Hit h : charHits) {
      if (text.clauseOf(h.start()) == clause) {
        return true;
      }
    }
    for (CueIndex.Hit h : wordHits) {
      if (text.clauses[h.start()] == clause) {
        return true;
      }
    }
    return false;
  }

  private static long bit(int clause) {
    return 1L << Math.min(clause, 63);
  }

  private static boolean asks(long asking, int clause) {
    return (asking & bit(clause)) != 0;
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

  /** A negation that ends a Chinese clause asks yes or no ({@link ChineseOrder#asksYesNo}): a question particle. */
  private void clauseFinalNegationsAsk() {
    for (int i = 0; i < charHits.size(); i++) {
      CueIndex.Hit h = charHits.get(i);
      if (h.term().concept().equals("NEG") && ChineseOrder.asksYesNo(s, h)) {
        charHits.set(i, new CueIndex.Hit(ASKING_NEGATION, h.start(), h.end()));
      }
    }
  }

  /**
   * A question word after a negation in its clause means "any", it asks nothing: "ko bị vỡ j hết",
   * "không trầy xước gì", "tak ada apa-apa".
   */
  private boolean negatedInClause(int i) {
    for (int j = i - 1; j >= 0 && text.clauses[j] == text.clauses[i]; j--) {
      if (CUES.isNegWord(text.tokens.get(j))) {
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
    int clause = text.clauses[end - 1];
    boolean moved = true;
    while (end < text.tokens.size() && text.clauses[end] == clause && moved) {
      moved = false;
      for (CueIndex.Hit h : wordHits) {
        if (h.start() == end && h.term().concept().equals("TAIL")) {
          end = h.end();
          moved = true;
          break;
        }
      }
    }
    return end == text.tokens.size() || text.clauses[end] != clause;
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
      if (text.clauses[j] == text.clauses[i] && CUES.isNegWord(text.tokens.get(j))) {
        return true;
      }
    }
    return false;
  }

  /** A Chinese or Thai negation just before token i, spaces allowed: "唔 work", "ไม่ work". */
  private boolean negatedByCharacters(int i) {
    int at = text.offsets[i];
    for (CueIndex.Hit h : charHits) {
      if (h.term().concept().equals("NEG") && h.end() <= at && at - h.end() <= NEG_CHARS
          && noClauseBreak(h.end(), at, false)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A Chinese or Thai negation up to {@value #NEG_CHARS} characters before the cue, or before the start of
   * the word the cue is part of ("没有任何破损": 损 is negated with 破).
   */
  private boolean negatedChars(CueIndex.Hit hit) {
    if (hit.term().concept().equals("NEG")) {
      return false;
    }
    int token = text.tokenAt(hit.start());
    int at = token >= 0 && text.offsets[token] + text.tokens.get(token).length() > hit.start() ? text.offsets[token] : hit.start();
    for (CueIndex.Hit h : charHits) {
      if (h.term().concept().equals("NEG") && (reaches(h, hit.start()) || reaches(h, at))) {
        return true;
      }
    }
    return false;
  }

  private boolean reaches(CueIndex.Hit negation, int at) {
    return negation.end() <= at && at - negation.end() <= NEG_CHARS && noClauseBreak(negation.end(), at, true);
  }

  /**
   * No clause break between a negation and a cue. 就 also ends a negation's reach: what follows it is the
   * result ("没几天就坏了" broke within a few days: 没 counts the days, it does not deny the breaking); so does
   * 还是 between two alternatives ("是没发还是丢了": 没 denies the sending, not the loss).
   */
  private boolean noClauseBreak(int from, int to, boolean spaceBreaks) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c == ',' || c == ';' || c == '就' || (spaceBreaks && c == ' ') || s.startsWith("还是", i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean has(List<CueIndex.Hit> hits, String concept) {
    for (CueIndex.Hit h : hits) {
      if (h.term().concept().equals(concept)) {
        return true;
      }
    }
    return false;
  }

}
