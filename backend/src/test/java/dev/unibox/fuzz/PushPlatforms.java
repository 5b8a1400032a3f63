package dev.unibox.fuzz;

import dev.unibox.adapters.bridge.BridgeSigner;
import dev.unibox.adapters.bridge.fake.FakeMerchantIntegration;
import dev.unibox.adapters.lazada.LazadaSigner;
import dev.unibox.adapters.lazada.fake.FakeLazada;
import dev.unibox.adapters.shopee.ShopeeSigner;
import dev.unibox.adapters.tiktok.TikTokSigner;
import dev.unibox.adapters.tiktok.fake.FakeTikTokShop;
import dev.unibox.config.UniboxConfig;
import dev.unibox.testing.Await;
import dev.unibox.testing.MutableClock;
import dev.unibox.testing.TestInbox;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The inbox with one account of every push platform, each behind its fake platform server, and the
 * platforms' own push shapes and signatures. The clock stands still, so nothing in the database moves
 * with time (SLA timers, token expiry) while pushes are compared before and after; and the SLA sweep runs
 * only at start, because a fuzzed push may carry any date: one dated long ago is rightly warned and breached
 * at the sweep's next pass, which would land between a push and its redelivery.
 */
final class PushPlatforms implements AutoCloseable {

  static final List<String> BRIDGE_PLATFORMS = List.of("pinduoduo", "taobao", "douyin", "kuaishou");
  private static final String LAZADA_KEY = "130001";
  private static final String LAZADA_SECRET = "lazada-secret-for-fuzzing";
  private static final String LAZADA_SELLER = "100200300";
  private static final String TIKTOK_KEY = "6fuzzapp";
  private static final String TIKTOK_SECRET = "tiktok-secret-for-fuzzing";
  private static final String TIKTOK_SHOP = "7490001";
  private static final String BRIDGE_SECRET = "bridge-secret-for-fuzzing";

  /** A push as it goes on the wire, and the message id a valid one carries. */
  record Request(String platform, String accountId, MultiMap headers, byte[] body, String messageId) {}

  final Vertx vertx;
  final MutableClock clock;
  final TestInbox inbox;
  private final FakeLazada lazada;
  private final FakeTikTokShop tiktok;
  private final FakeMerchantIntegration bridge;
  private final AtomicLong counter = new AtomicLong();

  private PushPlatforms(Vertx vertx, MutableClock clock, TestInbox inbox, FakeLazada lazada, FakeTikTokShop tiktok,
                        FakeMerchantIntegration bridge) {
    this.vertx = vertx;
    this.clock = clock;
    this.inbox = inbox;
    this.lazada = lazada;
    this.tiktok = tiktok;
    this.bridge = bridge;
  }

  static PushPlatforms start() throws Exception {
    Vertx vertx = Vertx.vertx();
    MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    UniboxConfig.SlaConfig sla = UniboxConfig.SlaConfig.standard();
    UniboxConfig.SlaConfig sweepOnlyAtStart = new UniboxConfig.SlaConfig(sla.policy(), Duration.ofDays(1).toMillis(),
        sla.reassignOnBreach(), sla.disconnectGraceSeconds());
    TestInbox inbox = TestInbox.start(vertx, clock,
        c -> TestInbox.withRouting(c, c.routing().withSla(sweepOnlyAtStart)));
    String hooks = inbox.app.baseUrl() + "/webhooks/";
    FakeLazada lazada = Await.result(new FakeLazada(vertx, LAZADA_KEY, LAZADA_SECRET, clock).start(0));
    lazada.addSeller(LAZADA_SELLER, "lzd-access", "lzd-refresh", hooks + "lazada");
    FakeTikTokShop tiktok = Await.result(new FakeTikTokShop(vertx, TIKTOK_KEY, TIKTOK_SECRET, clock).start(0));
    tiktok.addShop(TIKTOK_SHOP, "cipher-1", "tts-access", "tts-refresh", hooks + "tiktok");
    FakeMerchantIntegration bridge = Await.result(
        new FakeMerchantIntegration(vertx, "pinduoduo", "bridge-shop", BRIDGE_SECRET, clock).start(0));
    PushPlatforms p = new PushPlatforms(vertx, clock, inbox, lazada, tiktok, bridge);
    String admin = inbox.loginAdmin();
    p.add(admin, new JsonObject().put("id", "lazada-fz").put("platform", "lazada").put("shopId", LAZADA_SELLER)
        .put("apiBaseUrl", lazada.baseUrl()).put("credentials", new JsonObject().put("appKey", LAZADA_KEY)
            .put("appSecret", LAZADA_SECRET).put("accessToken", "lzd-access").put("refreshToken", "lzd-refresh")));
    p.add(admin, new JsonObject().put("id", "tiktok-fz").put("platform", "tiktok").put("shopId", TIKTOK_SHOP)
        .put("apiBaseUrl", tiktok.baseUrl()).put("options", new JsonObject().put("shopCipher", "cipher-1"))
        .put("credentials", new JsonObject().put("appKey", TIKTOK_KEY).put("appSecret", TIKTOK_SECRET)
            .put("accessToken", "tts-access").put("refreshToken", "tts-refresh")));
    for (String platform : BRIDGE_PLATFORMS) {
      p.add(admin, new JsonObject().put("id", platform + "-fz").put("platform", platform)
          .put("shopId", platform + "-shop").put("apiBaseUrl", bridge.callbackUrl())
          .put("credentials", new JsonObject().put("appKey", platform).put("appSecret", BRIDGE_SECRET)));
    }
    return p;
  }

