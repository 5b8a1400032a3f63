package dev.unibox.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.Await;
import dev.unibox.testing.TestInbox;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The compliance check on the real send path: warn, block, override with a reason, the composer's live
 * check, the daily inspection report, and rule edits that take effect without a restart. Image, product and
 * order replies reach the buyer too: they pass the same check as text.
 */
class ComplianceCheckTest extends QualityTest {

  @Test
  void aBlockedReplyNeverReachesThePlatformEvenThroughTheApi() throws Exception {
    try (var mei = f.agent("mei")) {
      long id = f.assignedTo(mei, "811300", "siti.a", "Is this cheaper elsewhere?");

      var blocked = f.reply(mei.token(), id, new JsonObject().put("text", "这是全网最低价，放心买"));
      assertThat(blocked.statusCode()).isEqualTo(422);
      assertThat(blocked.bodyAsJsonObject().getString("error")).isEqualTo("reply_blocked");
      assertThat(blocked.bodyAsJsonObject().getString("message")).contains("最低价").contains("override");

      var notOverridable = f.reply(mei.token(), id, new JsonObject().put("text", "加我微信，私下便宜点")
          .put("override", new JsonObject().put("reason", "the buyer asked")));
      assertThat(notOverridable.statusCode()).isEqualTo(422);
      assertThat(notOverridable.bodyAsJsonObject().getString("message")).contains("even with a reason");

      var noReason = f.reply(mei.token(), id, new JsonObject().put("text", "最低价").put("override", new JsonObject()));
      assertThat(noReason.statusCode()).isEqualTo(400);
      assertThat(noReason.bodyAsJsonObject().getString("error")).isEqualTo("bad_override");

      assertThat(f.count("SELECT count(*) FROM messages WHERE direction = 'out'")).isZero();
      assertThat(f.count("SELECT count(*) FROM outbox")).isZero();
      assertThat(f.count("SELECT count(*) FROM reply_inspections")).isZero();
      var detail = f.inbox.get(mei.token(), "/api/conversations/" + id).bodyAsJsonObject();
      assertThat(detail.getJsonObject("conversation").getString("waitingSince")).as("still waiting").isNotNull();

      // a clean reply goes out, proving the platform is reachable: the blocked ones were never sent
      assertThat(f.reply(mei.token(), id, new JsonObject().put("text", "同款价格都一样，放心买")).statusCode()).isEqualTo(202);
      Await.until("sent", () -> f.inbox.shopee.acceptedSends().size() == 1);
      assertThat(f.inbox.shopee.acceptedSends().get(0).encode()).doesNotContain("最低价").doesNotContain("微信");
    }
  }

  @Test
  void aWarningIsSentAndRecordedAnOverrideNeedsAReasonAndIsOnTheTimelineAndInTheReport() throws Exception {
    try (var mei = f.agent("mei")) {
      long id = f.assignedTo(mei, "811301", "tan.k", "What's so special about this?");

      var warned = f.reply(mei.token(), id, new JsonObject().put("text", "It is made of top-grade cotton."));
      assertThat(warned.statusCode()).isEqualTo(202);
      var overridden = f.reply(mei.token(), id, new JsonObject().put("text", "It won the national-level design award.")
          .put("override", new JsonObject().put("reason", "Quoting the award certificate, ref. NDA-2026-114")));
      assertThat(overridden.statusCode()).isEqualTo(202);
      Await.until("both sent", () -> f.inbox.shopee.acceptedSends().size() == 2);

      assertThat(f.count("SELECT count(*) FROM reply_inspections WHERE outcome = 'flagged'")).isEqualTo(1);
      assertThat(f.count("SELECT count(*) FROM reply_inspections WHERE outcome = 'overridden' "
          + "AND override_reason LIKE 'Quoting the award%'")).isEqualTo(1);
      JsonArray timeline = f.inbox.get(mei.token(), "/api/conversations/" + id).bodyAsJsonObject().getJsonArray("timeline");
      assertThat(timeline.stream().map(JsonObject.class::cast)
          .filter(e -> "quality_override".equals(e.getString("type"))))
          .singleElement().satisfies(e -> assertThat(e.getString("text")).contains("national-level")
              .contains("Quoting the award certificate"));

      String today = LocalDate.now(ZoneOffset.UTC).toString();
      String lead = f.supervisor("lin");
      JsonObject report = f.inbox.get(lead, "/api/quality/inspections?date=" + today + "&zone=UTC").bodyAsJsonObject();
      JsonObject agent = report.getJsonArray("agents").getJsonObject(0);
      assertThat(agent.getJsonObject("agent").getString("displayName")).startsWith("mei");
      assertThat(agent.getInteger("flagged")).isEqualTo(1);
      assertThat(agent.getInteger("overridden")).isEqualTo(1);
      assertThat(agent.getJsonArray("replies").encode()).contains("top-grade").contains("NDA-2026-114");

      String arif = f.inbox.loggedIn("arif", "agent", 3);
      assertThat(f.inbox.get(arif, "/api/quality/inspections?date=" + today).bodyAsJsonObject()
          .getJsonArray("agents")).as("an agent sees only their own").isEmpty();
      assertThat(f.inbox.get(lead, "/api/quality/inspections?date=2026-13-01").statusCode()).isEqualTo(400);
      assertThat(f.inbox.get(lead, "/api/quality/inspections?zone=Mars/Base").statusCode()).isEqualTo(400);
    }
  }

