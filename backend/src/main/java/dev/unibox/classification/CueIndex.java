package dev.unibox.classification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds every cue of {@link Cues} in a folded sentence: Chinese/Thai terms by the character they start
 * with (a binary search per character of the sentence, then a comparison with each term starting with
 * it; nothing is allocated unless a term is found), Latin-script terms by looking up each word in a map
 * (a word of four letters or more also as the start of a longer word: "broke" finds "broken"). A word typed with diacritics is
 * compared with the terms as written, one typed without with the terms without theirs. Built once; safe
 * to share between threads.
 */
final class CueIndex {

  /** A cue found at [start, end) of the sentence (for word terms: token indexes). */
  record Hit(Cues.Term term, int start, int end) {}

  private static final int PREFIX = 4;

  /** The first characters of the substring terms, sorted; termsByFirst[i] are the terms starting with firsts[i]. */
  private final char[] firsts;
  private final Cues.Term[][] termsByFirst;
  /** One bit per character: set when some substring term starts with it (most characters start none). */
  private final long[] startsATerm = new long[(Character.MAX_VALUE + 1) / 64];
  private final Map<String, List<Cues.Term>> byFirstWord = new HashMap<>();
  private final Map<String, List<Cues.Term>> byPlainFirstWord = new HashMap<>();
  /** Terms whose first word (4+ letters) may also start a longer word, by that word's first 4 letters. */
  private final Map<String, List<Cues.Term>> byFirstLetters = new HashMap<>();
  private final Map<String, List<Cues.Term>> byPlainFirstLetters = new HashMap<>();
  private final Set<String> negWords = new HashSet<>();
  private final Set<String> plainNegWords = new HashSet<>();

  CueIndex(Cues cues) {
    Map<Character, List<Cues.Term>> byFirst = new HashMap<>();
    cues.byConcept.values().forEach(terms -> terms.forEach(t -> {
      if (t.words() == null) {
        byFirst.computeIfAbsent(t.text().charAt(0), k -> new ArrayList<>()).add(t);
        return;
      }
      index(t, t.words()[0], byFirstWord, byFirstLetters);
      index(t, t.plainWords()[0], byPlainFirstWord, byPlainFirstLetters);
      if (t.concept().equals("NEG") && t.words().length == 1) {
        negWords.add(t.words()[0]);
        plainNegWords.add(t.plainWords()[0]);
      }
    }));
    firsts = new char[byFirst.size()];
    termsByFirst = new Cues.Term[firsts.length][];
    int i = 0;
    for (char c : byFirst.keySet().stream().sorted().toList()) {
      firsts[i] = c;
      termsByFirst[i++] = byFirst.get(c).toArray(Cues.Term[]::new);
      startsATerm[c >>> 6] |= 1L << c;
    }
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

  /** Adds the Chinese/Thai (and symbol) cues of a sentence to out, character offsets, every overlapping match. */
  void substrings(String sentence, List<Hit> out) {
    for (int i = 0; i < sentence.length(); i++) {
      char c = sentence.charAt(i);
      if ((startsATerm[c >>> 6] & (1L << c)) == 0) {
        continue;
      }
      int k = Arrays.binarySearch(firsts, c);
      if (k < 0) {
        continue;
      }
      for (Cues.Term t : termsByFirst[k]) {
        if (sentence.startsWith(t.text(), i)) {
          out.add(new Hit(t, i, i + t.text().length()));
        }
      }
    }
  }

  /** Adds the Latin-script cues over the sentence's words to out, token offsets. */
  void words(List<String> tokens, List<Hit> out) {
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      boolean marked = BuyerText.hasLatinMarks(token);
      addMatches(out, (marked ? byFirstWord : byPlainFirstWord).get(token), tokens, i, true);
      if (token.length() > PREFIX) {
        addMatches(out, (marked ? byFirstLetters : byPlainFirstLetters).get(token.substring(0, PREFIX)),
            tokens, i, false);
      }
    }
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