  private void add(String admin, JsonObject account) throws Exception {
    // the polling backstop would later fetch the fake platforms' copies of refused pushes: it runs once a day here
    JsonObject options = account.getJsonObject("options", new JsonObject()).put("pollIntervalSeconds", "86400");
    account.put("shopName", account.getString("id")).put("timeZone", "UTC").put("options", options);
    var r = inbox.post(admin, "/api/admin/accounts", account);
    if (r.statusCode() != 201) {
      throw new AssertionError("account " + account.getString("id") + ": " + r.statusCode() + " " + r.bodyAsString());
    }
  }

  Request shopee(PushSpec spec) {
    String id = "fz-" + counter.incrementAndGet();
    long now = clock.instant().getEpochSecond();
    JsonObject template = new JsonObject().put("msg_id", "p-" + id).put("code", 10).put("shop_id", TestInbox.SHOP_MY)
        .put("timestamp", now).put("data", new JsonObject().put("type", "message").put("region", "MY")
            .put("content", new JsonObject().put("message_id", id).put("conversation_id", "c-" + id)
                .put("from_id", 810000 + counter.get()).put("from_user_name", spec.buyerName()).put("to_id", 5550001)
                .put("to_user_name", "shop").put("message_type", "text")
                .put("content", new JsonObject().put("text", spec.text())).put("created_timestamp", now)
                .put("source_content", new JsonObject()).put("quoted_msg", new JsonObject().put("message_id", ""))));
    return request("shopee", TestInbox.ACCOUNT_MY, spec, template, id);
  }

  Request lazada(PushSpec spec) throws Exception {
    lazada.pushFaults().dropNext(1);
    FakeLazada.Push push = Await.result(lazada.buyerWrites(LAZADA_SELLER, "88" + counter.incrementAndGet(),
        spec.buyerName(), spec.text()));
    return request("lazada", "lazada-fz", spec, new JsonObject(push.body()), push.messageId());
  }

  Request tiktok(PushSpec spec) throws Exception {
    tiktok.pushFaults().dropNext(1);
    FakeTikTokShop.Push push = Await.result(tiktok.buyerWrites(TIKTOK_SHOP, "im-" + counter.incrementAndGet(),
        spec.buyerName(), spec.text()));
    return request("tiktok", "tiktok-fz", spec, new JsonObject(push.body()), push.messageId());
  }

  Request bridge(PushSpec spec) throws Exception {
    String platform = BRIDGE_PLATFORMS.get(Math.floorMod(spec.variant(), BRIDGE_PLATFORMS.size()));
    bridge.pushFaults().dropNext(1);
    FakeMerchantIntegration.Push push = Await.result(bridge.buyerWrites("b" + counter.incrementAndGet(),
        spec.buyerName(), "conv-" + counter.get(), spec.text()));
    return request(platform, platform + "-fz", spec, new JsonObject(push.body()).put("shop_id", platform + "-shop"),
        push.messageId());
  }

