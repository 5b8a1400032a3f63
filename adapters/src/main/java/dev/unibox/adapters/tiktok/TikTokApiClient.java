package dev.unibox.adapters.tiktok;

import dev.unibox.adapters.spi.AccountConfig;
import dev.unibox.adapters.spi.AccountEvents;
import dev.unibox.adapters.spi.AdapterException;
import dev.unibox.adapters.spi.ErrorKind;
import dev.unibox.adapters.spi.TokenSet;
import dev.unibox.adapters.support.HttpSupport;
import dev.unibox.adapters.support.TokenKeeper;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signed calls to the TikTok Shop Partner API: query {@code app_key, timestamp (s), shop_cipher, sign},
 * header {@code x-tts-access-token}; envelope {@code {code:0, message, request_id, data}}.
 */
final class TikTokApiClient {

  static final String REFRESH_PATH = "/api/v2/token/refresh";

  private final WebClient client;
  private final AccountConfig account;
  private final Clock clock;
  private final long timeoutMs;
  private final String baseUrl;
  private final String authBaseUrl;
  private final String shopCipher;
  private final AccountEvents events;
  private TokenKeeper tokens;

  TikTokApiClient(WebClient client, AccountConfig account, Clock clock, long timeoutMs, AccountEvents events,
                  String shopCipher) {
    this.client = client;
    this.account = account;
    this.clock = clock;
    this.timeoutMs = timeoutMs;
    this.events = events;
    this.shopCipher = shopCipher;
    this.baseUrl = HttpSupport.trimSlash(account.apiBaseUrl());
    this.authBaseUrl = HttpSupport.trimSlash(HttpSupport.option(account, "authBaseUrl", account.apiBaseUrl()));
  }

  void useTokens(TokenKeeper tokens) {
    this.tokens = tokens;
  }

  Future<JsonObject> get(String path, Map<String, String> params) {
    return tokens.call(token -> call(false, path, params, null, token));
  }

  Future<JsonObject> post(String path, JsonObject body) {
    return post(path, Map.of(), body);
  }

  /** A POST with query parameters besides the common ones (signed with the body). */
  Future<JsonObject> post(String path, Map<String, String> params, JsonObject body) {
    return tokens.call(token -> call(true, path, params, body.encode(), token));
  }

  /**
   * Token refresh as the SDKs call it: {@code GET auth host /api/v2/token/refresh?app_key&app_secret&
   * refresh_token&grant_type=refresh_token}. A refusal that is not transient or throttling means the refresh
   * token is no longer usable: TOKEN_DEAD.
   */
  Future<TokenSet> refresh(String refreshToken) {
    HttpRequest<Buffer> request = client.getAbs(authBaseUrl + REFRESH_PATH)
        .addQueryParam("app_key", account.credentials().appKey())
        .addQueryParam("app_secret", account.credentials().appSecret())
        .addQueryParam("refresh_token", refreshToken)
        .addQueryParam("grant_type", "refresh_token")
        .connectTimeout(timeoutMs).timeout(timeoutMs);
    return request.send()
        .transform(ar -> ar.succeeded() ? answer(ar.result(), REFRESH_PATH)
            : Future.failedFuture(HttpSupport.transportFailure("TikTok Shop", REFRESH_PATH, ar.cause(), timeoutMs)))
        .recover(e -> {
          if (e instanceof AdapterException ae && !ae.kind().retryable()) {
            return Future.failedFuture(new AdapterException(ErrorKind.TOKEN_DEAD, ae.platformCode(), ae.getMessage()));
          }
          return Future.failedFuture(e);
        })
        .compose(data -> {
          String access = data.getString("access_token");
          String refresh = data.getString("refresh_token");
          if (access == null || refresh == null) {
            return Future.failedFuture(new AdapterException(ErrorKind.MALFORMED, null,
                "TikTok Shop token refresh answered without access_token/refresh_token"));
          }
          return Future.succeededFuture(new TokenSet(access, refresh, expiry(data.getValue("access_token_expire_in")),
              expiry(data.getValue("refresh_token_expire_in"))));
        });
  }

  /** TikTok answers an epoch-seconds instant here; a small number is read as a lifetime in seconds. */
  private Instant expiry(Object value) {
    if (!(value instanceof Number n)) {
      return null;
    }
    long v = n.longValue();
    return v > 1_000_000_000L ? Instant.ofEpochSecond(v) : clock.instant().plusSeconds(v);
  }

  private Future<JsonObject> call(boolean post, String path, Map<String, String> params, String body, String token) {
    Map<String, String> query = new LinkedHashMap<>(params);
    query.put("app_key", account.credentials().appKey());
    query.put("timestamp", Long.toString(clock.instant().getEpochSecond()));
    query.put("shop_cipher", shopCipher);
    query.put("sign", TikTokSigner.apiSign(account.credentials().appSecret(), path, query, post ? body : null));
    HttpRequest<Buffer> request = (post ? client.postAbs(baseUrl + path) : client.getAbs(baseUrl + path))
        .putHeader("x-tts-access-token", token)
        .putHeader("Content-Type", "application/json")
        .connectTimeout(timeoutMs).timeout(timeoutMs);
    query.forEach(request::addQueryParam);
    Future<HttpResponse<Buffer>> sent = post ? request.sendBuffer(Buffer.buffer(body)) : request.send();
    return sent.transform(ar -> ar.succeeded() ? answer(ar.result(), path)
        : Future.failedFuture(counted(HttpSupport.transportFailure("TikTok Shop", path, ar.cause(), timeoutMs))));
  }

  private AdapterException counted(AdapterException e) {
    events.callFailed(account.accountId(), e.kind(), e.platformCode());
    if (e.kind() == ErrorKind.RATE_LIMITED) {
      events.rateLimited(account.accountId(), e.retryAfter());
    }
    return e;
  }

  private Future<JsonObject> answer(HttpResponse<Buffer> response, String path) {
    JsonObject body = HttpSupport.json(response.body());
    int status = response.statusCode();
    Long code = body != null && body.getValue("code") instanceof Number n ? n.longValue() : null;
    if (status / 100 == 2 && code != null && code == 0) {
      Object data = body.getValue("data");
      return Future.succeededFuture(data instanceof JsonObject d ? d : new JsonObject());
    }
    String platformCode = code == null ? "http_" + status : Long.toString(code);
    String message = body == null ? null : body.getString("message");
    return Future.failedFuture(counted(new AdapterException(TikTokErrors.classify(code, status), platformCode,
        "TikTok Shop " + path + " failed: " + platformCode + " (HTTP " + status + ")"
            + (message == null || message.isBlank() ? "" : ": " + message),
        HttpSupport.retryAfter(response.getHeader("Retry-After"), clock))));
  }
}
