package dev.unibox.adapters.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.adapters.bridge.fake.FakeMerchantIntegration;
import dev.unibox.adapters.contract.FakeServerDriver;
import dev.unibox.adapters.contract.PlatformAdapterContract;
import dev.unibox.adapters.spi.AccountConfig;
import dev.unibox.adapters.spi.AccountCredentials;
import dev.unibox.adapters.spi.ErrorKind;
import dev.unibox.adapters.spi.PlatformAdapters;
import dev.unibox.adapters.spi.PlatformProfile;
import dev.unibox.adapters.spi.PushRequest;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bridge channel (here as Pinduoduo) passes the adapter contract against a fake merchant integration. */
class BridgeContractTest extends PlatformAdapterContract {

  static final String SECRET = "bridge-shared-secret-0123456789";
  static final String SHOP = "pdd-shop-42";

  BridgeContractTest() {
    super(new BridgeAdapterFactory.Pinduoduo(), MerchantFake::new);
  }

  @Test
  void replayedPushOutsideTheWindowIsRejected() {
    Delivered d = await(fake.buyerWrites("old", "Old", "hello"));
    clock.advance(Duration.ofMinutes(6));

    Throwable t = failure(adapter.receivePush(new PushRequest(d.headers(), d.body())));

    assertThat(t).isInstanceOfSatisfying(dev.unibox.adapters.spi.AdapterException.class,
        e -> assertThat(e.kind()).isEqualTo(ErrorKind.BAD_SIGNATURE));
  }

  @Test
  void aRetriedReplyWithTheSameIdempotencyKeyIsDeliveredOnce() {
    Delivered d = await(fake.buyerWrites("rex", "Rex", "hello"));
    var reply = new dev.unibox.adapters.spi.OutboundMessage("outbox-77", d.conversationId(), d.buyerId(), "text", "hi");

    String first = await(adapter.send(reply)).platformMessageId();
    String again = await(adapter.send(reply)).platformMessageId();

    assertThat(again).isEqualTo(first);
    assertThat(fake.sends()).hasSize(1);
  }

  @Test
  void theIntegrationsOrderEventsArriveSignedAndMapped() {
    FakeMerchantIntegration merchant = ((MerchantFake) fake).server();
    java.time.Instant placed = java.time.Instant.ofEpochMilli(clock.millis()).minusSeconds(600);

    FakeMerchantIntegration.Push push = await(merchant.orderChanged("buyer-ann", "pdd-order-1", "PAID", placed));

    assertThat(push.status()).isEqualTo(200);
    assertThat(webhook.received()).isEmpty();
    assertThat(webhook.orders()).singleElement().satisfies(o -> {
      assertThat(o.accountId()).isEqualTo(account.accountId());
      assertThat(o.orderId()).isEqualTo("pdd-order-1");
      assertThat(o.platformBuyerId()).isEqualTo("buyer-ann");
      assertThat(o.status()).isEqualTo("PAID");
      assertThat(o.placedAt()).isEqualTo(placed);
      assertThat(o.at()).isEqualTo(java.time.Instant.ofEpochMilli(clock.millis()));
    });
    // an order event without its buyer is malformed, not stored
    String broken = push.body().replace("\"buyer_id\":\"buyer-ann\",", "");
    long ts = clock.instant().getEpochSecond();
    Throwable t = failure(adapter.receivePush(new PushRequest(MultiMap.caseInsensitiveMultiMap()
        .add(BridgeSigner.TIMESTAMP_HEADER, Long.toString(ts))
        .add(BridgeSigner.SIGNATURE_HEADER, BridgeSigner.sign(SECRET, ts, broken.getBytes())), Buffer.buffer(broken))));
    assertThat(t).isInstanceOfSatisfying(dev.unibox.adapters.spi.AdapterException.class,
        e -> assertThat(e.kind()).isEqualTo(ErrorKind.MALFORMED));
  }

  @Test
  void everyClosedPlatformHasAFactoryAndItsProfile() {
    for (String platform : List.of("pinduoduo", "taobao", "douyin", "kuaishou")) {
      PlatformProfile profile = PlatformAdapters.factory(platform).profile();
      assertThat(profile.channel()).isEqualTo("bridge");
    }
    assertThat(PlatformAdapters.factory("pinduoduo").profile().metrics())
        .anySatisfy(m -> {
          assertThat(m.responseWithin()).isEqualTo("PT5M");
          assertThat(m.window()).contains("08:00-23:00");
        })
        .anySatisfy(m -> assertThat(m.responseWithin()).isEqualTo("PT48H"));
    assertThat(PlatformAdapters.factory("kuaishou").profile().metrics())
        .anySatisfy(m -> assertThat(m.window()).isEqualTo("natural week"))
        .anySatisfy(m -> assertThat(m.target()).isEqualTo("<= 6%"));
    assertThat(PlatformAdapters.factory("shopee").profile().metrics())
        .singleElement().satisfies(m -> {
          assertThat(m.responseWithin()).isEqualTo("PT12H");
          assertThat(m.excludesAutoReplies()).isTrue();
        });
  }

  static final class MerchantFake extends FakeServerDriver<FakeMerchantIntegration> {

    MerchantFake() {
      super(SHOP, "/webhooks/pinduoduo",
          (vertx, clock) -> new FakeMerchantIntegration(vertx, "pdd", SHOP, SECRET, clock));
    }

    @Override
    public AccountConfig account(String callbackUrl) {
      server.pushTo(callbackUrl);
      return new AccountConfig("pdd-contract", "pinduoduo", SHOP, "PDD Shop", "CN", "Asia/Shanghai",
          server.callbackUrl(), callbackUrl, new AccountCredentials("pdd-integration", SECRET, null, null),
          Map.of());
    }

    @Override
    public Future<Delivered> buyerWrites(String buyer, String buyerName, String text) {
      return server.buyerWrites("buyer-" + buyer, buyerName, "conv-" + buyer, text).map(p -> delivered(p.status(),
          p.messageId(), p.conversationId(), "buyer-" + buyer, text, p.body(), MultiMap.caseInsensitiveMultiMap()
              .add(BridgeSigner.TIMESTAMP_HEADER, Long.toString(p.timestamp()))
              .add(BridgeSigner.SIGNATURE_HEADER, p.signature()),
          () -> server.repush(p)));
    }

    @Override
    public List<Sent> sends() {
      return server.delivered().stream().map(s -> new Sent(s.getString("conversation_id"), s.getString("type"),
          s.getString("text"), s.getString("message_id"))).toList();
    }

    @Override
    public List<String> reads() {
      return server.reads().stream().map(r -> r.getString("conversation_id")).toList();
    }
  }
}
