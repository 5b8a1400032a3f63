package dev.unibox.bench;

import dev.unibox.domain.SlaPolicy;
import dev.unibox.planning.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One line of the comparison table: the rows every policy is judged on, from the ground truth of the arrivals. */
record SimResult(SimDay.Variant variant, int conversations, int urgent, int urgentIn60, int regular, int regularIn120,
                 Map<String, int[]> platforms, long longestWait, long p90Wait, double utilisation, double occupancy,
                 double agentHours, int surgeActivations, double wallSeconds) {

  static SimResult of(SimDay.Variant v, Scenario s, List<SimDay.Tracked> all, long end, SimUtilisation use,
                      int activations, double wall) {
    int urgent = 0;
    int urgentIn60 = 0;
    int regular = 0;
    int regularIn120 = 0;
    Map<String, int[]> platforms = new TreeMap<>();     // platform -> {counted, met}
    List<Long> waits = new ArrayList<>();
    for (SimDay.Tracked tr : all) {
      boolean answered = tr.answeredAt >= 0;
      long wait = (answered ? tr.answeredAt : end) - tr.arrival.second();
      waits.add(wait);
      if (tr.arrival.kind().urgent()) {
        urgent++;
        urgentIn60 += answered && wait <= 60 ? 1 : 0;
      } else {
        regular++;
        regularIn120 += answered && wait <= 120 ? 1 : 0;
      }
      SlaPolicy.PlatformRule rule = SlaPolicy.DEFAULT_PLATFORM_RULES.get(tr.arrival.shop().platform());
      if (rule != null) {
        int[] p = platforms.computeIfAbsent(tr.arrival.shop().platform(), k -> new int[2]);
        if (rule.counts(s.start().plusSeconds(tr.arrival.second()), tr.arrival.shop().zone())) {
          p[0]++;
          p[1] += answered && wait <= rule.window().toSeconds() ? 1 : 0;
        }
      }
    }
    waits.sort(Long::compare);
    long longest = waits.isEmpty() ? 0 : waits.get(waits.size() - 1);
    long p90 = waits.isEmpty() ? 0 : waits.get((int) Math.min(waits.size() - 1, Math.ceil(waits.size() * 0.9) - 1));
    return new SimResult(v, all.size(), urgent, urgentIn60, regular, regularIn120, platforms, longest, p90,
        use.whileWaiting(), use.occupancy(), use.agentHours(), activations, wall);
  }

  static String header(List<String> platforms) {
    StringBuilder h = new StringBuilder("| policy | urgent ≤ 60 s | regular ≤ 120 s |");
    StringBuilder line = new StringBuilder("|---|---|---|");
    for (String p : platforms) {
      SlaPolicy.PlatformRule rule = SlaPolicy.DEFAULT_PLATFORM_RULES.get(p);
      h.append(" ").append(p).append(" ").append(rule.name().substring(rule.name().indexOf('-') + 1)).append(" |");
      line.append("---|");
    }
    h.append(" longest wait | p90 wait | utilisation while buyers wait | occupancy | agent-hours | surge activations |");
    line.append("---|---|---|---|---|---|");
    return h + "\n" + line;
  }

  String row() {
    StringBuilder r = new StringBuilder("| %s | %s | %s |".formatted(variant.label(), rate(urgentIn60, urgent),
        rate(regularIn120, regular)));
    for (int[] p : platforms.values()) {
      r.append(" ").append(rate(p[1], p[0])).append(" |");
    }
    r.append(" %s | %s | %.1f %% | %.1f %% | %.0f | %d |".formatted(duration(longestWait), duration(p90Wait),
        utilisation * 100, occupancy * 100, agentHours, surgeActivations));
    return r.toString();
  }

  /** The rows on which this line is worse than {@code other} (empty: at least as good on every row). */
  List<String> worseThan(SimResult other) {
    List<String> worse = new ArrayList<>();
    if (pct(urgentIn60, urgent) < pct(other.urgentIn60, other.urgent)) {
      worse.add("urgent ≤ 60 s");
    }
    if (pct(regularIn120, regular) < pct(other.regularIn120, other.regular)) {
      worse.add("regular ≤ 120 s");
    }
    for (Map.Entry<String, int[]> p : platforms.entrySet()) {
      int[] o = other.platforms.get(p.getKey());
      if (o != null && pct(p.getValue()[1], p.getValue()[0]) < pct(o[1], o[0])) {
        worse.add(p.getKey() + " window");
      }
    }
    if (longestWait > other.longestWait) {
      worse.add("longest wait");
    }
    if (p90Wait > other.p90Wait) {
      worse.add("p90 wait");
    }
    if (utilisation < other.utilisation) {
      worse.add("utilisation while buyers wait");
    }
    return worse;
  }

  static double pct(int a, int b) {
    return b == 0 ? 100 : 100.0 * a / b;
  }

  static String rate(int a, int b) {
    return "%.1f %% (%d/%d)".formatted(pct(a, b), a, b);
  }

  static String duration(long s) {
    return s >= 3600 ? "%dh %02dm".formatted(s / 3600, (s % 3600) / 60)
        : s >= 60 ? "%dm %02ds".formatted(s / 60, s % 60) : s + " s";
  }
}
