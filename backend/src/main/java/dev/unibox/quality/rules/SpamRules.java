package dev.unibox.quality.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import dev.unibox.domain.LinearRegex;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Recognises advertising and junk in buyer messages: each distinct spam term found scores 1, each
 * pattern that matches scores 2, and so does a message that is one character repeated at least
 * {@code repeatedCharacter} times; a message scoring at least the threshold is spam. One advertising
 * word alone ("兼职") is not enough by default (threshold 2); two, or a link shortener, are. Patterns are
 * RE2 ({@link LinearRegex}): linear in the text, whatever an admin writes.
 */
public final class SpamRules {

  /** The verdict on one message: its score and what was found. */
  public record Verdict(boolean spam, int score, List<String> reasons) {}

  private static final int MAX_PATTERN_INPUT = 4000;

  private final TermIndex<String> terms;
  private final List<Pattern> patterns;
  private final int repeatedCharacter;
  private final int threshold;

  private SpamRules(TermIndex<String> terms, List<Pattern> patterns, int repeatedCharacter, int threshold) {
    this.terms = terms;
    this.patterns = patterns;
    this.repeatedCharacter = repeatedCharacter;
    this.threshold = threshold;
  }

  static SpamRules from(JsonNode node) {
    JsonNode n = node == null ? QualityDocuments.empty() : node;
    TermIndex.Builder<String> b = TermIndex.builder();
    n.path("terms").fields().forEachRemaining(e -> QualityDocuments.strings(e.getValue()).forEach(t -> {
      TermSpec spec = TermSpec.parse(t);
      if (spec != null) {
        b.add(spec.term(), spec.bare());
      }
    }));
    List<Pattern> patterns = new ArrayList<>();
    QualityDocuments.strings(n.get("patterns")).forEach(p -> patterns.add(LinearRegex.compile(p)));
    return new SpamRules(b.build(), List.copyOf(patterns), n.path("repeatedCharacter").asInt(0),
        Math.max(1, n.path("threshold").asInt(2)));
  }

  public boolean configured() {
    return terms.size() > 0 || !patterns.isEmpty() || repeatedCharacter > 0;
  }

  public Verdict classify(String text) {
    if (text == null || text.isBlank()) {
      return new Verdict(false, 0, List.of());
    }
    Set<String> found = new LinkedHashSet<>();
    for (TermIndex.Hit<String> h : terms.find(text)) {
      found.add(h.payload());
    }
    int score = found.size();
    List<String> reasons = new ArrayList<>(found);
    if (repeatedCharacter > 0 && oneCharacterRepeated(text.strip(), repeatedCharacter)) {
      score += 2;
      reasons.add("one character repeated");
    }
    String bounded = text.length() > MAX_PATTERN_INPUT ? text.substring(0, MAX_PATTERN_INPUT) : text;
    for (Pattern p : patterns) {
      if (p.matcher(bounded).find()) {
        score += 2;
        reasons.add("pattern " + p.pattern());
      }
    }
    return new Verdict(score >= threshold, score, List.copyOf(reasons));
  }

  private static boolean oneCharacterRepeated(String text, int atLeast) {
    if (text.isEmpty()) {
      return false;
    }
    int first = text.codePointAt(0);
    return text.codePoints().allMatch(c -> c == first) && text.codePointCount(0, text.length()) >= atLeast;
  }
}
