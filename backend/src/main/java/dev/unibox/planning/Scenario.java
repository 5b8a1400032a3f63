package dev.unibox.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * A day (or part of one) of customer service to simulate or to staff: who writes when (arrival curves
 * per shop, languages per shop), what they ask (the urgency mix, with its own mix in peak hours), how
 * long the answers take, and the team (shifts with each agent's languages, the standby pool). Loaded
 * from a file by {@link ScenarioLoader}; the simulation and the staffing planner read the same model.
 */
public record Scenario(String name, String description, long seed, ZoneId zone, LocalDate date, int fromHour,
                       int toHour, List<Shop> shops, double returningBuyers, Mix mix, List<Integer> peakHours,
                       Mix peakMix, Handling handling, Team team) {

  /** A shop: its arrivals per minute by hour of the day (24 values, in the scenario's zone) and language shares. */
  public record Shop(String accountId, String platform, ZoneId zone, double[] perMinute, Map<String, Double> languages) {}

  /** Shares of the four kinds of question; after-sale problems and promotion questions are urgent. */
  public record Mix(double preSale, double inSale, double afterSale, double promo) {
    public double urgent() {
      return afterSale + promo;
    }
  }

  /** Uniform ranges in seconds: reading before the first answer, then handling until the chat is closed, per kind. */
  public record Handling(double[] read, double[] preSale, double[] inSale, double[] afterSale, double[] promo) {
    /** Mean seconds an agent holds a conversation of this mix (reading plus handling). */
    public double meanHold(Mix m) {
      double total = m.preSale() + m.inSale() + m.afterSale() + m.promo();
      return mean(read) + (m.preSale() * mean(preSale) + m.inSale() * mean(inSale) + m.afterSale() * mean(afterSale)
          + m.promo() * mean(promo)) / total;
    }

    private static double mean(double[] range) {
      return (range[0] + range[1]) / 2;
    }
  }

  public record Shift(String name, LocalTime start, LocalTime end, List<List<String>> agents) {
    public boolean covers(int hour) {
      LocalTime t = LocalTime.of(hour, 0);
      return start.isBefore(end) ? !t.isBefore(start) && t.isBefore(end) : !t.isBefore(start) || t.isBefore(end);
    }
  }

  /** Shifts (each agent is a list of languages), the standby pool, and chats per agent. */
  public record Team(int capacity, List<Shift> shifts, List<List<String>> standby) {}

  public Instant start() {
    return date.atStartOfDay(zone).toInstant();
  }

  public Mix mixAt(int hour) {
    return peakHours.contains(hour) ? peakMix : mix;
  }

  /** Conversations per minute at this hour (scenario zone) over every shop. */
  public double perMinute(int hour) {
    return shops.stream().mapToDouble(s -> s.perMinute()[hour]).sum();
  }
}
