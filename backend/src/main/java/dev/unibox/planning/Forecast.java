package dev.unibox.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Expected demand per hour of the day (0–23, the plan's zone) and per language: conversations per hour,
 * the urgent share, and how long an agent holds one (reading plus handling, seconds).
 */
public record Forecast(List<Map<String, Demand>> hours) {

  public record Demand(double perHour, double urgentShare, double holdSeconds) {}

  /** The scenario's curves: every shop's arrivals split by its language shares, the hour's mix and handling. */
  public static Forecast of(Scenario s) {
    List<Map<String, Demand>> hours = new ArrayList<>();
    for (int h = 0; h < 24; h++) {
      Scenario.Mix mix = s.mixAt(h);
      double hold = s.handling().meanHold(mix);
      Map<String, Demand> byLanguage = new TreeMap<>();
      for (Scenario.Shop shop : s.shops()) {
        for (Map.Entry<String, Double> l : shop.languages().entrySet()) {
          double perHour = shop.perMinute()[h] * 60 * l.getValue();
          byLanguage.merge(l.getKey(), new Demand(perHour, mix.urgent(), hold), Forecast::add);
        }
      }
      hours.add(byLanguage);
    }
    return new Forecast(hours);
  }

  /** Sums two demands for the same language and hour (shares and hold weighted by volume). */
  static Demand add(Demand a, Demand b) {
    double n = a.perHour() + b.perHour();
    if (n == 0) {
      return a;
    }
    return new Demand(n, (a.urgentShare() * a.perHour() + b.urgentShare() * b.perHour()) / n,
        (a.holdSeconds() * a.perHour() + b.holdSeconds() * b.perHour()) / n);
  }
}