  @Test
  void theComposersCheckShowsWhereAndWhatAndTheSameCannedTextIsFlagged() throws Exception {
    try (var mei = f.agent("mei")) {
      long id = f.assignedTo(mei, "811302", "nur", "Ada warna lain?");
      String path = "/api/conversations/" + id + "/replies/check";

      JsonObject check = f.inbox.post(mei.token(), path, new JsonObject().put("text", "Ini harga terendah, kan saya dah cakap"))
          .bodyAsJsonObject();
      assertThat(check.getString("verdict")).isEqualTo("block");
      assertThat(check.getBoolean("overridable")).isTrue();
      JsonObject first = check.getJsonArray("findings").getJsonObject(0);
      assertThat(first.getString("matched")).isEqualTo("harga terendah");
      assertThat(first.getInteger("start")).isEqualTo(4);
      assertThat(first.getInteger("end")).isEqualTo(18);
      assertThat(first.getString("action")).isEqualTo("block");
      assertThat(check.getJsonArray("findings").getJsonObject(1).getString("group")).isEqualTo("interrogating");
      assertThat(f.inbox.post(mei.token(), path, new JsonObject().put("text", "Ada, warna biru dan merah."))
          .bodyAsJsonObject().getString("verdict")).isEqualTo("clean");

      String canned = "Terima kasih, kami sedang semak pesanan anda.";
      assertThat(f.reply(mei.token(), id, new JsonObject().put("text", canned)).statusCode()).isEqualTo(202);
      JsonObject again = f.inbox.post(mei.token(), path, new JsonObject().put("text", canned)).bodyAsJsonObject();
      assertThat(again.getString("verdict")).isEqualTo("warn");
      assertThat(again.getJsonArray("findings").getJsonObject(0).getString("rule")).isEqualTo("repeated");

      String arif = f.inbox.loggedIn("arif", "agent", 3);
      assertThat(f.inbox.post(arif, path, new JsonObject().put("text", "x")).statusCode())
          .as("not arif's conversation").isEqualTo(403);
      assertThat(f.inbox.post(mei.token(), path, new JsonObject()).statusCode()).isEqualTo(400);
      assertThat(f.inbox.post(mei.token(), path, new JsonObject().put("text", "x".repeat(6000))).statusCode())
          .isEqualTo(400);
    }
  }

