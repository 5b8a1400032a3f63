package dev.unibox.classification;

import dev.unibox.domain.Category;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The labelled buyer corpus in {@code corpus/} next to this class: {@code train-<lang>.tsv} and
 * {@code test-<lang>.tsv}, one message a line: urgent (1/0), category, intent, text. How it was written
 * is in docs/routing.md. The test split is only ever scored, never trained or tuned on.
 */
public final class Corpus {

  public static final List<String> LANGUAGES = List.of("en", "zh", "zh-Hant", "th", "vi", "ms");

  private Corpus() {}

  public static List<LabelledMessage> training() {
    return split("train");
  }

  public static List<LabelledMessage> test() {
    return split("test");
  }

  /**
   * The held-out split of other writers ({@code writers-<lang>.tsv}, Chinese only so far): written by authors who
   * saw neither the corpus nor the classifier, only ever scored, like the test split.
   */
  public static List<LabelledMessage> otherWriters() {
    return split("writers", List.of("zh", "zh-Hant"));
  }

  /**
   * The training split of one language in its blocks, as the file's comments start them: each block one round
   * of additions or one writer's messages, in the order they joined (ClassifierEvaluation holds each out in turn).
   */
  public static List<List<LabelledMessage>> trainingBlocks(String language) {
    String file = "corpus/train-" + language + ".tsv";
    List<List<LabelledMessage>> blocks = new ArrayList<>();
    try (InputStream in = Corpus.class.getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException("missing corpus file " + file);
      }
      StringBuilder block = new StringBuilder();
      boolean comment = false;
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.startsWith("#") && !comment && !block.isEmpty()) {
          blocks.add(parse(language, block, file));
          block.setLength(0);
        }
        comment = line.startsWith("#");
        block.append(line).append('\n');
      }
      blocks.add(parse(language, block, file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return blocks;
  }

  private static List<LabelledMessage> parse(String language, CharSequence lines, String file) throws IOException {
    List<LabelledMessage> out = new ArrayList<>();
    read(language, new BufferedReader(new java.io.StringReader(lines.toString())), file, out);
    return List.copyOf(out);
  }

  /** A file in the corpus format holding messages of one language (a development set kept outside the corpus). */
  public static List<LabelledMessage> file(String language, java.nio.file.Path path) {
    List<LabelledMessage> out = new ArrayList<>();
    try (BufferedReader reader = java.nio.file.Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      read(language, reader, path.toString(), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(out);
  }

  private static List<LabelledMessage> split(String split) {
    return split(split, LANGUAGES);
  }

  private static List<LabelledMessage> split(String split, List<String> languages) {
    List<LabelledMessage> out = new ArrayList<>();
    for (String language : languages) {
      String file = "corpus/" + split + "-" + language + ".tsv";
      try (InputStream in = Corpus.class.getResourceAsStream(file)) {
        if (in == null) {
          throw new IllegalStateException("missing corpus file " + file);
        }
        read(language, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), file, out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return List.copyOf(out);
  }

  private static void read(String language, BufferedReader reader, String file, List<LabelledMessage> out)
      throws IOException {
    String line;
    int n = 0;
    while ((line = reader.readLine()) != null) {
      n++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", 4);
      if (f.length != 4 || !(f[0].equals("0") || f[0].equals("1"))) {
        throw new IllegalStateException(file + ":" + n + ": expected urgent, category, intent, text");
      }
      Category category = Category.ofWire(f[1]);
      if (!category.wire().equals(f[1])) {
        throw new IllegalStateException(file + ":" + n + ": unknown category " + f[1]);
      }
      out.add(new LabelledMessage(language, f[0].equals("1"), category, f[2], f[3]));
    }
  }
}
