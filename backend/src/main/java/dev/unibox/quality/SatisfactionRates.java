package dev.unibox.quality;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Kuaishou's two rates, per agent and in total: satisfaction = satisfied / all ratings (per natural week);
 * bad-attitude = neutral and dissatisfied ratings whose reason is bad attitude / all neutral and
 * dissatisfied ratings (per natural month).
 */
final class SatisfactionRates {

  /** A natural week (from Monday) or month holding a date: [from, to). */
  record Period(String name, LocalDate from, LocalDate to) {
    static Period of(String name, LocalDate date) {
      LocalDate from = name.equals("week") ? date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
          : date.withDayOfMonth(1);
      return new Period(name, from, name.equals("week") ? from.plusWeeks(1) : from.plusMonths(1));
    }
  }

  private final Counts total = new Counts(null, "All agents");
  private final Map<Long, Counts> agents = new LinkedHashMap<>();

  /** n ratings of one agent (null: no agent) with this rating and reason. */
  void add(Long agentId, String agentName, String rating, String reason, long n) {
    agents.computeIfAbsent(agentId == null ? -1 : agentId,
        k -> new Counts(agentId, agentId == null ? "(no agent)" : agentName)).add(rating, reason, n);
    total.add(rating, reason, n);
  }

  JsonObject totalJson() {
    return total.json();
  }

  JsonArray agentsJson() {
    JsonArray out = new JsonArray();
    agents.values().forEach(c -> out.add(c.json()));
    return out;
  }

  private static final class Counts {
    final Long agentId;
    final String name;
    long satisfied;
    long neutral;
    long dissatisfied;
    long badAttitude;

    Counts(Long agentId, String name) {
      this.agentId = agentId;
      this.name = name;
    }

    void add(String rating, String reason, long n) {
      switch (rating) {
        case "satisfied" -> satisfied += n;
        case "neutral" -> neutral += n;
        default -> dissatisfied += n;
      }
      if (!"satisfied".equals(rating) && "bad_attitude".equals(reason)) {
        badAttitude += n;
      }
    }

    JsonObject json() {
      long all = satisfied + neutral + dissatisfied;
      long notSatisfied = neutral + dissatisfied;
      return new JsonObject()
          .put("agent", agentId == null ? null : new JsonObject().put("id", agentId).put("displayName", name))
          .put("satisfied", satisfied).put("neutral", neutral).put("dissatisfied", dissatisfied)
          .put("badAttitude", badAttitude)
          .put("satisfactionRate", all == 0 ? null : (double) satisfied / all)
          .put("badAttitudeRate", notSatisfied == 0 ? null : (double) badAttitude / notSatisfied);
    }
  }
}
