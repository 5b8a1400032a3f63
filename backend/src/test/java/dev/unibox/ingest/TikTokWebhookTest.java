package dev.unibox.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.adapters.tiktok.fake.FakeTikTokShop;
import dev.unibox.testing.Await;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.TestInbox;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** TikTok Shop webhooks only name the message: it is fetched, stored, then acknowledged; a failed fetch is a 503. */
@InboxTest
class TikTokWebhookTest {

  private TestInbox inbox;
  private FakeTikTokShop tiktok;

  @AfterEach
  void stop() throws Exception {
    Await.result(tiktok.stop());
  }

  @Test
  void messageIsFetchedBeforeTheAckAndAFailedFetchIsRetriedByThePlatform(Vertx vertx) throws Exception {
    tiktok = Await.result(new FakeTikTokShop(vertx, "6app", "tts-secret-backend-test", Clock.systemUTC()).start(0));
    tiktok.addShop("7490001", "cipher-1", "tts-acc", "tts-ref", inbox.app.baseUrl() + "/webhooks/tiktok");
    String admin = inbox.loginAdmin();
    assertThat(inbox.post(admin, "/api/admin/accounts", new JsonObject().put("id", "tiktok-my-01")
        .put("platform", "tiktok").put("shopId", "7490001").put("shopName", "TikTok MY").put("timeZone", "UTC")
        .put("apiBaseUrl", tiktok.baseUrl()).put("options", new JsonObject().put("shopCipher", "cipher-1"))
        .put("credentials", new JsonObject().put("appKey", "6app").put("appSecret", "tts-secret-backend-test")
            .put("accessToken", "tts-acc").put("refreshToken", "tts-ref"))).statusCode()).isEqualTo(201);

    FakeTikTokShop.Push ok = Await.result(tiktok.buyerWrites("7490001", "im-1", "Ploy", "สินค้ามีสีอื่นไหม"));
    assertThat(ok.status()).isEqualTo(200);
    assertThat(inbox.count("SELECT count(*) FROM messages WHERE platform_message_id = $1", ok.messageId())).isEqualTo(1);

    tiktok.rateLimitNextCalls(1, 1);
    FakeTikTokShop.Push throttled = Await.result(tiktok.buyerWrites("7490001", "im-1", "Ploy", "还有吗"));
    assertThat(throttled.status()).isEqualTo(503);
    assertThat(inbox.count("SELECT count(*) FROM messages WHERE platform_message_id = $1", throttled.messageId()))
        .isZero();

    assertThat(Await.result(tiktok.repush(throttled)).status()).isEqualTo(200);
    assertThat(inbox.count("SELECT count(*) FROM messages WHERE platform_message_id = $1", throttled.messageId()))
        .isEqualTo(1);
    assertThat(inbox.count("SELECT count(*) FROM buyers WHERE platform_buyer_id = 'im-1' AND name = 'Ploy'"))
        .isEqualTo(1);
  }
}
