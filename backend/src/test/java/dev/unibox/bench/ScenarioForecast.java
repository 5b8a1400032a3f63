package dev.unibox.bench;

import dev.unibox.bench.PromotionDayWorkload.Kind;
import dev.unibox.planning.AnswerTimes;
import dev.unibox.planning.Demand;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The staffing planner's forecast read off a scenario file: per hour, what {@link PromotionDayWorkload} draws in
 * expectation and how long {@link SimulatedAgents} hold a seat.
 *
 * <ul>
 *   <li>Conversations: the sum over the hour's minutes of the hour's rate, times the multiplier of a peak covering
 *   the minute. Returning buyers are already in it: the workload draws every arrival from that rate and makes a
 *   share of them returning (their old chat is closed by then, so the simulation routes them as new
 *   conversations); a returning buyer who writes while their chat is still open is not a new one, and is ignored.
 *   <li>Languages: each shop's share × its language weights (returning buyers keep the language they had, drawn the
 *   same way).
 *   <li>Urgent share: the urgency mix of each minute (the peak mix inside a peak), weighted by its arrivals.
 *   <li>Seat and answer seconds at the working load L = the team's chats per agent: the planner staffs for the
 *   hours when buyers queue, and then the router fills every seat. With the scenario's {@code times} (the same
 *   {@link PromotionDayScenario.Times} the simulated agents use), the answer times are the read draw (uniform) cut
 *   into {@value #READ_POINTS} equal shares, each at its midpoint × (1 + read slow-down × (L − 1)): for the buyers
 *   not returning as it is, for the returning share plus the history read. The simulated agents read the history
 *   only when a returning buyer's reopened chat goes to an agent other than its last (the router is sticky), so
 *   counting it for every returning buyer is the safe side. Seat = the answer times' mean + mean handling (by the
 *   hour's mix) × (1 + handle slow-down × (L − 1)).
 * </ul>
 */
final class ScenarioForecast {

  /** Equal shares the uniform read draw is cut into, each taken at its midpoint. */
  static final int READ_POINTS = 10;

  private ScenarioForecast() {}

  /** The team's chats per agent: the capacity most of its agents (shifts and standby) have. */
  static int capacity(PromotionDayScenario day) {
    return Stream.concat(day.shifts().stream().flatMap(s -> s.agents().stream()), day.standby().stream())
        .collect(Collectors.groupingBy(PromotionDayScenario.AgentSpec::capacity, TreeMap::new, Collectors.counting()))
        .entrySet().stream().max(Map.Entry.<Integer, Long>comparingByValue()
            .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
        .map(Map.Entry::getKey).orElseThrow();
  }

  /** Share of all buyers writing in each language. */
  static Map<String, Double> languageShares(PromotionDayScenario day) {
    Map<String, Double> out = new TreeMap<>();
    for (PromotionDayScenario.Shop s : day.shops()) {
      for (int i = 0; i < s.languages().length; i++) {
        out.merge(s.languages()[i], s.share() * s.weights()[i], Double::sum);
      }
    }
    return out;
  }

  static List<Demand> of(PromotionDayScenario day, int capacity) {
    Map<String, Double> shares = languageShares(day);
    PromotionDayScenario.Times times = day.times();
    AnswerTimes answers = answers(day, capacity);
    List<Demand> out = new ArrayList<>();
    for (int h = 0; h < 24; h++) {
      double total = 0;
      double urgent = 0;
      double handle = 0;
      for (int m = h * 60; m < h * 60 + 60; m++) {
        int minute = m;
        PromotionDayScenario.Peak peak = day.peaks().stream().filter(p -> p.covers(minute)).findFirst().orElse(null);
        double rate = day.perMinuteByHour()[h] * (peak == null ? 1 : peak.multiplier());
        Map<Kind, Double> mix = peak == null ? day.mix() : day.peakMix();
        total += rate;
        urgent += rate * mix.get(Kind.AFTER_SALE_URGENT);
        for (Kind k : Kind.values()) {
          handle += rate * mix.get(k) * mean(times.handle().get(k));
        }
      }
      double n = total;
      Map<String, Double> byLanguage = shares.entrySet().stream()
          .collect(Collectors.toMap(Map.Entry::getKey, e -> n * e.getValue()));
      double meanHandle = total > 0 ? handle / total : mixMean(day.mix(), times);
      out.add(new Demand(h, byLanguage, total > 0 ? urgent / total : day.mix().get(Kind.AFTER_SALE_URGENT),
          answers.mean() + meanHandle * times.handleFactor(capacity), answers));
    }
    return out;
  }

  /** The first answer's time at load {@code capacity}, as the simulated agents take it (history read: safe side). */
  private static AnswerTimes answers(PromotionDayScenario day, int capacity) {
    PromotionDayScenario.Times times = day.times();
    double returning = day.returningShare();
    List<AnswerTimes.Point> points = new ArrayList<>();
    for (int i = 0; i < READ_POINTS; i++) {
      double read = (times.read().min() + times.read().range() * (i + 0.5) / READ_POINTS) * times.readFactor(capacity);
      points.add(new AnswerTimes.Point(read, (1 - returning) / READ_POINTS));
      points.add(new AnswerTimes.Point(read + times.historyRead(), returning / READ_POINTS));
    }
    return new AnswerTimes(points);
  }

  private static double mixMean(Map<Kind, Double> mix, PromotionDayScenario.Times times) {
    return Stream.of(Kind.values()).mapToDouble(k -> mix.get(k) * mean(times.handle().get(k))).sum();
  }

  private static double mean(PromotionDayScenario.Draw d) {
    return d.min() + d.range() / 2;
  }
}
