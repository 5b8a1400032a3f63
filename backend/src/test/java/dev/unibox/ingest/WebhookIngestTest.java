package dev.unibox.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.adapters.shopee.fake.PushOutcome;
import dev.unibox.testing.Await;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.TestInbox;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Push in: verify, dedupe, persist in one transaction, 2xx only after commit; bad pushes change nothing. */
@InboxTest
class WebhookIngestTest {

  private TestInbox inbox;

  @Test
  void signedPushIsStoredWithBuyerConversationAndClassification() throws Exception {
    PushOutcome push = Await.result(inbox.shopee.pushBuyerText(TestInbox.SHOP_TW, "700001", "陳小姐",
        "收到的商品破損了,我要退款"));
    assertThat(push.statusCode()).isEqualTo(200);
    var conversation = inbox.rows("SELECT status, priority, category, language, waiting_since, last_message_text "
        + "FROM conversations WHERE account_id = $1", TestInbox.ACCOUNT_TW).get(0);
    assertThat(conversation.getString("status")).isEqualTo("queued");
    assertThat(conversation.getShort("priority")).isEqualTo((short) 1);
    assertThat(conversation.getString("category")).isEqualTo("after_sale");
    assertThat(conversation.getString("language")).isEqualTo("zh-Hant");
    assertThat(conversation.getOffsetDateTime("waiting_since")).isNotNull();
    assertThat(inbox.count("SELECT count(*) FROM messages WHERE platform_message_id = $1", push.messageId()))
        .isEqualTo(1);
    assertThat(inbox.count("SELECT count(*) FROM buyers WHERE platform_buyer_id = '700001'")).isEqualTo(1);
  }

  @Test
  void aNulOrALoneSurrogateInTheBuyersTextIsStoredAsAReplacementCharacterNot500() throws Exception {
    String body = pushBody("m-nul", "before\\u0000after \\ud800 end")
        .replace("\"from_user_name\":\"aisyah\"", "\"from_user_name\":\"ai\\u0000syah\"");
    HttpResponse<Buffer> r = post(body, sign(TestInbox.PARTNER_KEY, body));
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    assertThat(inbox.count("SELECT count(*) FROM messages WHERE platform_message_id = 'm-nul' AND body = $1",
        "before\uFFFDafter \uFFFD end")).isEqualTo(1);
    assertThat(post(body, sign(TestInbox.PARTNER_KEY, body)).statusCode()).as("redelivery is a duplicate").isEqualTo(200);
    assertThat(inbox.count("SELECT count(*) FROM messages WHERE platform_message_id = 'm-nul'")).isEqualTo(1);
  }

  @Test
  void badSignatureIsRejectedWith401AndNothingIsStored() throws Exception {
    String body = pushBody("m-1", "Hello");
    HttpResponse<Buffer> r = post(body, sign("wrong-key", body));
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.bodyAsJsonObject().getString("error")).isEqualTo("bad_signature");
    assertNothingStored();