  @Test
  void anAdminsRuleEditTakesEffectAtOnceAndOthersMayNotEdit() throws Exception {
    try (var mei = f.agent("mei")) {
      long id = f.assignedTo(mei, "811303", "lim", "Any discount?");
      String check = "/api/conversations/" + id + "/replies/check";
      JsonObject words = new JsonObject().put("text", "Flash deal, kaboom price!");
      assertThat(f.inbox.post(mei.token(), check, words).bodyAsJsonObject().getString("verdict")).isEqualTo("clean");

      String scope = "shop:" + TestInbox.ACCOUNT_MY;
      JsonObject doc = QualityFixture.shopWordsBlocked("kaboom price => good price");
      f.setRules(scope, doc);
      JsonObject now = f.inbox.post(mei.token(), check, words).bodyAsJsonObject();
      assertThat(now.getString("verdict")).isEqualTo("block");
      assertThat(now.getJsonArray("findings").getJsonObject(0).getString("fix")).isEqualTo("good price");
      assertThat(f.reply(mei.token(), id, words).statusCode()).isEqualTo(422);
      JsonObject tw = f.inbox.get(f.admin(), "/api/quality/rules/shop:" + TestInbox.ACCOUNT_TW).bodyAsJsonObject();
      assertThat(tw.getString("source")).as("the other shop is untouched").isNotEqualTo("edited");

      JsonObject described = f.inbox.get(f.admin(), "/api/quality/rules/" + scope).bodyAsJsonObject();
      assertThat(described.getString("source")).isEqualTo("edited");
      assertThat(described.getJsonObject("shipped")).isNotNull();

      String lead = f.supervisor("lin");
      assertThat(f.put(lead, "/api/quality/rules/" + scope, new JsonObject().put("document", doc)).statusCode())
          .isEqualTo(403);
      assertThat(f.put(mei.token(), "/api/quality/rules/global", new JsonObject().put("document", doc)).statusCode())
          .isEqualTo(403);
      var invalid = f.put(f.admin(), "/api/quality/rules/" + scope, new JsonObject().put("document",
          new JsonObject().put("policy", new JsonObject().put("absolute", new JsonObject().put("action", "maybe")))
              .put("spam", new JsonObject().put("patterns", new JsonArray().add("([")))));
      assertThat(invalid.statusCode()).isEqualTo(400);
      assertThat(invalid.bodyAsJsonObject().getString("message")).contains("action").contains("patterns[0]");
      assertThat(f.put(f.admin(), "/api/quality/rules/shop:nope", new JsonObject().put("document", doc)).statusCode())
          .isEqualTo(404);
      assertThat(f.inbox.post(mei.token(), check, words).bodyAsJsonObject().getString("verdict"))
          .as("a refused edit changed nothing").isEqualTo("block");

      assertThat(f.delete(f.admin(), "/api/quality/rules/" + scope).statusCode()).isEqualTo(200);
      assertThat(f.inbox.post(mei.token(), check, words).bodyAsJsonObject().getString("verdict")).isEqualTo("clean");
      assertThat(f.inbox.get(lead, "/api/quality/rules").bodyAsJsonObject().getJsonArray("scopes").encode())
          .contains("\"global\"").contains("platform:shopee").contains("shop:" + TestInbox.ACCOUNT_MY);
    }
  }

  @Test
  void aBlockedTermInAnImageUrlOrAProductIdIsRefusedAndNothingIsStored() throws Exception {
    try (var mei = f.agent("mei")) {
      long id = f.assignedTo(mei, "814001", "lim", "Show me the lamp");
      f.setRules("shop:" + TestInbox.ACCOUNT_MY, QualityFixture.shopWordsBlocked("kaboomprice"));

      var image = f.reply(mei.token(), id, new JsonObject().put("type", "image")
          .put("text", "https://cdn.example.com/kaboomprice-lamp.jpg"));
      assertThat(image.statusCode()).as(image.bodyAsString()).isEqualTo(422);
      var item = f.reply(mei.token(), id, new JsonObject().put("type", "item").put("text", "kaboomprice"));
      assertThat(item.statusCode()).isEqualTo(422);
      assertThat(f.count("SELECT count(*) FROM messages WHERE conversation_id = $1 AND direction = 'out'", id)).isZero();
      assertThat(f.reply(mei.token(), id, new JsonObject().put("type", "item").put("text", "100200300")).statusCode())
          .isEqualTo(202);
    }
  }
}
