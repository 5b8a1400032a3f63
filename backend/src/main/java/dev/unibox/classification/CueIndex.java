package dev.unibox.classification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ahocorasick.trie.Emit;
import org.ahocorasick.trie.Trie;

/**
 * Finds every cue of {@link Cues} in a folded sentence in one pass: Chinese/Thai terms with one
 * Aho–Corasick automaton, Latin-script terms by looking up each word in a map (a word of four letters or
 * more also as the start of a longer word: "broke" finds "broken"). A word typed with diacritics is
 * compared with the terms as written, one typed without with the terms without theirs. Built once; safe
 * to share between threads.
 */
final class CueIndex {

  /** A cue found at [start, end) of the sentence (for word terms: token indexes). */
  record Hit(Cues.Term term, int start, int end) {}

  private static final int PREFIX = 4;

  private final Trie trie;
  private final Map<String, List<Cues.Term>> bySubstring = new HashMap<>();
  private final Map<String, List<Cues.Term>> byFirstWord = new HashMap<>();
  private final Map<String, List<Cues.Term>> byPlainFirstWord = new HashMap<>();
  /** Terms whose first word (4+ letters) may also start a longer word, by that word's first 4 letters. */
  private final Map<String, List<Cues.Term>> byFirstLetters = new HashMap<>();
  private final Map<String, List<Cues.Term>> byPlainFirstLetters = new HashMap<>();
  private final Set<String> negWords = new HashSet<>();
  private final Set<String> plainNegWords = new HashSet<>();

  CueIndex(Cues cues) {
    List<String> keywords = new ArrayList<>();
    cues.byConcept.values().forEach(terms -> terms.forEach(t -> {
      if (t.words() == null) {
        keywords.add(t.text());
        bySubstring.computeIfAbsent(t.text(), k -> new ArrayList<>()).add(t);
        return;
      }
      index(t, t.words()[0], byFirstWord, byFirstLetters);
      index(t, t.plainWords()[0], byPlainFirstWord, byPlainFirstLetters);
      if (t.concept().equals("NEG") && t.words().length == 1) {
        negWords.add(t.words()[0]);
        plainNegWords.add(t.plainWords()[0]);
      }
    }));
    trie = Trie.builder().addKeywords(keywords).build();
  }

  private static void index(Cues.Term t, String first, Map<String, List<Cues.Term>> exact,
                            Map<String, List<Cues.Term>> prefix) {
    exact.computeIfAbsent(first, k -> new ArrayList<>()).add(t);
    if (first.length() >= PREFIX) {
      prefix.computeIfAbsent(first.substring(0, PREFIX), k -> new ArrayList<>()).add(t);
    }
  }

  boolean isNegWord(String token) {
    return BuyerText.hasLatinMarks(token) ? negWords.contains(token) : plainNegWords.contains(token);
  }

  /** Chinese/Thai cues in a sentence, character offsets. */
  List<Hit> substrings(String sentence) {
    List<Hit> out = new ArrayList<>();
    for (Emit e : trie.parseText(sentence)) {
      for (Cues.Term t : bySubstring.get(e.getKeyword())) {
        out.add(new Hit(t, e.getStart(), e.getEnd() + 1));
      }
    }
    return out;
  }

  /** Latin-script cues over the sentence's words, token offsets. */
  List<Hit> words(List<String> tokens) {
    List<Hit> out = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      boolean marked = BuyerText.hasLatinMarks(token);
      addMatches(out, (marked ? byFirstWord : byPlainFirstWord).get(token), tokens, i, true);
      if (token.length() > PREFIX) {
        addMatches(out, (marked ? byFirstLetters : byPlainFirstLetters).get(token.substring(0, PREFIX)),
            tokens, i, false);
      }
    }
    return out;
  }

  /** exactFirst: the candidates were found by the whole first word (else by its first letters only). */
  private static void addMatches(List<Hit> out, List<Cues.Term> candidates, List<String> tokens, int i,
                                 boolean exactFirst) {
    if (candidates == null) {
      return;
    }
    for (Cues.Term t : candidates) {
      int n = t.words().length;
      if (i + n > tokens.size()) {
        continue;
      }
      if (!exactFirst) {
        String first = form(t, 0, tokens.get(i));
        if (first.length() == tokens.get(i).length() || !tokens.get(i).startsWith(first)) {
          continue; // an exact first word was found by the exact lookup already
        }
      }
      boolean all = true;
      for (int w = 1; w < n && all; w++) {
        String token = tokens.get(i + w);
        String word = form(t, w, token);
        all = token.equals(word) || (word.length() >= PREFIX && token.startsWith(word));
      }
      if (all) {
        out.add(new Hit(t, i, i + n));
      }
    }
  }

  /** The term's w-th word in the form the buyer's token is typed in: with diacritics or without. */
  private static String form(Cues.Term t, int w, String token) {
    return BuyerText.hasLatinMarks(token) ? t.words()[w] : t.plainWords()[w];
  }
}
