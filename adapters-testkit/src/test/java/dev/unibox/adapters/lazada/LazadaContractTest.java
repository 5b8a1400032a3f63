package dev.unibox.adapters.lazada;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.adapters.contract.FakeServerDriver;
import dev.unibox.adapters.contract.PlatformAdapterContract;
import dev.unibox.adapters.lazada.fake.FakeLazada;
import dev.unibox.adapters.spi.AccountConfig;
import dev.unibox.adapters.spi.AccountCredentials;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Lazada passes the adapter contract against {@link FakeLazada}; plus Lazada-only checks. */
class LazadaContractTest extends PlatformAdapterContract {

  static final String APP_KEY = "120001";
  static final String APP_SECRET = "lazada-contract-secret";
  static final String SELLER = "100200300";

  LazadaContractTest() {
    super(new LazadaAdapterFactory(), LazadaFake::new);
  }

  @Test
  void sessionUpdatePushIsAcceptedWithoutMessages() {
    LazadaFake f = (LazadaFake) fake;
    Delivered d = await(f.buyerWrites("zed", "Zed", "hi"));

    FakeLazada.Push update = await(f.server().pushSessionUpdate(SELLER, d.conversationId()));

    assertThat(update.status()).isEqualTo(200);
    until(() -> webhook.accepted().size() == 2);
    assertThat(webhook.received()).hasSize(1);
  }

  @Test
  void pushAckDeadlineIsLazadas500Ms() {
    assertThat(adapter.pushAckDeadline()).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void signatureIsUpperHexOverPathAndSortedParams() {
    // expected values computed outside our code, from Lazada's rule (path + sorted key/value pairs [+ body],
    // HMAC-SHA256 with the app secret, upper-case hex), e.g.
    // printf '/im/session/listaccess_tokentok-abc...timestamp1764500000000' | openssl dgst -sha256 -hmac app-secret-xyz
    Map<String, String> params = new java.util.HashMap<>(Map.of("timestamp", "1764500000000", "app_key", "100132",
        "sign_method", "sha256", "access_token", "tok-abc", "start_time", "1764500000000", "page_size", "20"));
    params.put("sign", "IGNORED");
    assertThat(LazadaSigner.apiSign("app-secret-xyz", "/im/session/list", params, null))
        .isEqualTo("8083A79C1418D86EB9AC2C36743CD09409DD1C7B9E43B746BCCF6CAB9AEC7737");
    assertThat(LazadaSigner.apiSign("app-secret-xyz", "/im/message/send",
        Map.of("timestamp", "1764500000000", "app_key", "100132"), "{\"session_id\":\"s1\",\"txt\":\"Hi\"}"))
        .isEqualTo("31EE2780093FD8C7F90969560E9EC27864B2541CB3157653C5DE63B1DB3AA597");
    // push Authorization: lower-case hex of HMAC-SHA256(app_secret, app_key + raw body)
    assertThat(LazadaSigner.pushSignature("app-secret-xyz", "100132",
        "{\"message_type\":2}".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .isEqualTo("791d7224a334e7119a422c7b0f4646b9418f80da8cadd8434086f2f5e51c1f3a");
  }

  static final class LazadaFake extends FakeServerDriver<FakeLazada> {

    LazadaFake() {
      super(SELLER, "/webhooks/lazada", (vertx, clock) -> new FakeLazada(vertx, APP_KEY, APP_SECRET, clock));
    }

    @Override
    public boolean addOrder(String buyerId, String orderId, String status, String total, String currency,
                            Instant createdAt, List<String> items) {
      server.addOrder(SELLER, Long.parseLong(orderId), buyerId, status.toLowerCase(Locale.ROOT), total, currency,
          createdAt, items);
      return true;
    }

    @Override
    public AccountConfig account(String callbackUrl) {
      server.addSeller(SELLER, "lzd-access-0", "lzd-refresh-0", callbackUrl);
      return new AccountConfig("lazada-contract", "lazada", SELLER, "Contract Seller", "MY", "Asia/Kuala_Lumpur",
          server.baseUrl(), callbackUrl, new AccountCredentials(APP_KEY, APP_SECRET, "lzd-access-0", "lzd-refresh-0"),
          Map.of());
    }

    @Override
    public Future<Delivered> buyerWrites(String buyer, String buyerName, String text) {
      String buyerId = buyerId(buyer, n -> Long.toString(500_000L + n));
      return server.buyerWrites(SELLER, buyerId, buyerName, text).map(p -> delivered(p.status(), p.messageId(),
          p.sessionId(), buyerId, text, p.body(),
          MultiMap.caseInsensitiveMultiMap().add("Authorization", p.authorization()), () -> server.repush(p)));
    }

    @Override
    public List<Sent> sends() {
      return server.sends().stream().map(s -> {
        JsonObject c = s.getJsonObject("content");
        String type = switch (s.getString("template_id")) {
          case "1" -> "text";
          case "3" -> "image";
          case "10006" -> "item";
          case "10007" -> "order";
          default -> "other";
        };
        String value = c.getString("txt", c.getString("imgUrl", c.getString("itemId", c.getString("orderId"))));
        return new Sent(s.getString("session_id"), type, value, s.getString("message_id"));
      }).toList();
    }

    @Override
    public List<String> reads() {
      return server.reads().stream().map(r -> r.getString("session_id")).toList();
    }
  }
}
