package dev.unibox.web;

import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Set;

/**
 * The address of the client behind a request. {@code X-Forwarded-For} is believed only when the direct
 * peer is one of the configured trusted proxies ({@code http.trustedProxies}); then the right-most entry
 * that is not itself a trusted proxy is the client. Anyone else could write any address in that header.
 */
public final class ClientAddress {

  private final Set<String> trustedProxies;

  public ClientAddress(List<String> trustedProxies) {
    this.trustedProxies = Set.copyOf(trustedProxies);
  }

  public String of(RoutingContext ctx) {
    String peer = ctx.request().remoteAddress() == null ? "?" : ctx.request().remoteAddress().hostAddress();
    if (!trustedProxies.contains(peer)) {
      return peer;
    }
    String forwarded = ctx.request().getHeader("X-Forwarded-For");
    if (forwarded == null || forwarded.isBlank()) {
      return peer;
    }
    String[] hops = forwarded.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].trim();
      if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
        return hop.length() > 64 ? hop.substring(0, 64) : hop;
      }
    }
    return peer;
  }
}
