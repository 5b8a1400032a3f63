package dev.unibox.adapters.shopee;

import static dev.unibox.adapters.shopee.ShopeeTestAccounts.CALLBACK_URL;
import static dev.unibox.adapters.shopee.ShopeeTestAccounts.SHOP_ID;
import static dev.unibox.adapters.shopee.ShopeeTestAccounts.await;
import static dev.unibox.adapters.shopee.ShopeeTestAccounts.failure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.adapters.shopee.fake.FakeShopee;
import dev.unibox.adapters.shopee.fake.PushOutcome;
import dev.unibox.adapters.spi.AdapterException;
import dev.unibox.adapters.spi.OutboundMessage;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** After a send timed out, the adapter can tell whether Shopee nevertheless took the message. */
@ExtendWith(VertxExtension.class)
class ShopeeFindDeliveredTest {

  private static final String BUYER = "412873650";

  private FakeShopee shopee;
  private ShopeeAdapter adapter;
  private String conversationId;

  @BeforeEach
  void setUp(Vertx vertx) {
    shopee = ShopeeTestAccounts.startFakeShopee(vertx, "http://127.0.0.1:9/unused");
    adapter = ShopeeTestAccounts.adapter(vertx, shopee, CALLBACK_URL, Map.of("requestTimeoutMs", "2000"));
    PushOutcome push = await(shopee.pushBuyerText(SHOP_ID, BUYER, "buyer", "hello?"));
    conversationId = push.conversationId();
  }

  @AfterEach
  void tearDown() {
    adapter.stop();
    await(shopee.stop());
  }

  @Test
  void aTimedOutSendThatShopeeProcessedIsFound() {
    Instant before = Instant.now();
    shopee.stallNextSends(1);
    OutboundMessage reply = new OutboundMessage("outbox-7", conversationId, BUYER, "text", "Shipped today!");
    Throwable timeout = failure(adapter.send(reply));
    assertThat(timeout).isInstanceOf(AdapterException.class);
    assertThat(adapter.mayHaveBeenDelivered((AdapterException) timeout)).isTrue();

    var found = await(adapter.findDelivered(reply, before, Set.of()));
    assertThat(found).isPresent();
    assertThat(found.get().platformMessageId()).isEqualTo(shopee.acceptedSends().get(0).getString("message_id"));
  }

  @Test
  void otherTextsKnownIdsAndOlderMessagesDoNotCount() {
    OutboundMessage first = new OutboundMessage("outbox-8", conversationId, BUYER, "text", "ok");
    String firstId = await(adapter.send(first)).platformMessageId();

    assertThat(await(adapter.findDelivered(first, Instant.now().minusSeconds(5), Set.of(firstId)))).isEmpty();
    assertThat(await(adapter.findDelivered(
        new OutboundMessage("outbox-9", conversationId, BUYER, "text", "not sent"), Instant.now().minusSeconds(5),
        Set.of()))).isEmpty();
    assertThat(await(adapter.findDelivered(first, Instant.now().plusSeconds(3600), Set.of()))).isEmpty();
  }

  @Test
  void aRefusedConnectionIsNotAmbiguous() {
    AdapterException refused = new AdapterException(dev.unibox.adapters.spi.ErrorKind.TRANSIENT,
        ShopeeErrors.CONNECTION_REFUSED, "refused");
    assertThat(adapter.mayHaveBeenDelivered(refused)).isFalse();
  }
}
