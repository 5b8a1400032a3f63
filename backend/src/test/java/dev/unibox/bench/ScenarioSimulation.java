package dev.unibox.bench;

import dev.unibox.config.ClassificationRulesLoader;
import dev.unibox.domain.LinguaLanguageDetector;
import dev.unibox.domain.MessageClassifier;
import dev.unibox.planning.Scenario;
import dev.unibox.planning.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs scenario files (config/scenarios) through the real ingest, router and SLA sweep on a virtual
 * clock, once per routing variant on identical arrivals, and prints the comparison table: ours (the
 * default policy with surge) against first-come round-robin with and without surge and strict priority
 * with surge, and whether ours is at least as good as each on every row.
 *
 * <p>Arguments: {@code <scenario.yaml | all> [--seed N] [--scale F] [--hours FROM-TO] [--write]}. The
 * seed replaces the file's; scale multiplies the arrivals and the team (each shift and the standby pool,
 * rounded up) alike, for quick runs; --write puts the tables in docs/benchmarks.md.
 */
public final class ScenarioSimulation {

  static final String COMMAND = "mvn -q -pl backend -am test-compile exec:java -Dskip.npm -Dexec.classpathScope=test "
      + "-Dexec.mainClass=dev.unibox.bench.ScenarioSimulation";

  static final List<SimDay.Variant> VARIANTS = List.of(
      new SimDay.Variant("**ours: slack + surge**", "slack", true),
      new SimDay.Variant("strict priority + surge", "priority", true),
      new SimDay.Variant("first-come round-robin + surge", "fifo-round-robin", true),
      new SimDay.Variant("first-come round-robin", "fifo-round-robin", false));

  private ScenarioSimulation() {}

  public static void main(String[] args) {
    try {
      run(args);
      System.exit(0);
    } catch (Throwable e) {
      e.printStackTrace();
      System.exit(1);
    }
  }

  private static void run(String[] args) throws Exception {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: <scenario.yaml | all> [--seed N] [--scale F] [--hours FROM-TO] [--write]");
    }
    Long seed = null;
    double scale = 1;
    int[] hours = null;
    boolean write = false;
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--scale" -> scale = Double.parseDouble(args[++i]);
        case "--hours" -> hours = Stream.of(args[++i].split("-")).mapToInt(Integer::parseInt).toArray();
        case "--write" -> write = true;
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    Path root = BenchmarkDoc.root();
    List<Path> files = new ArrayList<>();
    if ("all".equals(args[0])) {
      try (Stream<Path> s = Files.list(root.resolve("config/scenarios"))) {
        s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
      }
    } else {
      files.add(root.resolve(args[0]));
    }
    MessageClassifier classifier = new MessageClassifier(
        ClassificationRulesLoader.load(root.resolve("config/classification.yaml")), new LinguaLanguageDetector());
    StringBuilder doc = new StringBuilder();
    doc.append("Command: `").append(COMMAND).append(" -Dexec.args=\"").append(String.join(" ", args)).append("\"`\n\n");
    for (Path file : files) {
      Scenario s = ScenarioScale.apply(ScenarioLoader.load(file), scale, hours);
      long usedSeed = seed != null ? seed : s.seed();
      List<SimWorkload.Arrival> arrivals = SimWorkload.draw(s, usedSeed, scale);
      String intro = ("### %s (`%s`)\n\n%s. Seed %d, scale %s, hours %02d:00–%02d:00 (%s): %,d conversations, %d agents in "
          + "shifts + %d standby, %d chats each.\n").formatted(s.name(), root.relativize(file), s.description(), usedSeed, scale, s.fromHour(), s.toHour(),
              s.zone(), arrivals.size(), s.team().shifts().stream().mapToInt(x -> x.agents().size()).sum(),
              s.team().standby().size(), s.team().capacity());
      System.out.println(intro);
      List<SimResult> results = new ArrayList<>();
      for (SimDay.Variant v : VARIANTS) {
        results.add(SimDay.run(v, s, arrivals, classifier));
      }
      List<String> platforms = new ArrayList<>(results.get(0).platforms().keySet());
      StringBuilder table = new StringBuilder(intro).append("\n").append(SimResult.header(platforms)).append("\n");
      results.forEach(r -> table.append(r.row()).append("\n"));
      table.append("\n").append(verdict(results)).append("\n\n");
      System.out.println(table);
      doc.append(table);
    }
    if (write) {
      BenchmarkDoc.writeSection("Scenario simulations", doc.toString());
    }
  }

  /** Whether ours is at least as good as every baseline on every row, naming the rows where it is not. */
  static String verdict(List<SimResult> results) {
    SimResult ours = results.get(0);
    List<String> lines = new ArrayList<>();
    for (SimResult other : results.subList(1, results.size())) {
      List<String> worse = ours.worseThan(other);
      lines.add(worse.isEmpty() ? "ours ≥ " + other.variant().label() + " on every row"
          : "ours WORSE than " + other.variant().label() + " on: " + String.join(", ", worse));
    }
    return String.join("; ", lines) + ".";
  }
}
