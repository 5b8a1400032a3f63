package dev.unibox.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.domain.TextSanitizer;
import dev.unibox.testing.Await;
import dev.unibox.testing.TestInbox;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Row;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Every platform's webhook under fuzzed pushes (see docs/security.md, "Fuzzing"): the real push shape of
 * Shopee, Lazada, TikTok Shop and the merchant-integration bridge (Pinduoduo, Taobao, Douyin, Kuaishou),
 * with hostile text and buyer names, fields replaced by values of any type, removed or buried in deep
 * nesting, bytes that are not UTF-8 or not JSON, correctly signed (so they reach the parser), unsigned or
 * wrongly signed. Never a 5xx; a refused push changes no row; a valid push is stored exactly once, with
 * its text made storable, and its redelivery stores nothing more. One inbox serves the whole class.
 */
class PushFuzzTest {

  private static PushPlatforms platforms;
  private static FuzzOutcome outcome;

  @BeforeContainer
  static void start() throws Exception {
    platforms = PushPlatforms.start();
    outcome = new FuzzOutcome(platforms.inbox.db.pool());
    FuzzOutcome.noBlockedEventLoop("start");
  }

  @AfterContainer
  static void stop() throws Exception {
    if (platforms != null) {
      platforms.close();
    }
    FuzzOutcome.noBlockedEventLoop("the push fuzzing");
  }

  @Provide
  Arbitrary<PushSpec> pushes() {
    return PushSpec.any();
  }

  @Property(shrinking = ShrinkingMode.OFF)
  void shopeePushes(@ForAll("pushes") PushSpec spec) throws Exception {
    check(spec, platforms.shopee(spec));
  }

  @Property(shrinking = ShrinkingMode.OFF)
  void lazadaPushes(@ForAll("pushes") PushSpec spec) throws Exception {
    check(spec, platforms.lazada(spec));
  }

  @Property(shrinking = ShrinkingMode.OFF)
  void tiktokPushes(@ForAll("pushes") PushSpec spec) throws Exception {
    check(spec, platforms.tiktok(spec));
  }

  @Property(shrinking = ShrinkingMode.OFF)
  void bridgePushes(@ForAll("pushes") PushSpec spec) throws Exception {
    check(spec, platforms.bridge(spec));
  }

  // Regressions: what the fuzzing found, replayed every run (each answered 5xx before its fix).

  @Example
  void aWebhookNamingAConversationTikTokDoesNotKnowIsRefusedNotRetried() throws Exception {
    JsonObject body = platforms.validBody("tiktok");
    body.getJsonObject("data").put("conversation_id", "no-such-conversation");
    assertRefused(platforms.signed("tiktok", "tiktok-fz", body), 422, "push_not_resolvable");
  }

  @Example
  void aTikTokWebhookWhoseIdIsNotAnIdIsMalformed() throws Exception {
    JsonObject body = platforms.validBody("tiktok");
    body.getJsonObject("data").put("conversation_id", new JsonObject().put("a", new JsonArray().add(1)));
    assertRefused(platforms.signed("tiktok", "tiktok-fz", body), 400, "malformed_push");
  }

  @Example
  void aVerifiedPushTheAdapterCannotReadIsMalformed() throws Exception {
    JsonObject body = platforms.validBody("shopee");
    body.getJsonObject("data").getJsonObject("content").put("created_timestamp", Long.MAX_VALUE);
    assertRefused(platforms.signed("shopee", TestInbox.ACCOUNT_MY, body), 400, "malformed_push");
  }

  @Example
  void aPushSentAsAFormIsRefusedBeforeItIsDecoded() throws Exception {
    PushPlatforms.Request form = new PushPlatforms.Request("shopee", TestInbox.ACCOUNT_MY,
        MultiMap.caseInsensitiveMultiMap().set("Content-Type", "application/x-www-form-urlencoded"),
        ("x".repeat(5000) + "=1").getBytes(StandardCharsets.UTF_8), null);
    assertRefused(form, 415, "unsupported_media_type");
  }

  // Not a finding: a guard that a date far beyond what PostgreSQL stores does not lose the message.
  @Example
  void aMessageDatedBeyondWhatTheDatabaseStoresIsStillStored() throws Exception {
    JsonObject body = platforms.validBody("shopee");
    JsonObject content = body.getJsonObject("data").getJsonObject("content");
    content.put("created_timestamp", 253402300800000L);
    PushPlatforms.Request push = platforms.signed("shopee", TestInbox.ACCOUNT_MY, body);
    HttpResponse<Buffer> r = outcome.check("far-future shopee push", () -> send(push));
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    assertThat(platforms.inbox.count("SELECT count(*) FROM messages WHERE account_id = $1 AND platform_message_id = $2",
        TestInbox.ACCOUNT_MY, content.getString("message_id"))).isEqualTo(1);
  }

  private static void assertRefused(PushPlatforms.Request push, int status, String error) throws Exception {
    HttpResponse<Buffer> r = outcome.check(push.platform() + " regression", () -> send(push));
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(status);
    assertThat(r.bodyAsJsonObject().getString("error")).isEqualTo(error);
  }

  private void check(PushSpec spec, PushPlatforms.Request push) throws Exception {
    String what = push.platform() + " push " + spec;
    HttpResponse<Buffer> r = outcome.check(what, () -> send(push));
    if (spec.signing() != PushSpec.Signing.SIGNED) {
      assertThat(r.statusCode()).as(what + " without a good signature").isBetween(400, 499);
    }
    if (spec.valid()) {
      assertThat(r.statusCode()).as(what + " is valid: " + r.bodyAsString()).isEqualTo(200);
      List<Row> stored = platforms.inbox.rows("SELECT body FROM messages WHERE account_id = $1 "
          + "AND platform_message_id = $2", push.accountId(), push.messageId());
      assertThat(stored).as(what + " stored once").hasSize(1);
      if (!spec.text().isBlank()) {
        // TikTok Shop's text is fetched from its API as UTF-8, where a lone surrogate cannot travel (it arrives as '?')
        String sent = "tiktok".equals(push.platform())
            ? new String(spec.text().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8) : spec.text();
        assertThat(stored.get(0).getString("body")).as(what).isEqualTo(TextSanitizer.storable(sent));
      }
    }
    if (r.statusCode() < 300) {
      Map<String, String> settled = outcome.fingerprint();
      HttpResponse<Buffer> again = send(push);
      assertThat(again.statusCode()).as(what + " redelivered: " + again.bodyAsString()).isBetween(200, 299);
      assertThat(DbFingerprint.diff(settled, outcome.settle())).as(what + " redelivered changes nothing").isEmpty();
    }
    FuzzOutcome.noBlockedEventLoop(what);
  }

  private static HttpResponse<Buffer> send(PushPlatforms.Request push) throws Exception {
    var request = platforms.inbox.http.post("/webhooks/" + push.platform());
    request.headers().addAll(push.headers());
    return Await.result(request.sendBuffer(Buffer.buffer(push.body())));
  }
}
