package dev.unibox.adapters.tiktok;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.adapters.contract.FakeServerDriver;
import dev.unibox.adapters.contract.PlatformAdapterContract;
import dev.unibox.adapters.spi.AccountConfig;
import dev.unibox.adapters.spi.AccountCredentials;
import dev.unibox.adapters.spi.ErrorKind;
import dev.unibox.adapters.spi.InboundMessage;
import dev.unibox.adapters.tiktok.fake.FakeTikTokShop;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** TikTok Shop passes the adapter contract against {@link FakeTikTokShop}; plus TikTok-only checks. */
class TikTokContractTest extends PlatformAdapterContract {

  static final String APP_KEY = "6abc123";
  static final String APP_SECRET = "tts-contract-secret";
  static final String SHOP = "7494001";
  static final String CIPHER = "ROW_contract_cipher";

  TikTokContractTest() {
    super(new TikTokAdapterFactory(), TikTokFake::new);
  }

  @Test
  void invisibleMessagesAreSkippedAndTheRestOrderedByIndex() {
    TikTokFake f = (TikTokFake) fake;
    f.faults().dropNext(3);
    Delivered first = await(f.buyerWrites("una", "Una", "same second 1"));
    f.server().addInvisibleMessage(first.conversationId());
    await(f.buyerWrites("una", "Una", "same second 2"));
    await(f.buyerWrites("una", "Una", "same second 3"));

    List<InboundMessage> found = await(adapter.poll(null)).messages();

    assertThat(found).extracting(InboundMessage::text)
        .containsExactly("same second 1", "same second 2", "same second 3");
  }

  @Test
  void webhookOnlyNamesTheMessageWhichIsFetched() {
    Delivered d = await(fake.buyerWrites("vic", "Vic", "fetch me"));

    JsonObject push = new JsonObject(d.body().toString());

    assertThat(push.getJsonObject("data").containsKey("content")).isFalse();
    until(() -> !webhook.received().isEmpty());
    assertThat(webhook.received().get(0).text()).isEqualTo("fetch me");
  }

  @Test
  void webhookWithoutAConversationIdIsCompletedByReadingTheConversationList() {
    TikTokFake f = (TikTokFake) fake;
    f.faults().dropNext(1);
    Delivered d = await(f.buyerWrites("xia", "Xia", "no id in the webhook"));
    var blind = factory().create(vertx, new AccountConfig(account.accountId(), account.platform(), account.shopId(),
        account.shopName(), account.region(), account.timeZone(), account.apiBaseUrl(), account.callbackUrl(),
        account.credentials(), Map.of("shopCipher", CIPHER, "webhookConversationIdField", "not_sent")),
        new dev.unibox.adapters.spi.AdapterContext(clock, credentials, null));
    try {
      var batch = await(blind.receivePush(new dev.unibox.adapters.spi.PushRequest(d.headers(), d.body())));

      assertThat(batch.messages()).extracting(InboundMessage::platformMessageId).contains(d.messageId());
    } finally {
      await(blind.stop());
    }
  }

  @Test
  void errorCodesAreClassifiedAsReported() {
    assertThat(TikTokErrors.classify(105002L, 200)).isEqualTo(ErrorKind.TOKEN_EXPIRED);
    assertThat(TikTokErrors.classify(106001L, 200)).isEqualTo(ErrorKind.BAD_SIGNATURE);
    assertThat(TikTokErrors.classify(36009002L, 200)).isEqualTo(ErrorKind.RATE_LIMITED);
    assertThat(TikTokErrors.classify(45101004L, 200)).isEqualTo(ErrorKind.RATE_LIMITED);
    assertThat(TikTokErrors.classify(null, 429)).isEqualTo(ErrorKind.RATE_LIMITED);
    assertThat(TikTokErrors.classify(null, 502)).isEqualTo(ErrorKind.TRANSIENT);
    assertThat(adapter.pushAckDeadline()).isEqualTo(Duration.ofSeconds(3));
  }

  static final class TikTokFake extends FakeServerDriver<FakeTikTokShop> {

    TikTokFake() {
      super(SHOP, "/webhooks/tiktok", (vertx, clock) -> new FakeTikTokShop(vertx, APP_KEY, APP_SECRET, clock));
    }

    @Override
    public boolean addOrder(String buyerId, String orderId, String status, String total, String currency,
                            Instant createdAt, List<String> items) {
      server.addOrder(SHOP, orderId, buyerId, status, total, currency, createdAt, items);
      return true;
    }

    @Override
    public AccountConfig account(String callbackUrl) {
      server.addShop(SHOP, CIPHER, "tts-access-0", "tts-refresh-0", callbackUrl);
      return new AccountConfig("tiktok-contract", "tiktok", SHOP, "Contract TikTok", "MY", "Asia/Kuala_Lumpur",
          server.baseUrl(), callbackUrl, new AccountCredentials(APP_KEY, APP_SECRET, "tts-access-0", "tts-refresh-0"),
          Map.of("shopCipher", CIPHER));
    }

    @Override
    public Future<Delivered> buyerWrites(String buyer, String buyerName, String text) {
      String imId = buyerId(buyer, n -> "im-" + (n + 1000));
      return server.buyerWrites(SHOP, imId, buyerName, text).map(p -> delivered(p.status(), p.messageId(),
          p.conversationId(), imId, text, p.body(),
          MultiMap.caseInsensitiveMultiMap().add("Authorization", p.authorization()), () -> server.repush(p)));
    }

    @Override
    public List<Sent> sends() {
      return server.sends().stream().map(s -> {
        JsonObject c = new JsonObject(s.getString("content"));
        String type = switch (s.getString("type")) {
          case "TEXT" -> "text";
          case "IMAGE" -> "image";
          case "PRODUCT_CARD" -> "item";
          case "ORDER_CARD" -> "order";
          default -> "other";
        };
        String value = c.getString("content", c.getString("url", c.getString("product_id", c.getString("order_id"))));
        return new Sent(s.getString("conversation_id"), type, value, s.getString("message_id"));
      }).toList();
    }

    @Override
    public List<String> reads() {
      return server.reads();
    }
  }
}
