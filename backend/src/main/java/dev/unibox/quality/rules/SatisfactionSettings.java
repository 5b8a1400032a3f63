package dev.unibox.quality.rules;

import dev.unibox.domain.TextNormalizer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Satisfaction invites and how a buyer's chat answer to one is read: the invite text per language,
 * how long an invite stays open, the answers that mean satisfied / neutral / dissatisfied ("1", "满意",
 * "puas hati"…) and the words that give a reason ("态度差", "rude" → bad_attitude).
 */
public record SatisfactionSettings(int validHours, Map<String, String> invite, List<Answer> answers,
                                   Map<String, List<String>> reasons) {

  public record Answer(String rating, String folded) {}

  /** A rating read from a buyer's message. */
  public record Rating(String rating, String reason) {}

  static SatisfactionSettings from(JsonNode node) {
    JsonNode n = node == null ? QualityDocuments.empty() : node;
    List<Answer> answers = new ArrayList<>();
    n.path("answers").fields().forEachRemaining(e -> QualityDocuments.strings(e.getValue())
        .forEach(a -> answers.add(new Answer(e.getKey(), TextNormalizer.normalize(a.strip())))));
    answers.sort(Comparator.comparingInt((Answer a) -> a.folded().length()).reversed());
    Map<String, List<String>> reasons = new LinkedHashMap<>();
    n.path("reasons").fields().forEachRemaining(e -> reasons.put(e.getKey(),
        QualityDocuments.strings(e.getValue()).stream().map(s -> TextNormalizer.normalize(s.strip())).toList()));
    return new SatisfactionSettings(n.path("validHours").asInt(72), QualityDocuments.texts(n.get("invite")),
        List.copyOf(answers), Map.copyOf(reasons));
  }

  /**
   * Reads "1", "满意", "3 态度差", "dissatisfied - rude"…: the message must begin with an answer (the
   * longest that fits) followed by its end, a blank or punctuation; a reason word anywhere gives the reason.
   */
  public Optional<Rating> read(String message) {
    String text = TextNormalizer.normalize(message == null ? "" : message.strip());
    for (Answer a : answers) {
      if (a.folded().isEmpty() || !text.startsWith(a.folded())) {
        continue;
      }
      int end = a.folded().length();
      if (end < text.length()) {
        char next = text.charAt(end);
        boolean edge = next == ' ' || TextNormalizer.isSentencePunctuation(next) || next == '-' || next == '='
            || (!TextNormalizer.isWordChar(next) && !TextNormalizer.isWordChar(text.charAt(end - 1)));
        if (!edge) {
          continue;
        }
      }
      String rest = text.substring(end);
      String reason = null;
      for (Map.Entry<String, List<String>> r : reasons.entrySet()) {
        if (r.getValue().stream().anyMatch(w -> !w.isEmpty() && rest.contains(w))) {
          reason = r.getKey();
          break;
        }
      }
      return Optional.of(new Rating(a.rating(), reason));
    }
    return Optional.empty();
  }
}
