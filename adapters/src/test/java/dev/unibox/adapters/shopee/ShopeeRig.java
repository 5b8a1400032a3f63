package dev.unibox.adapters.shopee;

import static dev.unibox.adapters.shopee.ShopeeTestAccounts.await;

import dev.unibox.adapters.shopee.fake.FakeShopee;
import io.vertx.core.Vertx;
import java.util.Map;

/**
 * The test shop on a fake Shopee whose pushes go to a local webhook that verifies them with the adapter under
 * test: the set-up of the tests that follow pushes end to end.
 */
public final class ShopeeRig implements AutoCloseable {

  public final TestWebhook webhook;
  public final FakeShopee shopee;
  public final ShopeeAdapter adapter;

  private ShopeeRig(TestWebhook webhook, FakeShopee shopee, ShopeeAdapter adapter) {
    this.webhook = webhook;
    this.shopee = shopee;
    this.adapter = adapter;
  }

  public static ShopeeRig start(Vertx vertx) {
    TestWebhook webhook = await(new TestWebhook(vertx).start());
    FakeShopee shopee = ShopeeTestAccounts.startFakeShopee(vertx, webhook.url());
    ShopeeAdapter adapter = ShopeeTestAccounts.adapter(vertx, shopee, webhook.url(), Map.of());
    webhook.verifyWith(adapter);
    return new ShopeeRig(webhook, shopee, adapter);
  }

  @Override
  public void close() {
    adapter.stop();
    await(shopee.stop());
    await(webhook.stop());
  }
}
