package dev.unibox.adapters.shopee;

import dev.unibox.adapters.spi.AccountConfig;
import dev.unibox.adapters.spi.AdapterException;
import dev.unibox.adapters.spi.ErrorKind;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Signed calls to one shop's Shopee API. Answers the {@code response} object of a successful call, or
 * fails with a classified {@link AdapterException}. Secrets travel only in the query string of the
 * request itself: they are never put into an exception message (Vert.x's own timeout messages contain
 * the full URI, so those are never passed on).
 */
final class ShopeeApiClient {

  private static final Pattern HEX_SIGN = Pattern.compile("[0-9a-fA-F]{64}");

  private final WebClient client;
  private final AccountConfig account;
  private final Clock clock;
  private final long timeoutMs;
  private final String baseUrl;

  ShopeeApiClient(WebClient client, AccountConfig account, Clock clock, long timeoutMs) {
    this.client = client;
    this.account = account;
    this.clock = clock;
    this.timeoutMs = timeoutMs;
    String base = account.apiBaseUrl();
    this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  Future<JsonObject> post(String apiPath, JsonObject body) {
    if (hasNoAccessToken()) {
      return Future.failedFuture(noAccessToken(apiPath));
    }
    return handle(signed(HttpMethod.POST, apiPath)
        .putHeader("Content-Type", "application/json")
        .sendBuffer(body.toBuffer()), apiPath);
  }

  Future<JsonObject> get(String apiPath, Map<String, String> params) {
    if (hasNoAccessToken()) {
      return Future.failedFuture(noAccessToken(apiPath));
    }
    HttpRequest<Buffer> request = signed(HttpMethod.GET, apiPath);
    params.forEach(request::addQueryParam);
    return handle(request.send(), apiPath);
  }

  private boolean hasNoAccessToken() {
    String token = account.credentials().accessToken();
    return token == null || token.isBlank();
  }

  private AdapterException noAccessToken(String apiPath) {
    return new AdapterException(ErrorKind.TOKEN_EXPIRED, null,
        "No access token for shop " + account.shopId() + "; cannot call " + apiPath);
  }

  private HttpRequest<Buffer> signed(HttpMethod method, String apiPath) {
    String partnerId = account.credentials().appKey();
    String accessToken = account.credentials().accessToken();
    long timestamp = clock.instant().getEpochSecond();
    String sign = ShopeeSigner.apiSign(
        account.credentials().appSecret(), partnerId, apiPath, timestamp, accessToken, account.shopId());
    return client.requestAbs(method, baseUrl + apiPath)
        .addQueryParam("partner_id", partnerId)
        .addQueryParam("timestamp", Long.toString(timestamp))
        .addQueryParam("sign", sign)
        .addQueryParam("shop_id", account.shopId())
        .addQueryParam("access_token", accessToken)
        .connectTimeout(timeoutMs)
        .timeout(timeoutMs);
  }

  private Future<JsonObject> handle(Future<HttpResponse<Buffer>> call, String apiPath) {
    return call.transform(ar -> ar.succeeded()
        ? answer(ar.result(), apiPath)
        : Future.failedFuture(failure(ar.cause(), apiPath)));
  }

  private Future<JsonObject> answer(HttpResponse<Buffer> response, String apiPath) {
    int status = response.statusCode();
    JsonObject body = parseJson(response.body());
    String error = body == null ? null : body.getString("error");
    boolean hasError = error != null && !error.isEmpty();
    if (status / 100 == 2 && !hasError) {
      if (body == null) {
        return Future.failedFuture(new AdapterException(ErrorKind.MALFORMED, null,
            "Shopee " + apiPath + " answered HTTP " + status + " with a body that is not a JSON object"));
      }
      JsonObject result = body.getJsonObject("response");
      return Future.succeededFuture(result == null ? new JsonObject() : result);
    }
    ErrorKind kind = ShopeeErrors.classify(error, status);
    String code = hasError ? error : "http_" + status;
    StringBuilder message = new StringBuilder("Shopee ").append(apiPath).append(" failed: ").append(code)
        .append(" (HTTP ").append(status).append(')');
    if (body != null && body.getString("message") != null && !body.getString("message").isBlank()) {
      message.append(": ").append(redact(body.getString("message")));
    }
    if (body != null && body.getString("request_id") != null) {
      message.append(" [request_id ").append(body.getString("request_id")).append(']');
    }
    return Future.failedFuture(
        new AdapterException(kind, code, message.toString(), retryAfter(response.getHeader("Retry-After"))));
  }

  private AdapterException failure(Throwable cause, String apiPath) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof UnknownHostException) {
        return new AdapterException(ErrorKind.TRANSIENT, ShopeeErrors.CONNECTION_REFUSED,
            "Could not reach Shopee for " + apiPath + " (" + t.getClass().getSimpleName() + "); nothing was sent");
      }
      if (t instanceof TimeoutException) {
        return new AdapterException(ErrorKind.TRANSIENT, ShopeeErrors.TIMEOUT,
            "Shopee did not answer " + apiPath + " within " + timeoutMs
                + " ms; it may or may not have processed the call");
      }
    }
    return new AdapterException(ErrorKind.TRANSIENT, ShopeeErrors.CONNECTION_LOST,
        "Connection to Shopee broke during " + apiPath + " (" + cause.getClass().getSimpleName()
            + "); it may or may not have processed the call");
  }

  private String redact(String text) {
    String out = HEX_SIGN.matcher(text).replaceAll("***");
    for (String secret : new String[] {
        account.credentials().appSecret(), account.credentials().accessToken(), account.credentials().refreshToken()}) {
      if (secret != null && !secret.isEmpty()) {
        out = out.replace(secret, "***");
      }
    }
    return out;
  }

  private static JsonObject parseJson(Buffer body) {
    if (body == null || body.length() == 0) {
      return null;
    }
    try {
      return new JsonObject(body);
    } catch (RuntimeException notJson) {
      return null;
    }
  }

  private static Duration retryAfter(String header) {
    if (header == null) {
      return null;
    }
    try {
      long seconds = Long.parseLong(header.trim());
      return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
    } catch (NumberFormatException httpDate) {
      return null;
    }
  }
}
