package dev.unibox.adapters.shopee;

import dev.unibox.adapters.spi.AccountConfig;
import dev.unibox.adapters.spi.AccountEvents;
import dev.unibox.adapters.spi.AdapterException;
import dev.unibox.adapters.spi.ErrorKind;
import dev.unibox.adapters.spi.TokenSet;
import dev.unibox.adapters.support.HttpSupport;
import dev.unibox.adapters.support.PlatformApiClient;
import dev.unibox.adapters.support.TokenKeeper;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.multipart.MultipartForm;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Signed calls to one shop's Shopee API. Answers the {@code response} object of a successful call, or
 * fails with a classified {@link AdapterException}. Shop calls go through the {@link TokenKeeper}: a fresh
 * access token before expiry, refresh and one retry on a token-expired answer. Secrets travel only in the
 * query string of the request itself: they are never put into an exception message (Vert.x's own timeout
 * messages contain the full URI, so those are never passed on).
 */
final class ShopeeApiClient extends PlatformApiClient {

  private static final Pattern HEX_SIGN = Pattern.compile("[0-9a-fA-F]{64}");

  ShopeeApiClient(WebClient client, AccountConfig account, Clock clock, long timeoutMs, AccountEvents events) {
    super("Shopee", client, account, clock, timeoutMs, events);
  }

  Future<JsonObject> post(String apiPath, JsonObject body) {
    return tokens().call(token -> handle(signed(HttpMethod.POST, apiPath, token)
        .putHeader("Content-Type", "application/json")
        .sendBuffer(body.toBuffer()), apiPath, false));
  }

  Future<JsonObject> get(String apiPath, Map<String, String> params) {
    return tokens().call(token -> {
      HttpRequest<Buffer> request = signed(HttpMethod.GET, apiPath, token);
      params.forEach(request::addQueryParam);
      return handle(request.send(), apiPath, false);
    });
  }

  /** Multipart upload of one file in the form field {@code file}. */
  Future<JsonObject> upload(String apiPath, byte[] bytes, String fileName) {
    String name = fileName == null || fileName.isBlank() ? "image.jpg" : fileName;
    String mediaType = name.toLowerCase().endsWith(".png") ? "image/png" : "image/jpeg";
    return tokens().call(token -> handle(signed(HttpMethod.POST, apiPath, token)
        .sendMultipartForm(MultipartForm.create().binaryFileUpload("file", name, Buffer.buffer(bytes), mediaType)),
        apiPath, false));
  }

  /**
   * A partner-level call (no shop, no access token: sign = partner_id + path + timestamp). Answers the whole
   * body when {@code wholeBody} (the auth endpoints answer at the top level), else its {@code response}.
   */
  Future<JsonObject> postPartner(String apiPath, JsonObject body, boolean wholeBody) {
    return handle(signed(HttpMethod.POST, apiPath, null).putHeader("Content-Type", "application/json")
        .sendBuffer(body.toBuffer()), apiPath, wholeBody);
  }

  Future<JsonObject> getPartner(String apiPath) {
    return handle(signed(HttpMethod.GET, apiPath, null).send(), apiPath, false);
  }

  /** {@code POST /api/v2/auth/access_token/get}: a new access token and a new (single-use) refresh token. */
  @Override
  public Future<TokenSet> refresh(String refreshToken) {
    JsonObject body = new JsonObject()
        .put("refresh_token", refreshToken)
        .put("partner_id", ShopeeIds.toJsonNumber(account.credentials().appKey()))
        .put("shop_id", ShopeeIds.toJsonNumber(account.shopId()));
    return postPartner(ShopeePaths.REFRESH_TOKEN, body, true).compose(r -> {
      String access = r.getString("access_token");
      String refresh = r.getString("refresh_token");
      if (access == null || access.isBlank() || refresh == null || refresh.isBlank()) {
        return Future.failedFuture(new AdapterException(ErrorKind.MALFORMED, null,
            "Shopee access_token/get answered without access_token/refresh_token"));
      }
      Number expireIn = r.getValue("expire_in") instanceof Number n ? n : null;
      // A refresh token is valid 30 days [verified]; the response does not state it.
      return Future.succeededFuture(new TokenSet(access, refresh, TokenKeeper.expiresIn(clock, expireIn),
          clock.instant().plusSeconds(30L * 24 * 3600)));
    }).recover(e -> {
      // An unusable refresh token answers error_param on some versions; the dead codes are classified already.
      if (e instanceof AdapterException ae && ae.kind() == ErrorKind.PERMANENT
          && ae.getMessage() != null && ae.getMessage().toLowerCase().contains("refresh")) {
        return Future.failedFuture(new AdapterException(ErrorKind.TOKEN_DEAD, ae.platformCode(), ae.getMessage()));
      }
      return Future.failedFuture(e);
    });
  }

