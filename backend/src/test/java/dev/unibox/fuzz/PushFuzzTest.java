package dev.unibox.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.domain.TextSanitizer;
import dev.unibox.testing.Await;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Row;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
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

  @Property(tries = 40, shrinking = ShrinkingMode.OFF)
  void shopeePushes(@ForAll("pushes") PushSpec spec) throws Exception {
    check(spec, platforms.shopee(spec));
  }

  @Property(tries = 30, shrinking = ShrinkingMode.OFF)
  void lazadaPushes(@ForAll("pushes") PushSpec spec) throws Exception {
    check(spec, platforms.lazada(spec));
  }

  @Property(tries = 30, shrinking = ShrinkingMode.OFF)
  void tiktokPushes(@ForAll("pushes") PushSpec spec) throws Exception {
    check(spec, platforms.tiktok(spec));
  }

  @Property(tries = 30, shrinking = ShrinkingMode.OFF)
  void bridgePushes(@ForAll("pushes") PushSpec spec) throws Exception {
    check(spec, platforms.bridge(spec));
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
