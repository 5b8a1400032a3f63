package dev.unibox.web;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * Headers every response carries (API, web app, errors): the app loads only its own scripts and styles
 * and talks only to its own origin (the agent socket included), cannot be framed, and types are not
 * sniffed. Images may come from the platforms' CDNs. HSTS is the TLS proxy's job (docs/deploy.md).
 */
public final class SecurityHeaders {

  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
      + "img-src 'self' data: blob: https: http:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
      + "form-action 'self'; frame-ancestors 'none'";

  private SecurityHeaders() {
  }

  public static void handle(RoutingContext ctx) {
    MultiMap h = ctx.response().headers();
    h.set("Content-Security-Policy", CSP);
    h.set("X-Frame-Options", "DENY");
    h.set("X-Content-Type-Options", "nosniff");
    h.set("Referrer-Policy", "no-referrer");
    h.set("Cross-Origin-Opener-Policy", "same-origin");
    if (ctx.request().path().startsWith("/api/")) {
      h.set("Cache-Control", "no-store");
    }
    ctx.next();
  }
}
