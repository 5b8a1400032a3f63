package dev.unibox.planning;

import dev.unibox.web.ApiException;
import io.vertx.core.json.JsonObject;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.function.Function;

/**
 * What a staffing plan is asked for (docs/api.md, "Staffing plan"): the day, the days of history averaged, one shop
 * or all the caller may see, the forecast's scaling and the targets. Read the same way from a query string and from
 * a JSON body; a bad value is a 400 naming the parameter.
 *
 * @param date    null: tomorrow in the roster's zone
 * @param account null: every shop the caller may see
 * @param peak    null: none
 */
public record PlanRequest(LocalDate date, int days, String account, double multiplier, Peak peak, Targets targets) {

  public static final int MAX_DAYS = 56;

  /** @param raw a parameter's text by name, null when absent */
  public static PlanRequest read(Function<String, String> raw) {
    LocalDate date = parse(raw, "date", LocalDate::parse, "date must be a date such as 2026-11-11");
    int days = (int) range(raw, "days", 7, 1, MAX_DAYS, true);
    String account = raw.apply("account");
    double multiplier = range(raw, "multiplier", 1, 0.1, 100, false);
    Peak peak = parse(raw, "peak", Peak::parse, "peak must look like 20:00-22:00x10 (hours, then x and a factor up to "
        + Peak.MAX_FACTOR + ")");
    Targets targets = new Targets(
        Duration.ofSeconds((long) range(raw, "urgentSeconds", 60, 1, 86_400, true)), rate(raw, "urgentRate", 0.99),
        Duration.ofSeconds((long) range(raw, "regularSeconds", 120, 1, 86_400, true)), rate(raw, "regularRate", 0.95));
    return new PlanRequest(date, days, account, multiplier, peak, targets);
  }

  /** The body's fields as text (numbers too); anything but text or a number is refused by name. */
  public static PlanRequest read(JsonObject body) {
    return read(name -> {
      Object v = body.getValue(name);
      if (v == null) {
        return null;
      }
      if (!(v instanceof String) && !(v instanceof Number)) {
        throw ApiException.badRequest("bad_" + name, name + " must be text or a number");
      }
      String s = v.toString().trim();
      return s.isEmpty() ? null : s;
    });
  }

  private static <T> T parse(Function<String, String> raw, String name, Function<String, T> parse, String problem) {
    String v = raw.apply(name);
    if (v == null) {
      return null;
    }
    try {
      return parse.apply(v);
    } catch (DateTimeException | IllegalArgumentException e) {
      throw ApiException.badRequest("bad_" + name, problem);
    }
  }

  private static double range(Function<String, String> raw, String name, double fallback, double min, double max,
                              boolean whole) {
    String problem = name + " must be a " + (whole ? "whole " : "") + "number from " + plain(min) + " to " + plain(max);
    Double v = parse(raw, name, Double::valueOf, problem);
    if (v == null) {
      return fallback;
    }
    if (!(v >= min && v <= max) || (whole && v != Math.rint(v))) {
      throw ApiException.badRequest("bad_" + name, problem);
    }
    return v;
  }

  private static double rate(Function<String, String> raw, String name, double fallback) {
    String problem = name + " must be a share between 0 and 1, such as " + fallback;
    Double v = parse(raw, name, Double::valueOf, problem);
    if (v == null) {
      return fallback;
    }
    if (!(v > 0 && v < 1)) {
      throw ApiException.badRequest("bad_" + name, problem);
    }
    return v;
  }

  private static String plain(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }
}
