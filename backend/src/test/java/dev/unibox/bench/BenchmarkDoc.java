package dev.unibox.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes one harness's section into docs/benchmarks.md (replacing that section only). */
final class BenchmarkDoc {

  private BenchmarkDoc() {}

  /** The project root: the nearest folder up from the working directory holding docs/ and backend/. */
  static Path root() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !(Files.isDirectory(p.resolve("backend")) && Files.isDirectory(p.resolve("config")))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("run from inside the project (no backend/ and config/ found upwards)");
    }
    return p;
  }

  /**
   * Replaces the harness's output in its section. What follows the section's end-of-output comment (notes
   * written by hand: the analysis, earlier runs) is kept.
   */
  static void writeSection(String heading, String body) throws IOException {
    Path file = root().resolve("docs/benchmarks.md");
    String text = Files.exists(file) ? Files.readString(file)
        : "# Benchmarks\n\nEach section is written by its harness; the command that produced it is in the section.\n";
    String marker = "## " + heading + "\n";
    String endOfOutput = "<!-- end of the harness's output; notes below are kept when it runs again -->\n";
    String section = marker + "\n" + body.strip() + "\n\n" + endOfOutput;
    int at = text.indexOf(marker);
    if (at < 0) {
      text = text.stripTrailing() + "\n\n" + section;
    } else {
      int next = text.indexOf("\n## ", at + marker.length());
      int end = next < 0 ? text.length() : next + 1;
      int notes = text.indexOf(endOfOutput, at);
      String kept = notes >= 0 && notes < end ? text.substring(notes + endOfOutput.length(), end) : "\n";
      text = text.substring(0, at) + section + kept + text.substring(end);
    }
    Files.createDirectories(file.getParent());
    Files.writeString(file, text.stripTrailing() + "\n");
    System.out.println("wrote section '" + heading + "' of " + file);
  }
}
