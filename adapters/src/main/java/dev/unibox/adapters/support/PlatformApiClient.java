package dev.unibox.adapters.support;

import dev.unibox.adapters.spi.AccountConfig;
import dev.unibox.adapters.spi.AccountEvents;
import dev.unibox.adapters.spi.AdapterException;
import dev.unibox.adapters.spi.ErrorKind;
import dev.unibox.adapters.spi.TokenSet;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;

/**
 * What every platform's signed API client shares: the account, its hosts, the call timeout, the
 * {@link TokenKeeper} that hands out access tokens, and how a failed call is reported (classified, counted
 * in the account's health events, never with the URI, which may carry tokens). Subclasses own the signing,
 * the envelope of an answer and the platform's token refresh.
 */
public abstract class PlatformApiClient {

  protected final WebClient client;
  protected final AccountConfig account;
  protected final Clock clock;
  protected final long timeoutMs;
  protected final String baseUrl;
  private final String platformName;
  private final AccountEvents events;
  private TokenKeeper tokens;

  /** {@code platformName} as failures name it, e.g. "TikTok Shop". */
  protected PlatformApiClient(String platformName, WebClient client, AccountConfig account, Clock clock,
                              long timeoutMs, AccountEvents events) {
    this.platformName = platformName;
    this.client = client;
    this.account = account;
    this.clock = clock;
    this.timeoutMs = timeoutMs;
    this.events = events;
    this.baseUrl = HttpSupport.trimSlash(account.apiBaseUrl());
  }

  /** Calls the platform's refresh endpoint; the {@link TokenKeeper} decides when. */
  public abstract Future<TokenSet> refresh(String refreshToken);

  final void useTokens(TokenKeeper tokens) {
    this.tokens = tokens;
  }

  /** The keeper of the account's tokens (null until the adapter has wired it). */
  protected final TokenKeeper tokens() {
    return tokens;
  }

  /** The token host: option {@code authBaseUrl}, by default the API host. */
  protected final String authBaseUrl() {
    return HttpSupport.trimSlash(HttpSupport.option(account, "authBaseUrl", account.apiBaseUrl()));
  }

  /** Reports a failed call to the account's health events (and the wait, when rate limited). */
  protected final AdapterException counted(AdapterException e) {
    return HttpAccountAdapter.counted(events, account, e);
  }

  /** A call that got no answer, classified but not counted. */
  protected final AdapterException transportFailure(String path, Throwable cause) {
    return HttpSupport.transportFailure(platformName, path, cause, timeoutMs);
  }

  /**
   * A refusal, counted: "{platform} {path} failed: {code} (HTTP {status}){detail}" with the wait of the
   * answer's {@code Retry-After}.
   */
  protected final AdapterException refused(ErrorKind kind, String code, String path, HttpResponse<Buffer> response,
                                           String detail) {
    return counted(new AdapterException(kind, code,
        platformName + " " + path + " failed: " + code + " (HTTP " + response.statusCode() + ")" + detail,
        HttpSupport.retryAfter(response.getHeader("Retry-After"), clock)));
  }

  /** {@code ": message"}, or nothing when the platform gave no message. */
  protected static String colonMessage(String message) {
    return message == null || message.isBlank() ? "" : ": " + message;
  }
}