  /** A push of the platform with exactly this body, correctly signed (regression cases). */
  Request signed(String platform, String accountId, JsonObject json) {
    byte[] body = json.encode().getBytes(StandardCharsets.UTF_8);
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().set("Content-Type", "application/json");
    signFor(platform, body, headers);
    return new Request(platform, accountId, headers, body, null);
  }

  /** The template made into a push as the spec says (mutated, damaged, signed or not). */
  private Request request(String platform, String accountId, PushSpec spec, JsonObject template, String messageId) {
    byte[] body = body(template, spec);
    MultiMap headers = headers(spec);
    sign(spec, body, headers, b -> signFor(platform, b, headers));
    return new Request(platform, accountId, headers, body, messageId);
  }

  /** Sets the platform's signature headers for these bytes (a bridge platform: the bridge's, with its timestamp). */
  private void signFor(String platform, byte[] body, MultiMap headers) {
    switch (platform) {
      case "shopee" -> headers.set("Authorization", ShopeeSigner.pushSignature(TestInbox.PARTNER_KEY,
          inbox.app.baseUrl() + "/webhooks/shopee", body));
      case "lazada" -> headers.set("Authorization", LazadaSigner.pushSignature(LAZADA_SECRET, LAZADA_KEY, body));
      case "tiktok" -> headers.set("Authorization", TikTokSigner.pushSignature(TIKTOK_SECRET, TIKTOK_KEY, body));
      default -> {
        long ts = clock.instant().getEpochSecond();
        headers.set(BridgeSigner.SIGNATURE_HEADER, BridgeSigner.sign(BRIDGE_SECRET, ts, body))
            .set(BridgeSigner.TIMESTAMP_HEADER, Long.toString(ts));
      }
    }
  }

  /** The body of a valid push of the platform (its fake's own shape), to edit for a regression case. */
  JsonObject validBody(String platform) throws Exception {
    PushSpec plain = new PushSpec("hello", "Ana", List.of(), new PushSpec.Bytes(PushSpec.Bytes.Kind.INTACT, 0, 0, null),
        PushSpec.Signing.SIGNED, 0);
    Request r = switch (platform) {
      case "shopee" -> shopee(plain);
      case "lazada" -> lazada(plain);
      case "tiktok" -> tiktok(plain);
      default -> bridge(plain);
    };
    return new JsonObject(Buffer.buffer(r.body()));
  }

  private static MultiMap headers(PushSpec spec) {
    return MultiMap.caseInsensitiveMultiMap().set("Content-Type", spec.contentType());
  }

  /** The template with the spec's mutations applied, encoded, then its bytes damaged as the spec says. */
  private static byte[] body(JsonObject template, PushSpec spec) {
    Object root = template;
    for (JsonMutation m : spec.mutations()) {
      root = m.applyTo(root);
    }
    String text = FuzzValues.encode(root);
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    PushSpec.Bytes damage = spec.bytes();
    return switch (damage.kind()) {
      case INTACT -> bytes;
      case INVALID_UTF8 -> FuzzValues.withInvalidUtf8(text, damage.at(), damage.variant());
      case TRUNCATED -> Arrays.copyOf(bytes, (int) (bytes.length * damage.at()));
      case REPLACED -> damage.replacement();
    };
  }

  private static void sign(PushSpec spec, byte[] body, MultiMap headers, java.util.function.Consumer<byte[]> signer) {
    switch (spec.signing()) {
      case SIGNED -> signer.accept(body);
      case FOR_OTHER_BODY -> signer.accept("{\"shop_id\":1}".getBytes(StandardCharsets.UTF_8));
      case WRONG -> {
        signer.accept(body);
        for (String name : List.of("Authorization", BridgeSigner.SIGNATURE_HEADER)) {
          String good = headers.get(name);
          if (good != null) {
            // one digit off, or not a signature at all
            headers.set(name, spec.variant() % 2 == 0 ? (good.charAt(0) == '0' ? "1" : "0") + good.substring(1)
                : "Bearer " + good + " x");
          }
        }
      }
      case UNSIGNED -> { }
    }
  }

  @Override
  public void close() throws Exception {
    Await.result(tiktok.stop());
    Await.result(lazada.stop());
    Await.result(bridge.stop());
    inbox.close();
    Await.result(vertx.close());
  }
}
