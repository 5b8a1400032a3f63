package dev.unibox.adapters.support;

import dev.unibox.adapters.spi.AccountConfig;
import dev.unibox.adapters.spi.AdapterException;
import dev.unibox.adapters.spi.ErrorKind;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeoutException;

/** Small helpers for the adapters' HTTP clients. */
public final class HttpSupport {

  private HttpSupport() {}

  /**
   * A {@code Retry-After} header as a wait: delta-seconds or an HTTP date (RFC 7231); null when absent or
   * unreadable.
   */
  public static Duration retryAfter(String header, Clock clock) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      long seconds = Long.parseLong(header.trim());
      return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
    } catch (NumberFormatException httpDate) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration wait = Duration.between(clock.instant(), at.toInstant());
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (RuntimeException unreadable) {
        return null;
      }
    }
  }

  public static JsonObject json(Buffer body) {
    if (body == null || body.length() == 0) {
      return null;
    }
    try {
      return new JsonObject(body);
    } catch (RuntimeException notJson) {
      return null;
    }
  }

  /** A transport failure as a classified error; never includes the URI (it may carry tokens). */
  public static AdapterException transportFailure(String platform, String what, Throwable cause, long timeoutMs) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof UnknownHostException) {
        return new AdapterException(ErrorKind.TRANSIENT, "connection_refused",
            "Could not connect to " + platform + " for " + what);
      }
      if (t instanceof TimeoutException) {
        return new AdapterException(ErrorKind.TRANSIENT, "timeout",
            "No answer from " + platform + " for " + what + " within " + timeoutMs
                + " ms; it may or may not have processed the call");
      }
    }
    return new AdapterException(ErrorKind.TRANSIENT, "connection_lost",
        "Connection to " + platform + " broke during " + what + " (" + cause.getClass().getSimpleName() + ")");
  }

  public static boolean isHttpUrl(String url) {
    if (url == null || url.isBlank()) {
      return false;
    }
    try {
      URI uri = new URI(url);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  public static String trimSlash(String base) {
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  /** A positive whole-number option, or the default. */
  public static long positiveLong(AccountConfig account, String name, long defaultValue) {
    String raw = account.options().get(name);
    if (raw == null || raw.isBlank()) {
      return defaultValue;
    }
    try {
      long value = Long.parseLong(raw.trim());
      if (value > 0 && value <= Integer.MAX_VALUE) {
        return value;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new IllegalArgumentException("Account " + account.accountId() + ": option " + name
        + " must be a positive whole number, got '" + raw + "'");
  }

  public static String option(AccountConfig account, String name, String defaultValue) {
    String raw = account.options().get(name);
    return raw == null || raw.isBlank() ? defaultValue : raw.trim();
  }

  /** Refuses a text that is empty or longer than the platform allows, before any call. */
  public static AdapterException textProblem(String platform, String text, int max) {
    if (text == null || text.isBlank()) {
      return new AdapterException(ErrorKind.PERMANENT, "empty_text", "Cannot send an empty text");
    }
    int length = text.codePointCount(0, text.length());
    if (length > max) {
      return new AdapterException(ErrorKind.PERMANENT, "text_too_long", "Text is " + length
          + " characters long; " + platform + " allows at most " + max + " (option maxTextLength)");
    }
    return null;
  }
}
