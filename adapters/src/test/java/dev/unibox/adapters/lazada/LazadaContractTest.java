package dev.unibox.adapters.lazada;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.adapters.contract.MutableClock;
import dev.unibox.adapters.contract.PlatformAdapterContract;
import dev.unibox.adapters.fake.PushFaults;
import dev.unibox.adapters.lazada.fake.FakeLazada;
import dev.unibox.adapters.spi.AccountConfig;
import dev.unibox.adapters.spi.AccountCredentials;
import dev.unibox.adapters.spi.PlatformAdapterFactory;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Lazada passes the adapter contract against {@link FakeLazada}; plus Lazada-only checks. */
class LazadaContractTest extends PlatformAdapterContract {

  static final String APP_KEY = "120001";
  static final String APP_SECRET = "lazada-contract-secret";
  static final String SELLER = "100200300";

  @Override
  protected PlatformAdapterFactory factory() {
    return new LazadaAdapterFactory();
  }

  @Override
  protected Fake newFake() {
    return new LazadaFake();
  }

  @Test
  void sessionUpdatePushIsAcceptedWithoutMessages() {
    LazadaFake f = (LazadaFake) fake;
    Delivered d = await(f.buyerWrites("zed", "Zed", "hi"));

    FakeLazada.Push update = await(f.lazada.pushSessionUpdate(SELLER, d.conversationId()));

    assertThat(update.status()).isEqualTo(200);
    until(() -> webhook.accepted() == 2);
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

  @Test
  void deadRefreshTokenIsTokenDead() {
    LazadaFake f = (LazadaFake) fake;
    Delivered d = await(f.buyerWrites("yan", "Yan", "hi"));
    f.lazada.expireAccessToken(SELLER);
    f.lazada.expireRefreshToken(SELLER);

    var e = adapterFailure(adapter.send(text(d, "x")));

    assertThat(e.kind()).isEqualTo(dev.unibox.adapters.spi.ErrorKind.TOKEN_DEAD);
    assertThat(adapter.tokenDead()).isTrue();
  }

  static final class LazadaFake implements Fake {

    FakeLazada lazada;
    private final Map<String, String> buyerIds = new ConcurrentHashMap<>();
    private final Map<String, FakeLazada.Push> pushes = new ConcurrentHashMap<>();

    @Override
    public Future<Void> start(Vertx vertx, MutableClock clock) {
      lazada = new FakeLazada(vertx, APP_KEY, APP_SECRET, clock);
      return lazada.start(0).mapEmpty();
    }

    @Override
    public boolean addOrder(String buyerId, String orderId, String status, String total, String currency,
                            java.time.Instant createdAt, List<String> items) {
      lazada.addOrder(SELLER, Long.parseLong(orderId), buyerId, status.toLowerCase(java.util.Locale.ROOT), total,
          currency, createdAt, items);
      return true;
    }

    @Override
    public Future<Void> stop() {
      return lazada.stop();
    }

    @Override
    public AccountConfig account(String callbackUrl) {
      lazada.addSeller(SELLER, "lzd-access-0", "lzd-refresh-0", callbackUrl);
      return new AccountConfig("lazada-contract", "lazada", SELLER, "Contract Seller", "MY", "Asia/Kuala_Lumpur",
          lazada.baseUrl(), callbackUrl, new AccountCredentials(APP_KEY, APP_SECRET, "lzd-access-0", "lzd-refresh-0"),
          Map.of());
    }

    @Override
    public String webhookPath() {
      return "/webhooks/lazada";
    }

    @Override
    public Future<Delivered> buyerWrites(String buyer, String buyerName, String text) {
      String buyerId = buyerIds.computeIfAbsent(buyer, b -> Long.toString(500_000L + buyerIds.size()));
      return lazada.buyerWrites(SELLER, buyerId, buyerName, text).map(p -> {
        pushes.put(p.messageId(), p);
        return new Delivered(p.status(), p.messageId(), p.sessionId(), buyerId, text, Buffer.buffer(p.body()),
            MultiMap.caseInsensitiveMultiMap().add("Authorization", p.authorization()));
      });
    }

    @Override
    public Future<Void> redeliver(Delivered earlier) {
      return lazada.repush(pushes.get(earlier.messageId())).mapEmpty();
    }

    @Override
    public PushFaults faults() {
      return lazada.pushFaults();
    }

    @Override
    public List<Sent> sends() {
      return lazada.sends().stream().map(s -> {
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
    public int rejectedCalls() {
      return lazada.rejectedCalls();
    }

    @Override
    public void expireAccessToken() {
      lazada.expireAccessToken(SELLER);
    }

    @Override
    public int refreshes() {
      return lazada.refreshes();
    }

    @Override
    public void rateLimitNextCalls(int n, long retryAfterSeconds) {
      lazada.rateLimitNextCalls(n, retryAfterSeconds);
    }

    @Override
    public void failNextSendsTransiently(int n) {
      lazada.failNextSends(n);
    }

    @Override
    public List<String> reads() {
      return lazada.reads().stream().map(r -> r.getString("session_id")).toList();
    }
  }
}
