package dev.unibox.adapters.lazada;

import dev.unibox.adapters.spi.AccountConfig;
import dev.unibox.adapters.spi.AccountEvents;
import dev.unibox.adapters.spi.AdapterException;
import dev.unibox.adapters.spi.ErrorKind;
import dev.unibox.adapters.spi.TokenSet;
import dev.unibox.adapters.support.HttpSupport;
import dev.unibox.adapters.support.TokenKeeper;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signed calls to Lazada's REST API. Common parameters {@code app_key, timestamp (ms), access_token,
 * sign_method=sha256, sign}; GET parameters in the query, POST parameters as a form body (as Lazada's
 * SDKs send them), all of them signed. Success: top-level {@code code} "0" (or absent) and, for IM calls,
 * {@code success} not false / {@code err_code} "0"; answers {@code data} (the token refresh: the whole body).
 */
final class LazadaApiClient {

  static final String REFRESH_PATH = "/auth/token/refresh";

  private final WebClient client;
  private final AccountConfig account;
  private final Clock clock;
  private final long timeoutMs;
  private final String baseUrl;
  private final String authBaseUrl;
  private final AccountEvents events;
  private TokenKeeper tokens;

  LazadaApiClient(WebClient client, AccountConfig account, Clock clock, long timeoutMs, AccountEvents events) {
    this.client = client;
    this.account = account;
    this.clock = clock;
    this.timeoutMs = timeoutMs;
    this.events = events;
    this.baseUrl = HttpSupport.trimSlash(account.apiBaseUrl());
    this.authBaseUrl = HttpSupport.trimSlash(HttpSupport.option(account, "authBaseUrl", account.apiBaseUrl()));
  }

  void useTokens(TokenKeeper tokens) {
    this.tokens = tokens;
  }

  Future<JsonObject> get(String apiPath, Map<String, String> params) {
    return tokens.call(token -> call(false, baseUrl, apiPath, params, token)).map(LazadaApiClient::data);
  }

  /** A GET whose answer's {@code data} is a list (e.g. /orders/items/get). */
  Future<JsonArray> getList(String apiPath, Map<String, String> params) {
    return tokens.call(token -> call(false, baseUrl, apiPath, params, token))
        .map(body -> body.getValue("data") instanceof JsonArray list ? list : new JsonArray());
  }

  Future<JsonObject> post(String apiPath, Map<String, String> params) {
    return tokens.call(token -> call(true, baseUrl, apiPath, params, token)).map(LazadaApiClient::data);
  }

  private static JsonObject data(JsonObject body) {
    return body.getValue("data") instanceof JsonObject d ? d : new JsonObject();
  }

  Future<TokenSet> refresh(String refreshToken) {
    return call(true, authBaseUrl, REFRESH_PATH, Map.of("refresh_token", refreshToken), null).compose(r -> {
      String access = r.getString("access_token");
      String refresh = r.getString("refresh_token");
      if (access == null || refresh == null) {
        return Future.failedFuture(new AdapterException(ErrorKind.MALFORMED, null,
            "Lazada token refresh answered without access_token/refresh_token"));
      }
      Number expiresIn = r.getValue("expires_in") instanceof Number n ? n : null;
      Number refreshExpiresIn = r.getValue("refresh_expires_in") instanceof Number n ? n : null;
      return Future.succeededFuture(new TokenSet(access, refresh, TokenKeeper.expiresIn(clock, expiresIn),
          TokenKeeper.expiresIn(clock, refreshExpiresIn)));
    });
  }

  private Future<JsonObject> call(boolean post, String base, String apiPath, Map<String, String> apiParams,
                                  String accessToken) {
    Map<String, String> params = new LinkedHashMap<>(apiParams);
    params.put("app_key", account.credentials().appKey());
    params.put("timestamp", Long.toString(clock.millis()));
    params.put("sign_method", "sha256");
    if (accessToken != null) {
      params.put("access_token", accessToken);
    }
    params.put("sign", LazadaSigner.apiSign(account.credentials().appSecret(), apiPath, params, null));
    HttpRequest<Buffer> request = post ? client.postAbs(base + apiPath) : client.getAbs(base + apiPath);
    request.connectTimeout(timeoutMs).timeout(timeoutMs);
    Future<HttpResponse<Buffer>> sent;
    if (post) {
      MultiMap form = MultiMap.caseInsensitiveMultiMap();
      params.forEach(form::add);
      sent = request.sendForm(form);
    } else {
      params.forEach(request::addQueryParam);
      sent = request.send();
    }
    return sent.transform(ar -> ar.succeeded() ? answer(ar.result(), apiPath)
        : Future.failedFuture(counted(HttpSupport.transportFailure("Lazada", apiPath, ar.cause(), timeoutMs))));
  }

  private AdapterException counted(AdapterException e) {
    events.callFailed(account.accountId(), e.kind(), e.platformCode());
    if (e.kind() == ErrorKind.RATE_LIMITED) {
      events.rateLimited(account.accountId(), e.retryAfter());
    }
    return e;
  }

  /** The whole answer when it is a success; else the classified failure. */
  private Future<JsonObject> answer(HttpResponse<Buffer> response, String apiPath) {
    JsonObject body = HttpSupport.json(response.body());
    int status = response.statusCode();
    String code = body == null ? null : String.valueOf(body.getValue("code", "0"));
    String errCode = body == null ? null : body.getValue("err_code") == null ? null
        : String.valueOf(body.getValue("err_code"));
    boolean imFailed = body != null && (Boolean.FALSE.equals(body.getValue("success"))
        || (errCode != null && !"0".equals(errCode)));
    if (status / 100 == 2 && body != null && "0".equals(code) && !imFailed) {
      return Future.succeededFuture(body);
    }
    String platformCode = body == null ? "http_" + status : !"0".equals(code) ? code : errCode;
    String message = body == null ? null : body.getString("message", body.getString("err_message"));
    AdapterException e = new AdapterException(LazadaErrors.classify(platformCode, status), platformCode,
        "Lazada " + apiPath + " failed: " + platformCode + " (HTTP " + status + ")"
            + (message == null || message.isBlank() ? "" : ": " + message),
        HttpSupport.retryAfter(response.getHeader("Retry-After"), clock));
    return Future.failedFuture(counted(e));
  }
}
