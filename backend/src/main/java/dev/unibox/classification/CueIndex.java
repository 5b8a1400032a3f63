package dev.unibox.classification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ahocorasick.trie.Emit;
import org.ahocorasick.trie.Trie;

/**
 * Finds every cue of {@link Cues} in a folded sentence in one pass: Chinese/Thai terms with one
 * Aho–Corasick automaton, Latin-script terms by looking up each word (and its prefixes of four letters
 * or more) in a map. Built once; safe to share between threads.
 */
final class CueIndex {

  /** A cue found at [start, end) of the sentence (for word terms: token indexes). */
  record Hit(Cues.Term term, int start, int end) {}

  private final Trie trie;
  private final Map<String, List<Cues.Term>> bySubstring = new HashMap<>();
  private final Map<String, List<Cues.Term>> byFirstWord = new HashMap<>();
  /** Terms whose first word (4+ letters) may also be the start of a longer word. */
  private final Map<String, List<Cues.Term>> byFirstWordPrefix = new HashMap<>();
  private final Set<String> negWords = new java.util.HashSet<>();

  CueIndex(Cues cues) {
    List<String> keywords = new ArrayList<>();
    cues.byConcept.values().forEach(terms -> terms.forEach(t -> {
      if (t.words() == null) {
        keywords.add(t.text());
        bySubstring.computeIfAbsent(t.text(), k -> new ArrayList<>()).add(t);
      } else {
        byFirstWord.computeIfAbsent(t.words()[0], k -> new ArrayList<>()).add(t);
        if (t.words()[0].length() >= 4) {
          byFirstWordPrefix.computeIfAbsent(t.words()[0], k -> new ArrayList<>()).add(t);
        }
        if (t.concept().equals("NEG") && t.words().length == 1) {
          negWords.add(t.text());
        }
      }
    }));
    trie = Trie.builder().addKeywords(keywords).build();
  }

  boolean isNegWord(String token) {
    return negWords.contains(token);
  }

  /** Chinese/Thai cues in a sentence, character offsets. */
  List<Hit> substrings(String sentence) {
    List<Hit> out = new ArrayList<>();
    Collection<Emit> emits = trie.parseText(sentence);
    for (Emit e : emits) {
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
      addMatches(out, byFirstWord.get(token), tokens, i);
      for (int k = 4; k < token.length(); k++) {
        addMatches(out, byFirstWordPrefix.get(token.substring(0, k)), tokens, i);
      }
    }
    return out;
  }

  private static void addMatches(List<Hit> out, List<Cues.Term> candidates, List<String> tokens, int i) {
    if (candidates == null) {
      return;
    }
    for (Cues.Term t : candidates) {
      String[] words = t.words();
      if (i + words.length > tokens.size()) {
        continue;
      }
      boolean all = true;
      for (int w = 1; w < words.length && all; w++) {
        all = matches(words[w], tokens.get(i + w));
      }
      if (all) {
        out.add(new Hit(t, i, i + words.length));
      }
    }
  }

  private static boolean matches(String word, String token) {
    return token.equals(word) || (word.length() >= 4 && token.startsWith(word));
  }
}
