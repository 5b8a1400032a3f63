package dev.unibox.web;

import io.vertx.core.Handler;
import io.vertx.core.http.ServerWebSocketHandshake;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses a WebSocket handshake from another site's page (cross-site WebSocket hijacking): a browser
 * always sends {@code Origin}; it must name this server's own host (the {@code Host} it was reached by,
 * so the same behind a TLS proxy that keeps {@code Host}) or one of {@code http.allowedOrigins}. Clients
 * that are not browsers send no Origin and still need a token.
 */
public final class OriginCheck implements Handler<ServerWebSocketHandshake> {

  private static final Logger LOG = LoggerFactory.getLogger(OriginCheck.class);

  private final Set<String> allowed;

  public OriginCheck(List<String> allowedOrigins) {
    this.allowed = allowedOrigins.stream().map(o -> o.toLowerCase(Locale.ROOT).replaceAll("/+$", ""))
        .collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public void handle(ServerWebSocketHandshake handshake) {
    String origin = handshake.headers().get("Origin");
    if (origin == null || allowed(origin, handshake.headers().get("Host"))) {
      handshake.accept();
    } else {
      LOG.warn("Refused a WebSocket from origin {} (not this server's)", origin.length() > 100
          ? origin.substring(0, 100) : origin);
      handshake.reject(403);
    }
  }

  boolean allowed(String origin, String host) {
    String o = origin.toLowerCase(Locale.ROOT);
    if (allowed.contains(o)) {
      return true;
    }
    try {
      URI uri = URI.create(o);
      String authority = uri.getRawAuthority();
      return host != null && authority != null && authority.equals(host.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
