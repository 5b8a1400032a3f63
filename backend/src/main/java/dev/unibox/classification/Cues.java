package dev.unibox.classification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The explicit cue lexicon ({@code cues.tsv} next to this class): for each concept, its terms, folded
 * like buyer text. A Chinese or Thai term is matched as a substring; a Latin-script term as words (a
 * word typed with diacritics against the term as written, one typed without against the term without).
 */
final class Cues {

  /**
   * One way of writing a concept. words (as written, with diacritics) and plainWords (without) are null
   * for a Chinese/Thai term, matched as a substring.
   */
  record Term(String concept, String text, String[] words, String[] plainWords) {}

  static final Cues DEFAULT = load();

  final Map<String, List<Term>> byConcept;

  private Cues(Map<String, List<Term>> byConcept) {
    this.byConcept = byConcept;
  }

  List<Term> terms(String concept) {
    return byConcept.getOrDefault(concept, List.of());
  }

  private static Cues load() {
    Map<String, List<Term>> out = new LinkedHashMap<>();
    try (var in = Cues.class.getResourceAsStream("cues.tsv");
         var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        int tab = line.indexOf('\t');
        String concept = line.substring(0, tab);
        for (String raw : line.substring(tab + 1).split("\\|")) {
          String text = BuyerText.normalize(raw.trim());
          if (text.isEmpty()) {
            continue;
          }
          boolean substring = text.chars().anyMatch(c -> BuyerText.isHan((char) c) || BuyerText.isThai((char) c))
              || !Character.isLetterOrDigit(text.charAt(0));
          out.computeIfAbsent(concept, k -> new ArrayList<>())
              .add(new Term(concept, text, substring ? null : text.split(" +"),
                  substring ? null : BuyerText.plain(text).split(" +")));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Cues(out);
  }
}