  /**
   * A request signed as Shopee checks it: a shop call (sign over partner_id, path, timestamp, access_token,
   * shop_id) or, when {@code accessToken} is null, a partner-level one (partner_id, path and timestamp only).
   */
  private HttpRequest<Buffer> signed(HttpMethod method, String apiPath, String accessToken) {
    String partnerId = account.credentials().appKey();
    long timestamp = clock.instant().getEpochSecond();
    String shopId = accessToken == null ? null : account.shopId();
    String sign = ShopeeSigner.apiSign(account.credentials().appSecret(), partnerId, apiPath, timestamp, accessToken,
        shopId);
    HttpRequest<Buffer> request = client.requestAbs(method, baseUrl + apiPath)
        .addQueryParam("partner_id", partnerId)
        .addQueryParam("timestamp", Long.toString(timestamp))
        .addQueryParam("sign", sign)
        .connectTimeout(timeoutMs)
        .timeout(timeoutMs);
    return accessToken == null ? request
        : request.addQueryParam("shop_id", shopId).addQueryParam("access_token", accessToken);
  }

  private Future<JsonObject> handle(Future<HttpResponse<Buffer>> call, String apiPath, boolean wholeBody) {
    return call.transform(ar -> ar.succeeded()
        ? answer(ar.result(), apiPath, wholeBody)
        : Future.failedFuture(counted(transportFailure(apiPath, ar.cause()))));
  }

  private Future<JsonObject> answer(HttpResponse<Buffer> response, String apiPath, boolean wholeBody) {
    int status = response.statusCode();
    JsonObject body = HttpSupport.json(response.body());
    String error = body == null ? null : body.getString("error");
    boolean hasError = error != null && !error.isEmpty();
    if (status / 100 == 2 && !hasError) {
      if (body == null) {
        return Future.failedFuture(counted(new AdapterException(ErrorKind.MALFORMED, null,
            "Shopee " + apiPath + " answered HTTP " + status + " with a body that is not a JSON object")));
      }
      if (wholeBody) {
        return Future.succeededFuture(body);
      }
      JsonObject result = body.getJsonObject("response");
      return Future.succeededFuture(result == null ? new JsonObject() : result);
    }
    ErrorKind kind = ShopeeErrors.classify(error, status);
    String code = hasError ? error : "http_" + status;
    String message = body == null || body.getString("message") == null ? null : redact(body.getString("message"));
    String requestId = body == null || body.getString("request_id") == null ? ""
        : " [request_id " + body.getString("request_id") + "]";
    return Future.failedFuture(refused(kind, code, apiPath, response, colonMessage(message) + requestId));
  }

  private String redact(String text) {
    String out = HEX_SIGN.matcher(text).replaceAll("***");
    TokenSet live = tokens() == null ? null : tokens().current();
    for (String secret : new String[] {account.credentials().appSecret(), account.credentials().accessToken(),
        account.credentials().refreshToken(), live == null ? null : live.accessToken(),
        live == null ? null : live.refreshToken()}) {
      if (secret != null && !secret.isEmpty()) {
        out = out.replace(secret, "***");
      }
    }
    return out;
  }
}
