package dev.unibox.quality;

import dev.unibox.web.ApiException;
import io.vertx.ext.web.RoutingContext;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Query parameters of the quality reports, checked (bad values are 400s). */
final class Params {

  private Params() {}

  static ZoneId zone(RoutingContext ctx) {
    String z = ctx.request().getParam("zone");
    if (z == null || z.isBlank()) {
      return ZoneId.of("UTC");
    }
    try {
      return ZoneId.of(z);
    } catch (DateTimeException e) {
      throw ApiException.badRequest("bad_zone", "zone must be a time zone such as Asia/Kuala_Lumpur");
    }
  }

  static LocalDate date(RoutingContext ctx, String name, LocalDate fallback) {
    String d = ctx.request().getParam(name);
    if (d == null || d.isBlank()) {
      return fallback;
    }
    try {
      return LocalDate.parse(d);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("bad_date", name + " must be a date such as 2026-11-23");
    }
  }

  static Instant instant(RoutingContext ctx, String name, Instant fallback) {
    String t = ctx.request().getParam(name);
    if (t == null || t.isBlank()) {
      return fallback;
    }
    try {
      return Instant.parse(t);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("bad_time", name + " must be an ISO-8601 instant such as 2026-11-23T00:00:00Z");
    }
  }

  static long number(RoutingContext ctx, String name, long fallback, long min, long max) {
    String v = ctx.request().getParam(name);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      long n = Long.parseLong(v.trim());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException ignored) {
      // answered below
    }
    throw ApiException.badRequest("bad_" + name, name + " must be a whole number from " + min + " to " + max);
  }

  static String text(RoutingContext ctx, String name) {
    String v = ctx.request().getParam(name);
    return v == null || v.isBlank() ? null : v.trim();
  }
}
