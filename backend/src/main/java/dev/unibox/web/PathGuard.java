package dev.unibox.web;

import io.vertx.ext.web.RoutingContext;
import java.util.regex.Pattern;

/**
 * Refuses a path that carries an escaped control character (%00–%1F, %7F): no id or name in a URL has
 * one, and PostgreSQL cannot store a NUL, so such a request is answered 400 before any route reads it.
 */
final class PathGuard {

  private static final Pattern CONTROL_ESCAPE = Pattern.compile("%(?:[01][0-9a-fA-F]|7[fF])");

  private PathGuard() {}

  static void handle(RoutingContext ctx) {
    String path = ctx.request().path();
    if (path != null && CONTROL_ESCAPE.matcher(path).find()) {
      Responses.error(ctx, 400, "bad_path", "The path contains a control character");
      return;
    }
    ctx.next();
  }
}
