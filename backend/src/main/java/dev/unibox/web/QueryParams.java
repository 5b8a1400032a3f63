package dev.unibox.web;

import io.vertx.ext.web.RoutingContext;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;

/** Query parameters read and checked in one way: blank counts as absent, a bad value is a 400 naming it. */
public final class QueryParams {

  private QueryParams() {}

  /** The trimmed value, or null when absent or blank. */
  public static String text(RoutingContext ctx, String name) {
    String v = ctx.request().getParam(name);
    return v == null || v.isBlank() ? null : v.trim();
  }

  /** {@code zone}, UTC when absent. */
  public static ZoneId zone(RoutingContext ctx) {
    return parsed(ctx, "zone", ZoneId.of("UTC"), ZoneId::of, "bad_zone",
        "zone must be a time zone such as Asia/Kuala_Lumpur");
  }

  public static LocalDate date(RoutingContext ctx, String name, LocalDate fallback) {
    return parsed(ctx, name, fallback, LocalDate::parse, "bad_date", name + " must be a date such as 2026-11-23");
  }

  public static Instant instant(RoutingContext ctx, String name, Instant fallback) {
    return parsed(ctx, name, fallback, Instant::parse, "bad_time",
        name + " must be an ISO-8601 instant such as 2026-11-23T00:00:00Z");
  }

  /** An id such as {@code agentId}, null when absent. */
  public static Long id(RoutingContext ctx, String name) {
    return parsed(ctx, name, null, Long::valueOf, "bad_" + name, name + " must be a number");
  }

  public static long number(RoutingContext ctx, String name, long fallback, long min, long max) {
    String problem = name + " must be a whole number from " + min + " to " + max;
    Long n = parsed(ctx, name, null, Long::valueOf, "bad_" + name, problem);
    if (n == null) {
      return fallback;
    }
    if (n < min || n > max) {
      throw ApiException.badRequest("bad_" + name, problem);
    }
    return n;
  }

  /** One of {@code allowed}, or {@code fallback} when absent. */
  public static String oneOf(RoutingContext ctx, String name, String fallback, List<String> allowed) {
    String v = text(ctx, name);
    if (v == null) {
      return fallback;
    }
    if (!allowed.contains(v)) {
      String last = allowed.get(allowed.size() - 1);
      String choices = allowed.size() == 1 ? last
          : String.join(", ", allowed.subList(0, allowed.size() - 1)) + " or " + last;
      throw ApiException.badRequest("bad_" + name, name + " must be " + choices);
    }
    return v;
  }

  private static <T> T parsed(RoutingContext ctx, String name, T fallback, Function<String, T> parse, String error,
                              String problem) {
    String v = text(ctx, name);
    if (v == null) {
      return fallback;
    }
    try {
      return parse.apply(v);
    } catch (DateTimeException | NumberFormatException e) {
      throw ApiException.badRequest(error, problem);
    }
  }
}
