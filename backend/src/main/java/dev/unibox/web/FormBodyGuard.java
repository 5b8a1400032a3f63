package dev.unibox.web;

import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/**
 * API and webhook bodies are JSON. A form or multipart body is refused with 415 before any body handler
 * sees it: the body handler would otherwise decode it as form fields, and a hostile one (an over-long
 * field, a broken multipart boundary) fails inside the decoder as a 500.
 */
public final class FormBodyGuard {

  private FormBodyGuard() {
  }

  public static void handle(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    String path = ctx.request().path();
    if (type != null && (path.startsWith("/api/") || path.startsWith("/webhooks/"))) {
      String t = type.trim().toLowerCase(Locale.ROOT);
      if (t.startsWith("multipart/") || t.startsWith("application/x-www-form-urlencoded")) {
        Responses.error(ctx, 415, "unsupported_media_type", "Bodies are JSON (application/json); form and "
            + "multipart bodies are not accepted");
        return;
      }
    }
    ctx.next();
  }
}
