package dev.unibox.adapters.shopee;

import static dev.unibox.adapters.shopee.ShopeeTestAccounts.CALLBACK_URL;
import static dev.unibox.adapters.shopee.ShopeeTestAccounts.PARTNER_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.unibox.adapters.spi.AdapterException;
import dev.unibox.adapters.spi.ErrorKind;
import dev.unibox.adapters.spi.InboundMessage;
import dev.unibox.adapters.spi.PushBatch;
import dev.unibox.adapters.spi.PushRequest;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class ShopeePushTest {

  private ShopeeAdapter adapter;

  @BeforeEach
  void setUp(Vertx vertx) {
    adapter = new ShopeeAdapter(vertx, ShopeeTestAccounts.account("http://127.0.0.1:9", CALLBACK_URL),
        Clock.systemUTC());
  }

  @AfterEach
  void tearDown() {
    adapter.stop();
  }

  static JsonObject webchatPush(Object innerContent) {
    return new JsonObject()
        .put("msg_id", "push-77")
        .put("code", 10)
        .put("shop_id", ShopeeTestAccounts.SHOP_ID)
        .put("timestamp", 1_767_225_600L)
        .put("data", new JsonObject()
            .put("type", "message")
            .put("region", "MY")
            .put("content", new JsonObject()
                .put("message_id", "2231423190462603279")
                .put("conversation_id", "481234567890123456")
                .put("from_id", new BigInteger("18446744073709551615"))
                .put("from_user_name", "nurul_aisyah")
                .put("to_id", 700_000_001L)
                .put("to_user_name", "demoshop.my")
                .put("message_type", "text")
                .put("content", innerContent)
                .put("created_timestamp", 1_767_225_590L)
                .put("source_content", new JsonObject())
                .put("quoted_msg", new JsonObject().put("message_id", ""))));
  }

  static PushRequest signed(String body) {
    return signed(body, CALLBACK_URL, PARTNER_KEY);
  }

  static PushRequest signed(String body, String url, String key) {
    String authorization = ShopeeSigner.pushSignature(key, url, body.getBytes(StandardCharsets.UTF_8));
    return new PushRequest(MultiMap.caseInsensitiveMultiMap().add("authorization", authorization),
        Buffer.buffer(body));
  }

  @Test
  void acceptsSignedTextPushKeepingIdsAsStrings() {
    String body = webchatPush(new JsonObject().put("text", "barang sampai rosak, nak refund")).encode();

    PushBatch batch = adapter.parsePush(signed(body));

    assertThat(batch.pushId()).isEqualTo("push-77");
    assertThat(batch.messages()).containsExactly(new InboundMessage("shopee-my-1", "2231423190462603279",
        "481234567890123456", "18446744073709551615", "nurul_aisyah", true, "text",
        "barang sampai rosak, nak refund", Instant.ofEpochSecond(1_767_225_590L)));
  }

  @Test
  void acceptsInnerContentSentAsJsonString() {
    String body = webchatPush(new JsonObject().put("text", "สินค้าเสียหาย ขอคืนเงินค่ะ").encode()).encode();

    assertThat(adapter.parsePush(signed(body)).messages())
        .singleElement()
        .satisfies(m -> assertThat(m.text()).isEqualTo("สินค้าเสียหาย ขอคืนเงินค่ะ"));
  }

  @Test
  void acceptsMessageObjectSentAsJsonString() {
    JsonObject push = webchatPush(new JsonObject().put("text", "hàng bị vỡ, tôi muốn hoàn tiền"));
    JsonObject data = push.getJsonObject("data");
    data.put("content", data.getJsonObject("content").encode());

    assertThat(adapter.parsePush(signed(push.encode())).messages())
        .singleElement()
        .satisfies(m -> {
          assertThat(m.text()).isEqualTo("hàng bị vỡ, tôi muốn hoàn tiền");
          assertThat(m.buyerId()).isEqualTo("18446744073709551615");
        });
  }

  @Test
  void mapsNonTextTypesToReadableText() {
    JsonObject push = webchatPush(new JsonObject().put("image_url", "https://cf.shopee.my/file/abc"));
    push.getJsonObject("data").getJsonObject("content").put("message_type", "image");

    InboundMessage m = adapter.parsePush(signed(push.encode())).messages().get(0);

    assertThat(m.messageType()).isEqualTo("image");
    assertThat(m.text()).isEqualTo("[image] https://cf.shopee.my/file/abc");

    push.getJsonObject("data").getJsonObject("content").put("message_type", "sticker").put("content", new JsonObject());
    assertThat(adapter.parsePush(signed(push.encode())).messages().get(0).text()).isEqualTo("[sticker]");

    push.getJsonObject("data").getJsonObject("content").put("message_type", "order")
        .put("content", new JsonObject().put("order_sn", "240101ABCDEF"));
    assertThat(adapter.parsePush(signed(push.encode())).messages().get(0))
        .satisfies(o -> assertThat(o.messageType()).isEqualTo("order"))
        .satisfies(o -> assertThat(o.text()).isEqualTo("[order] 240101ABCDEF"));
  }

  @Test
  void shopMessageNamesTheBuyerAsReceiver() {
    JsonObject push = webchatPush(new JsonObject().put("text", "Hi, we have refunded you"));
    push.getJsonObject("data").getJsonObject("content")
        .put("from_id", 700_000_001L).put("from_user_name", "demoshop.my").put("from_shop_id", ShopeeTestAccounts.SHOP_ID)
        .put("to_id", 412_873_650L).put("to_user_name", "jasmine.tan");

    InboundMessage m = adapter.parsePush(signed(push.encode())).messages().get(0);

    assertThat(m.fromBuyer()).isFalse();
    assertThat(m.buyerId()).isEqualTo("412873650");
    assertThat(m.buyerName()).isEqualTo("jasmine.tan");
  }

  @Test
  void configuredShopUserIdMarksShopMessages(Vertx vertx) {
    ShopeeAdapter withUserId = new ShopeeAdapter(vertx, ShopeeTestAccounts.account("http://127.0.0.1:9", CALLBACK_URL,
        PARTNER_KEY, Map.of("shopUserId", "700000001")), Clock.systemUTC());
    JsonObject push = webchatPush(new JsonObject().put("text", "sent from Seller Centre"));
    push.getJsonObject("data").getJsonObject("content").put("from_id", 700_000_001L).put("to_id", 412_873_650L)
        .put("to_user_name", "jasmine.tan");

    InboundMessage m = withUserId.parsePush(signed(push.encode())).messages().get(0);

    assertThat(m.fromBuyer()).isFalse();
    assertThat(m.buyerId()).isEqualTo("412873650");
    withUserId.stop();
  }

  @Test
  void otherPushCodesAndNonMessageDataGiveAnEmptyBatch() {
    JsonObject orderStatus = new JsonObject().put("msg_id", "p1").put("code", 3).put("shop_id", ShopeeTestAccounts.SHOP_ID)
        .put("data", new JsonObject().put("ordersn", "240101ABCDEF").put("status", "READY_TO_SHIP"));
    assertThat(adapter.parsePush(signed(orderStatus.encode())).messages()).isEmpty();

    JsonObject readReceipt = webchatPush(new JsonObject().put("text", "x"));
    readReceipt.getJsonObject("data").put("type", "conversation_read");
    assertThat(adapter.parsePush(signed(readReceipt.encode())).messages()).isEmpty();
  }

  @Test
  void refusesWrongSignature() {
    String body = webchatPush(new JsonObject().put("text", "hi")).encode();

    assertKind(() -> adapter.parsePush(signed(body, CALLBACK_URL, "another-partner-key")), ErrorKind.BAD_SIGNATURE);
  }

  @Test
  void refusesTamperedBody() {
    String body = webchatPush(new JsonObject().put("text", "I want a refund")).encode();
    PushRequest original = signed(body);
    PushRequest tampered = new PushRequest(original.headers(),
        Buffer.buffer(body.replace("I want a refund", "I want two refunds")));

    assertKind(() -> adapter.parsePush(tampered), ErrorKind.BAD_SIGNATURE);
  }

  @Test
  void refusesMissingAuthorizationHeader() {
    PushRequest unsigned = new PushRequest(MultiMap.caseInsensitiveMultiMap(),
        Buffer.buffer(webchatPush(new JsonObject().put("text", "hi")).encode()));

    assertKind(() -> adapter.parsePush(unsigned), ErrorKind.BAD_SIGNATURE);
  }

  @Test
  void refusesSignatureMadeForAnotherCallbackUrl() {
    String body = webchatPush(new JsonObject().put("text", "hi")).encode();

    assertKind(() -> adapter.parsePush(signed(body, "https://attacker.example.com/hook", PARTNER_KEY)),
        ErrorKind.BAD_SIGNATURE);
  }

  @Test
  void refusesSignedButMalformedBodies() {
    assertKind(() -> adapter.parsePush(signed("not json at all")), ErrorKind.MALFORMED);
    assertKind(() -> adapter.parsePush(signed("[1,2,3]")), ErrorKind.MALFORMED);

    JsonObject noMessageId = webchatPush(new JsonObject().put("text", "hi"));
    noMessageId.getJsonObject("data").getJsonObject("content").remove("message_id");
    assertKind(() -> adapter.parsePush(signed(noMessageId.encode())), ErrorKind.MALFORMED);

    JsonObject noText = webchatPush(new JsonObject().put("image_url", "x"));
    assertKind(() -> adapter.parsePush(signed(noText.encode())), ErrorKind.MALFORMED);

    JsonObject otherShop = webchatPush(new JsonObject().put("text", "hi")).put("shop_id", 999L);
    assertKind(() -> adapter.parsePush(signed(otherShop.encode())), ErrorKind.MALFORMED);
  }

  @Test
  void factoryReadsClaimedShopIdBeforeVerification() {
    ShopeeAdapterFactory factory = new ShopeeAdapterFactory();
    PushRequest unsigned = new PushRequest(MultiMap.caseInsensitiveMultiMap(),
        Buffer.buffer(webchatPush(new JsonObject().put("text", "hi")).encode()));

    assertThat(factory.claimedShopId(unsigned)).isEqualTo("88001");
    assertKind(() -> factory.claimedShopId(new PushRequest(MultiMap.caseInsensitiveMultiMap(), Buffer.buffer("<xml/>"))),
        ErrorKind.MALFORMED);
    assertKind(() -> factory.claimedShopId(new PushRequest(MultiMap.caseInsensitiveMultiMap(), Buffer.buffer("{\"code\":10}"))),
        ErrorKind.MALFORMED);
  }

  private static void assertKind(ThrowingCallable call, ErrorKind kind) {
    assertThatThrownBy(call).isInstanceOfSatisfying(AdapterException.class, e -> {
      assertThat(e.kind()).isEqualTo(kind);
      assertThat(e.getMessage()).doesNotContain(PARTNER_KEY);
    });
  }
}
