package dev.unibox.adapters.shopee;

import static dev.unibox.adapters.shopee.ShopeeTestAccounts.await;

import dev.unibox.adapters.contract.ContractWebhook;
import dev.unibox.adapters.shopee.fake.FakeShopee;
import io.vertx.core.Vertx;
import java.util.Map;

/**
 * The test shop on a fake Shopee whose pushes go to a local webhook that verifies them with the adapter under
 * test: the set-up of the tests that follow pushes end to end.
 */
public record ShopeeRig(ContractWebhook webhook, FakeShopee shopee, ShopeeAdapter adapter) implements AutoCloseable {

  private static final String WEBHOOK_PATH = "/webhooks/shopee";

  public static ShopeeRig start(Vertx vertx) {
    ContractWebhook webhook = await(new ContractWebhook(vertx).start());
    String url = webhook.url(WEBHOOK_PATH);
    FakeShopee shopee = ShopeeTestAccounts.startFakeShopee(vertx, url);
    ShopeeAdapter adapter = ShopeeTestAccounts.adapter(vertx, shopee, url, Map.of());
    webhook.verifyWith(adapter);
    return new ShopeeRig(webhook, shopee, adapter);
  }

  /** Where the test shop's pushes go; the push signature covers it. */
  public String webhookUrl() {
    return webhook.url(WEBHOOK_PATH);
  }

  @Override
  public void close() {
    adapter.stop();
    await(shopee.stop());
    await(webhook.stop());
  }
}
