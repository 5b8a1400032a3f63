package dev.unibox.adapters.shopee.fake;

import dev.unibox.adapters.shopee.ShopeeSigner;
import dev.unibox.adapters.shopee.fake.FakeShopeeState.Shop;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Verifies a call the way Shopee does: partner_id, a timestamp within 300 s, the sign, and for shop calls the
 * shop and its access token. A refused call is answered here and counted.
 */
final class FakeShopeeCallCheck {

  private static final long MAX_CLOCK_SKEW_SECONDS = 300;

  private final long partnerId;
  private final String partnerKey;
  private final Clock clock;
  private final FakeShopeeState state;
  private final AtomicInteger rejected = new AtomicInteger();

  FakeShopeeCallCheck(long partnerId, String partnerKey, Clock clock, FakeShopeeState state) {
    this.partnerId = partnerId;
    this.partnerKey = partnerKey;
    this.clock = clock;
    this.state = state;
  }

  int rejectedCalls() {
    return rejected.get();
  }

  /** A shop call (sign over partner_id, path, timestamp, access_token, shop_id): the shop, or null when refused. */
  Shop shop(RoutingContext ctx, String apiPath) {
    String shopIdParam = ctx.request().getParam("shop_id");
    String accessToken = ctx.request().getParam("access_token");
    if (!signed(ctx, apiPath, accessToken, shopIdParam)) {
      return null;
    }
    Shop shop = null;
    try {
      shop = shopIdParam == null ? null : state.shop(Long.parseLong(shopIdParam));
    } catch (NumberFormatException ignored) {
      // unknown shop, answered below
    }
    if (shop == null || accessToken == null || !state.tokens.accessTokenValid(shop.shopId(), accessToken)) {
      reject(ctx, 403, "invalid_acceess_token", "Invalid access_token.");
      return null;
    }
    return shop;
  }

  /** A partner-level call (sign over partner_id, path and timestamp only): false when refused. */
  boolean partner(RoutingContext ctx, String apiPath) {
    return signed(ctx, apiPath, null, null);
  }

  private boolean signed(RoutingContext ctx, String apiPath, String accessToken, String shopId) {
    String partner = ctx.request().getParam("partner_id");
    String timestamp = ctx.request().getParam("timestamp");
    String sign = ctx.request().getParam("sign");
    for (String[] required : new String[][] {{"partner_id", partner}, {"timestamp", timestamp}, {"sign", sign}}) {
      if (required[1] == null || required[1].isEmpty()) {
        return reject(ctx, 400, "error_param", "Missing required parameter: " + required[0] + ".");
      }
    }
    if (!partner.equals(Long.toString(partnerId))) {
      return reject(ctx, 400, "error_param", "Invalid partner_id.");
    }
    long ts;
    try {
      ts = Long.parseLong(timestamp);
    } catch (NumberFormatException e) {
      return reject(ctx, 400, "error_param", "Invalid timestamp.");
    }
    if (Math.abs(clock.instant().getEpochSecond() - ts) > MAX_CLOCK_SKEW_SECONDS) {
      return reject(ctx, 400, "error_param", "Timestamp is expired.");
    }
    String expected = ShopeeSigner.apiSign(partnerKey, partner, apiPath, ts, accessToken, shopId);
    if (!ShopeeSigner.constantTimeEquals(expected, sign)) {
      return reject(ctx, 403, "error_sign", "Wrong sign.");
    }
    return true;
  }

  private boolean reject(RoutingContext ctx, int status, String code, String message) {
    rejected.incrementAndGet();
    FakeShopeeReplies.error(ctx, status, code, message);
    return false;
  }
}
