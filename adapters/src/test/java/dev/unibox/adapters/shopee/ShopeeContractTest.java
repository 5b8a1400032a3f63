package dev.unibox.adapters.shopee;

import dev.unibox.adapters.contract.ContractDriver;
import dev.unibox.adapters.contract.MutableClock;
import dev.unibox.adapters.contract.PlatformAdapterContract;
import dev.unibox.adapters.fake.PushFaults;
import dev.unibox.adapters.shopee.fake.FakeShopee;
import dev.unibox.adapters.spi.AccountConfig;
import dev.unibox.adapters.spi.AccountCredentials;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Shopee passes the adapter contract against {@link FakeShopee}. */
class ShopeeContractTest extends PlatformAdapterContract {

  static final long PARTNER_ID = 2_009_001L;
  static final String PARTNER_KEY = "contract-partner-key-0123456789";
  static final long SHOP_ID = 660_001L;

  ShopeeContractTest() {
    super(new ShopeeAdapterFactory(), ShopeeFake::new);
  }

  /** Drives {@link FakeShopee}: buyers are given stable numeric Shopee user ids. */
  static final class ShopeeFake extends ContractDriver {

    private FakeShopee shopee;

    @Override
    public Future<Void> start(Vertx vertx, MutableClock clock) {
      shopee = new FakeShopee(vertx, PARTNER_ID, PARTNER_KEY, clock);
      return shopee.start(0).mapEmpty();
    }

    @Override
    public boolean addOrder(String buyerId, String orderId, String status, String total, String currency,
                            Instant createdAt, List<String> items) {
      shopee.addOrder(SHOP_ID, orderId, Long.parseLong(buyerId), status, total, currency, createdAt, items);
      return true;
    }

    @Override
    public Future<Void> stop() {
      return shopee.stop();
    }

    @Override
    public AccountConfig account(String callbackUrl) {
      shopee.addShop(SHOP_ID, "contract.shop", "access-0", "refresh-0", callbackUrl);
      return new AccountConfig("shopee-contract", "shopee", Long.toString(SHOP_ID), "Contract Shop", "MY",
          "Asia/Kuala_Lumpur", shopee.baseUrl(), callbackUrl,
          new AccountCredentials(Long.toString(PARTNER_ID), PARTNER_KEY, "access-0", "refresh-0"),
          Map.of("pollMessagePageSize", "10"));
    }

    @Override
    public String webhookPath() {
      return "/webhooks/shopee";
    }

    @Override
    public Future<Delivered> buyerWrites(String buyer, String buyerName, String text) {
      String buyerId = buyerId(buyer, n -> Long.toString(900_000_000L + n));
      return shopee.pushBuyerText(SHOP_ID, buyerId, buyerName, text).map(o -> delivered(o.statusCode(),
          o.messageId(), o.conversationId(), buyerId, text, o.body(), MultiMap.caseInsensitiveMultiMap()
              .add("Authorization", o.authorization()).add("Content-Type", "application/json"),
          () -> shopee.repush(o)));
    }

    @Override
    public PushFaults faults() {
      return shopee.pushFaults();
    }

    @Override
    public List<Sent> sends() {
      return shopee.acceptedSends().stream().map(ShopeeFake::sent).toList();
    }

    private static Sent sent(JsonObject s) {
      JsonObject content = s.getJsonObject("content");
      String type = s.getString("message_type");
      String value = switch (type) {
        case "text" -> content.getString("text");
        case "image" -> content.getString("image_url");
        case "item" -> String.valueOf(content.getValue("item_id"));
        case "order" -> content.getString("order_sn");
        default -> content.encode();
      };
      return new Sent(s.getValue("to_id").toString(), type, value, s.getString("message_id"));
    }

    @Override
    public int rejectedCalls() {
      return shopee.rejectedCalls();
    }

    @Override
    public void expireAccessToken() {
      shopee.expireAccessToken(SHOP_ID);
    }

    @Override
    public void expireRefreshToken() {
      shopee.expireRefreshToken(SHOP_ID);
    }

    @Override
    public int refreshes() {
      return shopee.refreshes();
    }

    @Override
    public void rateLimitNextCalls(int n, long retryAfterSeconds) {
      shopee.rateLimitNextCalls(n, retryAfterSeconds);
    }

    @Override
    public void failNextSendsTransiently(int n) {
      shopee.failNextSends(n, "system_busy");
    }

    @Override
    public List<String> reads() {
      return shopee.reads().stream().map(r -> r.getString("conversation_id")).toList();
    }
  }
}
