package dev.unibox.adapters.shopee.fake;

import static dev.unibox.adapters.shopee.ShopeeTestAccounts.ACCESS_TOKEN;
import static dev.unibox.adapters.shopee.ShopeeTestAccounts.PARTNER_ID;
import static dev.unibox.adapters.shopee.ShopeeTestAccounts.PARTNER_KEY;
import static dev.unibox.adapters.shopee.ShopeeTestAccounts.SHOP_ID;
import static dev.unibox.adapters.shopee.ShopeeTestAccounts.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.adapters.contract.ContractWebhook;
import dev.unibox.adapters.shopee.ShopeeAdapterFactory;
import dev.unibox.adapters.shopee.ShopeeSigner;
import dev.unibox.adapters.shopee.ShopeeTestAccounts;
import dev.unibox.adapters.shopee.ShopeeRig;
import dev.unibox.adapters.spi.InboundMessage;
import dev.unibox.adapters.spi.OutboundMessage;
import dev.unibox.adapters.spi.PlatformAdapter;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class FakeShopeeTest {

  private record Answer(int status, JsonObject body) {}

  private ShopeeRig rig;
  private FakeShopee shopee;
  private ContractWebhook webhook;
  private PlatformAdapter adapter;
  private WebClient client;

  @BeforeEach
  void setUp(Vertx vertx) {
    rig = ShopeeRig.start(vertx);
    shopee = rig.shopee();
    webhook = rig.webhook();
    adapter = rig.adapter();
    client = WebClient.create(vertx);
  }

  @AfterEach
  void tearDown() {
    client.close();
    rig.close();
  }

  @Test
  void pushesAreSignedSoTheAdapterAcceptsThem() {
    PushOutcome first = await(shopee.pushBuyerText(SHOP_ID, "945207738", "nurul_aisyah", "barang sampai rosak, nak refund"));
    PushOutcome second = await(shopee.pushBuyerText(SHOP_ID, "945207738", "nurul_aisyah", "saya ada video unboxing"));

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.accepted()).isTrue();
    assertThat(webhook.refused()).isEmpty();
    assertThat(webhook.accepted()).hasSize(2);
    InboundMessage m1 = webhook.accepted().get(0).messages().get(0);
    InboundMessage m2 = webhook.accepted().get(1).messages().get(0);
    assertThat(m1.platformMessageId()).isEqualTo(first.messageId());
    assertThat(m1.platformConversationId()).isEqualTo(first.conversationId());
    assertThat(m1.buyerId()).isEqualTo("945207738");
    assertThat(m1.buyerName()).isEqualTo("nurul_aisyah");
    assertThat(m1.fromBuyer()).isTrue();
    assertThat(m1.text()).isEqualTo("barang sampai rosak, nak refund");
    assertThat(m2.platformMessageId()).isNotEqualTo(m1.platformMessageId());
    assertThat(m2.platformConversationId()).isEqualTo(m1.platformConversationId());
    assertThat(new JsonObject(first.body()).getInteger("code")).isEqualTo(10);
  }

  @Test
  void repushDeliversTheIdenticalSignedBody() {
    PushOutcome first = await(shopee.pushBuyerText(SHOP_ID, "720035517", "ploy_nattaya", "สินค้าเสียหาย ขอคืนเงินค่ะ"));

    PushOutcome again = await(shopee.repush(first));

    assertThat(again.body()).isEqualTo(first.body());
    assertThat(again.authorization()).isEqualTo(first.authorization());
    assertThat(again.accepted()).isTrue();
    assertThat(webhook.accepted()).hasSize(2)
        .allSatisfy(b -> assertThat(b.messages().get(0).platformMessageId()).isEqualTo(first.messageId()));
  }

  @Test
  void webhookThatRefusesIsReportedInTheOutcome(Vertx vertx) {
    webhook.verifyWith(new ShopeeAdapterFactory().create(vertx,
        ShopeeTestAccounts.account(shopee.baseUrl(), rig.webhookUrl(), "someone-elses-key", Map.of())));

    PushOutcome outcome = await(shopee.pushBuyerText(SHOP_ID, "412873650", "jasmine.tan", "hi"));

    assertThat(outcome.statusCode()).isEqualTo(401);
    assertThat(outcome.accepted()).isFalse();
  }

  @Test
  void getMessagePagesNewestFirstWithAnOpaqueCursor() {
    for (int i = 1; i <= 4; i++) {
      await(shopee.pushBuyerText(SHOP_ID, "834662190", "ngoc.anh97", "tin nhắn " + i));
    }
    await(adapter.send(new OutboundMessage("o-1", null, "834662190", "text", "shop đã nhận, cảm ơn bạn")));
    String conversationId = webhook.accepted().get(0).messages().get(0).platformConversationId();

    List<JsonObject> all = new ArrayList<>();
    String offset = "";
    int pages = 0;
    do {
      Answer page = signedGet("/api/v2/sellerchat/get_message",
          Map.of("conversation_id", conversationId, "page_size", "2", "offset", offset), PARTNER_KEY);
      assertThat(page.status()).isEqualTo(200);
      JsonObject response = page.body().getJsonObject("response");
      JsonArray messages = response.getJsonArray("messages");
      messages.forEach(m -> all.add((JsonObject) m));
      offset = response.getJsonObject("page_result").getString("next_offset");
      pages++;
    } while (!offset.isEmpty());

    assertThat(pages).isEqualTo(3);
    assertThat(all).extracting(m -> m.getJsonObject("content").getString("text"))
        .containsExactly("shop đã nhận, cảm ơn bạn", "tin nhắn 4", "tin nhắn 3", "tin nhắn 2", "tin nhắn 1");
    assertThat(all.get(0).getLong("from_shop_id")).isEqualTo(SHOP_ID);
    assertThat(all.get(0).getValue("to_id").toString()).isEqualTo("834662190");
    assertThat(all.get(1).getValue("from_id").toString()).isEqualTo("834662190");
    assertThat(all.get(1).getLong("to_shop_id")).isEqualTo(SHOP_ID);
    assertThat(all).extracting(m -> m.getValue("message_id")).allMatch(id -> id instanceof String).doesNotHaveDuplicates();
  }

  @Test
  void getMessageRefusesOversizedPagesAndUnknownConversations() {
    await(shopee.pushBuyerText(SHOP_ID, "834662190", "ngoc.anh97", "hi"));
    String conversationId = webhook.accepted().get(0).messages().get(0).platformConversationId();

    Answer tooBig = signedGet("/api/v2/sellerchat/get_message",
        Map.of("conversation_id", conversationId, "page_size", "61"), PARTNER_KEY);
    Answer unknown = signedGet("/api/v2/sellerchat/get_message", Map.of("conversation_id", "1"), PARTNER_KEY);

    assertThat(tooBig.status()).isEqualTo(400);
    assertThat(tooBig.body().getString("error")).isEqualTo("error_param");
    assertThat(unknown.body().getString("error")).isEqualTo("error_param");
  }

  @Test
  void callsAreVerifiedLikeShopee() {
    Answer wrongSign = signedGet("/api/v2/sellerchat/get_conversation_list",
        Map.of("direction", "older", "type", "all"), "wrong-key");
    assertThat(wrongSign.status()).isEqualTo(403);
    assertThat(wrongSign.body().getString("error")).isEqualTo("error_sign");
    assertThat(wrongSign.body().getString("message")).isEqualTo("Wrong sign.");
    assertThat(wrongSign.body().getString("request_id")).isNotBlank();

    HttpResponse<Buffer> expired = await(client.getAbs(shopee.baseUrl() + "/api/v2/sellerchat/get_conversation_list")
        .addQueryParam("partner_id", Long.toString(PARTNER_ID))
        .addQueryParam("timestamp", Long.toString(Instant.now().getEpochSecond() - 301))
        .addQueryParam("sign", "0".repeat(64))
        .addQueryParam("shop_id", Long.toString(SHOP_ID))
        .addQueryParam("access_token", ACCESS_TOKEN)
        .send());
    assertThat(expired.bodyAsJsonObject().getString("error")).isEqualTo("error_param");
    assertThat(expired.bodyAsJsonObject().getString("message")).isEqualTo("Timestamp is expired.");

    assertThat(shopee.rejectedCalls()).isEqualTo(2);
  }

  @Test
  void conversationListPagesWithTheNextCursor() {
    await(shopee.pushBuyerText(SHOP_ID, "412873650", "jasmine.tan", "is the black one still in stock?"));
    await(shopee.pushBuyerText(SHOP_ID, "611420983", "阿哲", "收到的商品破損了,我要退款"));
    await(shopee.pushBuyerText(SHOP_ID, "945207738", "nurul_aisyah", "dah 2 minggu refund tak masuk lagi"));

    List<String> buyers = new ArrayList<>();
    String cursor = null;
    boolean more;
    do {
      Map<String, String> params = cursor == null
          ? Map.of("direction", "older", "type", "all", "page_size", "2")
          : Map.of("direction", "older", "type", "all", "page_size", "2", "next_timestamp_nano", cursor);
      JsonObject response = signedGet("/api/v2/sellerchat/get_conversation_list", params, PARTNER_KEY)
          .body().getJsonObject("response");
      response.getJsonArray("conversations").forEach(c -> buyers.add(((JsonObject) c).getString("to_name")));
      more = response.getJsonObject("page_result").getBoolean("more");
      cursor = response.getJsonObject("page_result").getJsonObject("next_cursor").getString("next_message_time_nano");
    } while (more);

    assertThat(buyers).containsExactly("nurul_aisyah", "阿哲", "jasmine.tan");

    JsonObject oversized = signedGet("/api/v2/sellerchat/get_conversation_list",
        Map.of("direction", "older", "type", "all", "page_size", "26"), PARTNER_KEY).body().getJsonObject("response");
    assertThat(oversized.getJsonArray("conversations")).isEmpty();

    await(adapter.send(new OutboundMessage("o-2", null, "412873650", "text", "Yes, we have it!")));
    JsonObject unread = signedGet("/api/v2/sellerchat/get_conversation_list",
        Map.of("direction", "older", "type", "unread"), PARTNER_KEY).body().getJsonObject("response");
    assertThat(unread.getJsonArray("conversations")).extracting(c -> ((JsonObject) c).getString("to_name"))
        .containsExactly("nurul_aisyah", "阿哲");
  }

  private Answer signedGet(String path, Map<String, String> params, String partnerKey) {
    long timestamp = Instant.now().getEpochSecond();
    String sign = ShopeeSigner.apiSign(partnerKey, Long.toString(PARTNER_ID), path, timestamp, ACCESS_TOKEN,
        Long.toString(SHOP_ID));
    HttpRequest<Buffer> request = client.getAbs(shopee.baseUrl() + path)
        .addQueryParam("partner_id", Long.toString(PARTNER_ID))
        .addQueryParam("timestamp", Long.toString(timestamp))
        .addQueryParam("sign", sign)
        .addQueryParam("shop_id", Long.toString(SHOP_ID))
        .addQueryParam("access_token", ACCESS_TOKEN);
    params.forEach(request::addQueryParam);
    HttpResponse<Buffer> response = await(request.send());
    return new Answer(response.statusCode(), response.bodyAsJsonObject());
  }
}
