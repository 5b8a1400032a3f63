package dev.unibox.adapters.lazada.fake;

import dev.unibox.adapters.lazada.LazadaSigner;
import dev.unibox.adapters.support.Signatures;
import dev.unibox.adapters.testkit.FakeTokens;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the fake Lazada checks a call and answers it: app_key, a timestamp in ms within 7200 s, sign_method
 * sha256 and the UPPER-hex HMAC-SHA256 sign over api_path + sorted k+v, then the seller's access token; the
 * error envelope ({@code type ISV, code, message}), the IM envelope ({@code success, err_code}) and the
 * non-IM success ({@code code "0", data}). A refused call is answered here and counted.
 */
final class FakeLazadaCalls {

  /** A call made by a seller whose access token is valid. */
  interface SellerHandler {
    void handle(RoutingContext ctx, String sellerId, MultiMap params);
  }

  private static final String ID_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

  private final String appKey;
  private final String appSecret;
  private final Clock clock;
  private final FakeTokens tokens;
  private final Runnable countRejected;
  private final SecureRandom random = new SecureRandom();

  FakeLazadaCalls(String appKey, String appSecret, Clock clock, FakeTokens tokens, Runnable countRejected) {
    this.appKey = appKey;
    this.appSecret = appSecret;
    this.clock = clock;
    this.tokens = tokens;
    this.countRejected = countRejected;
  }

  static MultiMap params(RoutingContext ctx) {
    return MultiMap.caseInsensitiveMultiMap().addAll(ctx.request().params());
  }

  /** Runs {@code handler} for the seller of a signed call with a valid access token. */
  void withSeller(RoutingContext ctx, String apiPath, SellerHandler handler) {
    MultiMap params = params(ctx);
    if (!verified(ctx, apiPath, params)) {
      return;
    }
    String sellerId = tokens.shopOf(params.get("access_token"));
    if (sellerId == null) {
      reject(ctx, "IllegalAccessToken", "The specified access token is invalid or expired");
      return;
    }
    handler.handle(ctx, sellerId, params);
  }

  /** Verifies app_key, timestamp, sign; answers the error itself and returns false. */
  boolean verified(RoutingContext ctx, String apiPath, MultiMap params) {
    String ts = params.get("timestamp");
    if (!appKey.equals(params.get("app_key")) || ts == null || !"sha256".equals(params.get("sign_method"))) {
      return reject(ctx, "MissingParameter", "app_key, timestamp and sign_method=sha256 are required");
    }
    try {
      if (Math.abs(clock.millis() - Long.parseLong(ts)) > 7_200_000L) {
        return reject(ctx, "InvalidTimestamp", "timestamp is out of range");
      }
    } catch (NumberFormatException e) {
      return reject(ctx, "InvalidTimestamp", "timestamp is invalid");
    }
    Map<String, String> flat = new LinkedHashMap<>();
    params.forEach(e -> flat.put(e.getKey(), e.getValue()));
    String expected = LazadaSigner.apiSign(appSecret, apiPath, flat, null);
    if (!Signatures.hexEquals(expected, params.get("sign")) || !expected.equals(params.get("sign"))) {
      return reject(ctx, "IncompleteSignature", "The request signature does not conform to platform standards");
    }
    return true;
  }

  private boolean reject(RoutingContext ctx, String code, String message) {
    countRejected.run();
    error(ctx, code, message);
    return false;
  }

  void imOk(RoutingContext ctx, JsonObject data) {
    json(ctx, new JsonObject().put("code", "0").put("success", true).put("err_code", "0").put("err_message", "")
        .put("data", data).put("request_id", randomId()));
  }

  void imError(RoutingContext ctx, String message) {
    json(ctx, new JsonObject().put("code", "0").put("success", false).put("err_code", "1")
        .put("err_message", message).put("request_id", randomId()));
  }

  /** A successful non-IM answer: {@code code "0"} and the data (an object or, for some calls, a list). */
  void ok(RoutingContext ctx, Object data) {
    json(ctx, new JsonObject().put("code", "0").put("data", data).put("request_id", randomId()));
  }

  void error(RoutingContext ctx, String code, String message) {
    json(ctx, new JsonObject().put("type", "ISV").put("code", code).put("message", message)
        .put("request_id", randomId()));
  }

  /** An alphanumeric id like Lazada's message and request ids: not sortable. */
  String randomId() {
    StringBuilder b = new StringBuilder("3_");
    for (int i = 0; i < 18; i++) {
      b.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
    }
    return b.toString();
  }

  private static void json(RoutingContext ctx, JsonObject body) {
    ctx.response().putHeader("Content-Type", "application/json").end(body.encode());
  }
}
