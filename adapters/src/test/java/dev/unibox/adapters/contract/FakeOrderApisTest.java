package dev.unibox.adapters.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.adapters.lazada.LazadaSigner;
import dev.unibox.adapters.lazada.fake.FakeLazada;
import dev.unibox.adapters.tiktok.TikTokSigner;
import dev.unibox.adapters.tiktok.fake.FakeTikTokShop;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The fakes' order APIs refuse what the platforms refuse, signed calls otherwise: Lazada (missing
 * created_after, limit over 100, more than 50 order ids, a wrong sign) and TikTok Shop (page_size over 100,
 * an unknown sort order, a wrong sign). The adapters never send these; the fakes must still not accept them.
 */
@ExtendWith(VertxExtension.class)
class FakeOrderApisTest {

  private static final String SELLER = "100200300";
  private static final String SHOP = "7494001";
  private static final String CIPHER = "ROW_cipher";

  private final MutableClock clock = MutableClock.startingNow();
  private FakeLazada lazada;
  private FakeTikTokShop tiktok;
  private WebClient http;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    lazada = await(new FakeLazada(vertx, "120001", "lz-secret", clock).start(0));
    lazada.addSeller(SELLER, "lz-access", "lz-refresh", "http://127.0.0.1:9/unused");
    lazada.addOrder(SELLER, 1001, "500001", "pending", "10.00", "MYR", Instant.now(), List.of("Mug"));
    tiktok = await(new FakeTikTokShop(vertx, "6abc", "tt-secret", clock).start(0));
    tiktok.addShop(SHOP, CIPHER, "tt-access", "tt-refresh", "http://127.0.0.1:9/unused");
    http = WebClient.create(vertx);
  }

  @AfterEach
  void stop() throws Exception {
    http.close();
    await(lazada.stop());
    await(tiktok.stop());
  }

  @Test
  void lazadaRefusesWhatLazadaRefuses() throws Exception {
    String after = "2026-01-01T00:00:00+08:00";
    assertThat(lazada(Map.of("created_after", after, "limit", "100")).getJsonObject("data").getInteger("countTotal"))
        .isEqualTo(1);
    assertThat(lazada(Map.of("limit", "10")).getString("code")).isEqualTo("MissingParameter");
    assertThat(lazada(Map.of("created_after", after, "limit", "101")).getString("code")).isEqualTo("InvalidParameter");
    assertThat(lazada(Map.of("created_after", "yesterday")).getString("code")).isEqualTo("InvalidParameter");
    StringBuilder ids = new StringBuilder("[1");
    for (int i = 2; i <= 51; i++) {
      ids.append(',').append(i);
    }
    assertThat(lazadaCall("/orders/items/get", Map.of("order_ids", ids.append(']').toString()), false).getString("code"))
        .isEqualTo("InvalidParameter");
    assertThat(lazadaCall("/orders/items/get", Map.of("order_ids", "[1001]"), false).getJsonArray("data")
        .getJsonObject(0).getJsonArray("order_items").getJsonObject(0).getLong("buyer_id")).isEqualTo(500001L);
    int rejected = lazada.rejectedCalls();
    assertThat(lazadaCall("/orders/get", Map.of("created_after", after), true).getString("code"))
        .isEqualTo("IncompleteSignature");
    assertThat(lazada.rejectedCalls()).isEqualTo(rejected + 1);
  }

  @Test
  void tiktokRefusesWhatTikTokRefuses() throws Exception {
    JsonObject body = new JsonObject().put("buyer_user_id", "u1");
    assertThat(tiktok(Map.of("page_size", "10"), body, false).getInteger("code")).isZero();
    assertThat(tiktok(Map.of("page_size", "101"), body, false).getInteger("code")).isNotZero();
    assertThat(tiktok(Map.of("page_size", "10", "sort_order", "SIDEWAYS"), body, false).getInteger("code")).isNotZero();
    int rejected = tiktok.rejectedCalls();
    assertThat(tiktok(Map.of("page_size", "10"), body, true).getInteger("code")).isEqualTo(106001);
    assertThat(tiktok.rejectedCalls()).isEqualTo(rejected + 1);
  }

  private JsonObject lazada(Map<String, String> params) throws Exception {
    return lazadaCall("/orders/get", params, false);
  }

  private JsonObject lazadaCall(String path, Map<String, String> api, boolean badSign) throws Exception {
    Map<String, String> params = new LinkedHashMap<>(api);
    params.put("app_key", "120001");
    params.put("timestamp", Long.toString(clock.millis()));
    params.put("sign_method", "sha256");
    params.put("access_token", "lz-access");
    params.put("sign", badSign ? "0".repeat(64) : LazadaSigner.apiSign("lz-secret", path, params, null));
    HttpRequest<Buffer> request = http.getAbs(lazada.baseUrl() + path);
    params.forEach(request::addQueryParam);
    return await(request.send()).bodyAsJsonObject();
  }

  private JsonObject tiktok(Map<String, String> api, JsonObject body, boolean badSign) throws Exception {
    String path = "/order/202309/orders/search";
    Map<String, String> query = new TreeMap<>(api);
    query.put("app_key", "6abc");
    query.put("timestamp", Long.toString(clock.instant().getEpochSecond()));
    query.put("shop_cipher", CIPHER);
    query.put("sign", badSign ? "0".repeat(64) : TikTokSigner.apiSign("tt-secret", path, query, body.encode()));
    HttpRequest<Buffer> request = http.postAbs(tiktok.baseUrl() + path).putHeader("x-tts-access-token", "tt-access")
        .putHeader("Content-Type", "application/json");
    query.forEach(request::addQueryParam);
    return await(request.sendBuffer(Buffer.buffer(body.encode()))).bodyAsJsonObject();
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.await(30, TimeUnit.SECONDS);
  }
}
