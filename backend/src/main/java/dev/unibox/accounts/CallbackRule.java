package dev.unibox.accounts;

import java.net.URI;

/**
 * A real platform signs pushes with the public URL it calls, so a real account needs that URL spelled
 * out; {@code self:} (this server's own address) is only right for a fake platform on this machine —
 * an API base of {@code fake:} or a loopback address (the demo and the tests).
 */
public final class CallbackRule {

  private CallbackRule() {
  }

  public static boolean mayUseSelf(String apiBaseUrl) {
    if (apiBaseUrl == null) {
      return false;
    }
    if (apiBaseUrl.startsWith("fake:")) {
      return true;
    }
    try {
      String host = URI.create(apiBaseUrl).getHost();
      return "127.0.0.1".equals(host) || "localhost".equals(host) || "[::1]".equals(host) || "::1".equals(host);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** @return null when fine, else the problem */
  public static String problem(String apiBaseUrl, String callbackUrl) {
    boolean self = callbackUrl == null || callbackUrl.isBlank() || callbackUrl.startsWith("self:");
    if (self && !mayUseSelf(apiBaseUrl)) {
      return "callbackUrl is required: the public https URL the platform calls (e.g. "
          + "https://inbox.example.com/webhooks/shopee); self: is only for a fake platform on this machine";
    }
    return null;
  }
}