    HttpResponse<Buffer> missing = post(body, null);
    assertThat(missing.statusCode()).isEqualTo(401);
    assertNothingStored();
  }

  @Test
  void tamperedBodyIsRejected() throws Exception {
    String body = pushBody("m-2", "Hello");
    String signature = sign(TestInbox.PARTNER_KEY, body);
    HttpResponse<Buffer> r = post(body.replace("Hello", "Refund now"), signature);
    assertThat(r.statusCode()).isEqualTo(401);
    assertNothingStored();
  }

  @Test
  void malformedBodyGets400WithJsonErrorAndNothingIsStored() throws Exception {
    HttpResponse<Buffer> notJson = post("this is not json", sign(TestInbox.PARTNER_KEY, "this is not json"));
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(notJson.bodyAsJsonObject().getString("error")).isEqualTo("malformed_push");
    assertThat(notJson.bodyAsJsonObject().getString("message")).isNotBlank();

    String noShop = "{\"code\":10,\"data\":{}}";
    assertThat(post(noShop, sign(TestInbox.PARTNER_KEY, noShop)).statusCode()).isEqualTo(400);
    assertNothingStored();
  }

  @Test
  void pushForAnUnknownShopGetsTheSame401AsABadSignatureSoShopsCannotBeEnumerated() throws Exception {
    String body = pushBody("m-3", "Hello").replace("\"shop_id\":" + TestInbox.SHOP_MY, "\"shop_id\":999");
    HttpResponse<Buffer> unknown = post(body, sign(TestInbox.PARTNER_KEY, body));
    String known = pushBody("m-3", "Hello");
    HttpResponse<Buffer> badSignature = post(known, sign("wrong-key", known));
    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(unknown.bodyAsString()).isEqualTo(badSignature.bodyAsString());
    assertNothingStored();
  }

  @Test
  void duplicatePushIsAcknowledgedAndStoredOnce() throws Exception {
    PushOutcome first = Await.result(inbox.shopee.pushBuyerText(TestInbox.SHOP_MY, "811200", "aisyah", "Hi, ada stok?"));
    PushOutcome again = Await.result(inbox.shopee.repush(first));
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(inbox.count("SELECT count(*) FROM messages")).isEqualTo(1);
  }

  @Test
  void concurrentDuplicatePushesAreStoredOnce() throws Exception {
    PushOutcome first = Await.result(inbox.shopee.pushBuyerText(TestInbox.SHOP_MY, "811300", "nur", "Bila sampai?"));
    List<Future<PushOutcome>> copies = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      copies.add(inbox.shopee.repush(first));
    }
    // a second, new message in the same conversation racing the duplicates
    copies.add(inbox.shopee.pushBuyerText(TestInbox.SHOP_MY, "811300", "nur", "Tracking number please"));
    for (Future<PushOutcome> copy : copies) {
      assertThat(Await.result(copy).statusCode()).isEqualTo(200);
    }
    assertThat(inbox.count("SELECT count(*) FROM messages")).isEqualTo(2);
    assertThat(inbox.count("SELECT count(*) FROM conversations")).isEqualTo(1);
    assertThat(inbox.count("SELECT count(*) FROM buyers")).isEqualTo(1);
  }

  @Test
  void concurrentFirstMessagesOfANewConversationCreateItOnce() throws Exception {
    List<Future<PushOutcome>> pushes = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      pushes.add(inbox.shopee.pushBuyerText(TestInbox.SHOP_MY, "811400", "lim", "question " + i));
    }
    for (Future<PushOutcome> p : pushes) {
      assertThat(Await.result(p).statusCode()).isEqualTo(200);
    }
    assertThat(inbox.count("SELECT count(*) FROM conversations")).isEqualTo(1);
    assertThat(inbox.count("SELECT count(*) FROM messages")).isEqualTo(10);
  }

  @Test
  void aStoredBuyerIsWrittenAgainOnlyWhenTheNameChanges() throws Exception {
    String version = "SELECT xmin::text::bigint FROM buyers WHERE platform_buyer_id = '811500'";
    assertThat(Await.result(inbox.shopee.pushBuyerText(TestInbox.SHOP_MY, "811500", "lim", "ada stok?")).statusCode())
        .isEqualTo(200);
    long first = inbox.count(version);
    assertThat(Await.result(inbox.shopee.pushBuyerText(TestInbox.SHOP_MY, "811500", "lim", "warna biru?")).statusCode())
        .isEqualTo(200);
    assertThat(inbox.count(version)).as("same name: the row is not rewritten").isEqualTo(first);
    assertThat(Await.result(inbox.shopee.pushBuyerText(TestInbox.SHOP_MY, "811500", "Lim Wei", "saiz M?")).statusCode())
        .isEqualTo(200);
    assertThat(inbox.count(version)).isNotEqualTo(first);
    assertThat(inbox.count("SELECT count(*) FROM buyers WHERE platform_buyer_id = '811500' AND name = 'Lim Wei'"))
        .isEqualTo(1);
    assertThat(inbox.count("SELECT count(*) FROM messages")).isEqualTo(3);
    assertThat(inbox.count("SELECT count(*) FROM conversations")).isEqualTo(1);
  }

  private void assertNothingStored() throws Exception {
    assertThat(inbox.count("SELECT count(*) FROM messages")).isZero();
    assertThat(inbox.count("SELECT count(*) FROM conversations")).isZero();
    assertThat(inbox.count("SELECT count(*) FROM buyers")).isZero();
  }

  private HttpResponse<Buffer> post(String body, String authorization) throws Exception {
    var request = inbox.http.post("/webhooks/shopee").putHeader("content-type", "application/json");
    if (authorization != null) {
      request.putHeader("Authorization", authorization);
    }
    return Await.result(request.sendBuffer(Buffer.buffer(body)));
  }

  private String pushBody(String messageId, String text) {
    return "{\"msg_id\":\"p-" + messageId + "\",\"code\":10,\"shop_id\":" + TestInbox.SHOP_MY + ",\"timestamp\":"
        + (System.currentTimeMillis() / 1000) + ",\"data\":{\"type\":\"message\",\"region\":\"MY\",\"content\":{"
        + "\"message_id\":\"" + messageId + "\",\"conversation_id\":\"c-1\",\"from_id\":811200,"
        + "\"from_user_name\":\"aisyah\",\"to_id\":5550001,\"to_user_name\":\"shop\",\"message_type\":\"text\","
        + "\"content\":{\"text\":\"" + text + "\"},\"created_timestamp\":" + (System.currentTimeMillis() / 1000)
        + ",\"source_content\":{},\"quoted_msg\":{\"message_id\":\"\"}}}}";
  }

  /** Shopee's push signature, computed from the documented formula independently of our signer. */
  private String sign(String key, String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
    String callback = inbox.app.baseUrl() + "/webhooks/shopee";
    return java.util.HexFormat.of().formatHex(
        mac.doFinal((callback + "|" + body).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }
}
