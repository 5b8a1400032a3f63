package dev.unibox.quality.rules;

import dev.unibox.domain.TextNormalizer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ahocorasick.trie.PayloadTrie;

/**
 * Every term of a rule set in one Aho–Corasick automaton (org.ahocorasick), so a message is scanned
 * once however many terms there are. Terms and text are folded the same way ({@link TextNormalizer});
 * offsets of hits are offsets into the original text.
 *
 * <p>Term syntax: a leading {@code ^} means the term must start a sentence or clause (text start or after
 * punctuation such as 。！？,), a trailing {@code $} that it must end one: {@code ^不知道$} flags a curt
 * "不知道！" but not "不知道您方便吗". Terms that begin or end with a Latin letter or digit match whole
 * words only ("best" does not match "bestow"); Chinese and Thai terms match anywhere.
 *
 * @param <T> what a hit reports (the rule and group of the term, or an allow marker)
 */
public final class TermIndex<T> {

  /** One configured term behind an automaton keyword. */
  private record Entry<T>(T payload, boolean anchorStart, boolean anchorEnd, boolean wordStart, boolean wordEnd,
                          boolean thai) {}

  /** A match: [start, end) in the text. */
  public record Hit<T>(int start, int end, T payload) {}

  private final PayloadTrie<List<Entry<T>>> trie;
  private final int keywords;

  private TermIndex(PayloadTrie<List<Entry<T>>> trie, int keywords) {
    this.trie = trie;
    this.keywords = keywords;
  }

  public static <T> Builder<T> builder() {
    return new Builder<>();
  }

  /** How many distinct folded keywords the automaton holds (variants included). */
  public int size() {
    return keywords;
  }

  public List<Hit<T>> find(String text) {
    if (keywords == 0 || text.isEmpty()) {
      return List.of();
    }
    String folded = TextNormalizer.normalize(text);
    List<Hit<T>> hits = new ArrayList<>(4);
    trie.parseText(folded, emit -> {
      int start = emit.getStart();
      int end = emit.getEnd() + 1; // the library's end is inclusive
      for (Entry<T> e : emit.getPayload()) {
        if (accepts(folded, start, end, e)) {
          hits.add(new Hit<>(start, end, e.payload()));
        }
      }
      return true;
    });
    return hits.isEmpty() ? List.of() : hits;
  }

  private static boolean accepts(String text, int start, int end, Entry<?> e) {
    if (e.wordStart() && start > 0 && TextNormalizer.isWordChar(text.charAt(start - 1))) {
      return false;
    }
    if (e.wordEnd() && end < text.length() && TextNormalizer.isWordChar(text.charAt(end))) {
      return false;
    }
    if (e.anchorStart() && !clauseEdge(text, start - 1, -1, e.thai())) {
      return false;
    }
    return !e.anchorEnd() || clauseEdge(text, end, 1, e.thai());
  }

  /** From {@code i} walking in {@code step}, skipping blanks: text edge or punctuation (for Thai, a blank too). */
  private static boolean clauseEdge(String text, int i, int step, boolean thai) {
    boolean blank = false;
    while (i >= 0 && i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i += step;
      blank = true;
    }
    if (i < 0 || i >= text.length()) {
      return true;
    }
    return TextNormalizer.isSentencePunctuation(text.charAt(i)) || (thai && blank);
  }

  public static final class Builder<T> {
    private final Map<String, List<Entry<T>>> byKeyword = new LinkedHashMap<>();

    /**
     * Adds a term (with its Simplified/Traditional variants).
     *
     * @return false when the term is empty once its anchors are removed
     */
    public boolean add(String rawTerm, T payload) {
      String term = rawTerm.strip();
      boolean anchorStart = term.startsWith("^");
      if (anchorStart) {
        term = term.substring(1);
      }
      boolean anchorEnd = term.endsWith("$") && term.length() > 1;
      if (anchorEnd) {
        term = term.substring(0, term.length() - 1);
      }
      term = term.strip();
      if (term.isEmpty()) {
        return false;
      }
      for (String variant : ChineseVariants.of(term)) {
        String folded = TextNormalizer.normalize(variant);
        Entry<T> entry = new Entry<>(payload, anchorStart, anchorEnd,
            TextNormalizer.isWordChar(folded.charAt(0)), TextNormalizer.isWordChar(folded.charAt(folded.length() - 1)),
            TextNormalizer.isThai(folded.charAt(0)) || TextNormalizer.isThai(folded.charAt(folded.length() - 1)));
        List<Entry<T>> entries = byKeyword.computeIfAbsent(folded, k -> new ArrayList<>(1));
        if (!entries.contains(entry)) {
          entries.add(entry);
        }
      }
      return true;
    }

    public TermIndex<T> build() {
      PayloadTrie.PayloadTrieBuilder<List<Entry<T>>> b = PayloadTrie.builder();
      byKeyword.forEach((keyword, entries) -> b.addKeyword(keyword, Collections.unmodifiableList(entries)));
      return new TermIndex<>(b.build(), byKeyword.size());
    }
  }
}
