package dev.unibox.classification;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import dev.unibox.domain.MessageClassifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a buyer message into the features the models weigh: the explicit cues of {@link Cues}, found
 * in the folded text (Chinese and Thai terms anywhere, Latin-script terms over ICU word segmentation, a
 * word of four letters or more also by prefix, so inflections and most typos still match), as concepts
 * shared by all languages: {@code c:DAMAGE}, negated {@code c:NEG_DAMAGE} ("nothing is
 * broken"), inside a question {@code c:REFUND_Q} or a condition {@code c:DAMAGE_IF} ("what if it
 * arrives damaged?"). Sentence markers: {@code s:Q}, {@code s:IF}, {@code s:NEG}. The words themselves
 * ({@code w:}, without diacritics) only help the category model: for urgency they made cross-validation
 * on the training split worse (docs/routing.md), so the urgency model sees the cues alone.
 */
public final class Features {

  private static final CueIndex CUES = new CueIndex(Cues.DEFAULT);
  private static final Set<String> MARKERS = Set.of("NEG", "Q", "QEND", "WHSTART", "WH", "IF", "TAIL");
  private static final ThreadLocal<BreakIterator> WORDS =
      ThreadLocal.withInitial(() -> BreakIterator.getWordInstance(ULocale.ROOT));
  /** How far back a negation reaches: words (Latin script) or characters (Chinese, Thai). */
  private static final int NEG_WORDS = 3;
  private static final int NEG_CHARS = 3;

  private Features() {}

  /** What each model weighs: the urgency model the cues alone, the category model the cues and the words. */
  public record Bag(String[] cues, String[] cuesAndWords) {}

  /** The features of a message's first {@link MessageClassifier#MAX_CLASSIFIED_CHARS} characters. */
  public static Bag of(String rawText) {
    return ofNormalized(BuyerText.normalize(MessageClassifier.classifiedPart(rawText)));
  }

  static Bag ofNormalized(String text) {
    Set<String> out = new LinkedHashSet<>();
    Set<String> words = new LinkedHashSet<>();
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : '\n';
      if (c == '.' || c == '!' || c == '?' || c == '\n') {
        if (i > start) {
          sentence(text.substring(start, i), c == '?', out, words);
        }
        start = i + 1;
      }
    }
    String[] cues = out.toArray(String[]::new);
    out.addAll(words);
    return new Bag(cues, out.toArray(String[]::new));
  }

  private static void sentence(String s, boolean questionMark, Set<String> out, Set<String> words) {
    List<String> tokens = new ArrayList<>();
    List<Integer> clauses = new ArrayList<>();
    List<Integer> offsets = new ArrayList<>();
    if (needsDictionary(s)) {
      segment(s, tokens, clauses, offsets);
    } else {
      split(s, tokens, clauses, offsets);
    }
    for (String t : tokens) {
      words.add("w:" + BuyerText.plain(t));
    }
    List<CueIndex.Hit> wordHits = CUES.words(tokens);
    List<CueIndex.Hit> charHits = CUES.substrings(s);
    boolean question = questionMark || hasConcept(charHits, "Q") || hasConcept(wordHits, "WH")
        || wordHits.stream().anyMatch(h -> h.term().concept().equals("WHSTART") && h.start() == 0)
        || wordHits.stream().anyMatch(h -> h.term().concept().equals("QEND") && endsSentence(wordHits, h, tokens.size()));
    boolean condition = hasConcept(charHits, "IF") || hasConcept(wordHits, "IF");
    boolean negation = hasConcept(charHits, "NEG") || hasConcept(wordHits, "NEG");
    if (question) {
      out.add("s:Q");
    }
    if (condition) {
      out.add("s:IF");
    }
    if (negation) {
      out.add("s:NEG");
    }
    for (CueIndex.Hit h : wordHits) {
      boolean negated = negatedWord(tokens, clauses, h.start());
      concept(h.term().concept(), negated, question, condition, out);
    }
    for (CueIndex.Hit h : charHits) {
      boolean negated = negatedChars(s, charHits, h) || negatedWord(tokens, clauses, tokenAt(offsets, h.start()));
      concept(h.term().concept(), negated, question, condition, out);
    }
    pairs(out);
  }

  /**
   * Two cues that mean more together in one message: something ordered and something else sent
   * ("ordered black, got pink"), a box or parcel and a negation ("no remote in the box").
   */
  private static void pairs(Set<String> out) {
    if (out.contains("c:ORDERED") && out.contains("c:SENT")) {
      out.add("c:ORDERED_SENT");
    }
    if (out.contains("c:CONTAINER") && out.contains("s:NEG")) {
      out.add("c:ABSENT");
    }
  }

  /** Chinese or Thai text: ICU's dictionary word segmentation (buyers write no spaces between words). */
  private static void segment(String s, List<String> tokens, List<Integer> clauses, List<Integer> offsets) {
    BreakIterator words = WORDS.get();
    words.setText(s);
    int clause = 0;
    int prev = 0;
    for (int end = words.next(); end != BreakIterator.DONE; prev = end, end = words.next()) {
      if (words.getRuleStatus() == BreakIterator.WORD_NONE) {
        for (int i = prev; i < end; i++) {
          clause += s.charAt(i) == ',' || s.charAt(i) == ';' ? 1 : 0;
        }
        continue;
      }
      tokens.add(s.substring(prev, end));
      clauses.add(clause);
      offsets.add(prev);
    }
  }

  /** Space-separated scripts (folded Latin, Vietnamese, Malay): words are runs of letters and digits. */
  private static void split(String s, List<String> tokens, List<Integer> clauses, List<Integer> offsets) {
    int clause = 0;
    int start = -1;
    for (int i = 0; i <= s.length(); i++) {
      char c = i < s.length() ? s.charAt(i) : ' ';
      if (Character.isLetterOrDigit(c)) {
        start = start < 0 ? i : start;
        continue;
      }
      if (start >= 0) {
        tokens.add(s.substring(start, i));
        clauses.add(clause);
        offsets.add(start);
        start = -1;
      }
      clause += c == ',' || c == ';' ? 1 : 0;
    }
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

  private static void concept(String concept, boolean negated, boolean question, boolean condition, Set<String> out) {
    if (MARKERS.contains(concept)) {
      return;
    }
    String base = "c:" + (negated ? "NEG_" : "") + concept;
    out.add(base);
    if (question) {
      out.add(base + "_Q");
    }
    if (condition) {
      out.add(base + "_IF");
    }
  }

  /**
   * A question particle ends the sentence when only words that address the seller or soften the tone
   * (TAIL: "shop", "ạ", "ơi", "nha"…) follow it: "còn hàng không shop ơi" is a question.
   */
  private static boolean endsSentence(List<CueIndex.Hit> hits, CueIndex.Hit particle, int tokens) {
    int end = particle.end();
    boolean moved = true;
    while (end < tokens && moved) {
      moved = false;
      for (CueIndex.Hit h : hits) {
        if (h.start() == end && h.term().concept().equals("TAIL")) {
          end = h.end();
          moved = true;
          break;
        }
      }
    }
    return end == tokens;
  }

  private static boolean hasConcept(List<CueIndex.Hit> hits, String concept) {
    for (CueIndex.Hit h : hits) {
      if (h.term().concept().equals(concept)) {
        return true;
      }
    }
    return false;
  }

  private static boolean negatedWord(List<String> tokens, List<Integer> clauses, int i) {
    if (i < 0) {
      return false;
    }
    for (int j = Math.max(0, i - NEG_WORDS); j < i; j++) {
      if (clauses.get(j).equals(clauses.get(i)) && CUES.isNegWord(tokens.get(j))) {
        return true;
      }
    }
    return false;
  }

  private static boolean negatedChars(String s, List<CueIndex.Hit> hits, CueIndex.Hit hit) {
    if (hit.term().concept().equals("NEG")) {
      return false;
    }
    for (CueIndex.Hit h : hits) {
      if (h.term().concept().equals("NEG") && h.end() <= hit.start() && hit.start() - h.end() <= NEG_CHARS
          && noClauseBreak(s, h.end(), hit.start())) {
        return true;
      }
    }
    return false;
  }

  private static boolean noClauseBreak(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c == ',' || c == ';' || c == ' ') {
        return false;
      }
    }
    return true;
  }

  /** The token starting at or covering a character offset, or -1. */
  private static int tokenAt(List<Integer> offsets, int charOffset) {
    int found = -1;
    for (int i = 0; i < offsets.size() && offsets.get(i) <= charOffset; i++) {
      found = i;
    }
    return found;
  }
}
