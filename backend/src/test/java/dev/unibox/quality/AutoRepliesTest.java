package dev.unibox.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.Await;
import dev.unibox.testing.TestInbox;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Auto-replies go out through the outbox and Shopee's auto-reply call, are marked automatic, never count
 * as a human first response (waiting_since stays, response metrics ignore them) and respect Shopee's
 * one-per-buyer-per-24-hours limit.
 */
class AutoRepliesTest extends QualityTest {

  private static final String SCOPE = "shop:" + TestInbox.ACCOUNT_MY;

  private static JsonObject autoReplies(JsonObject settings) {
    return new JsonObject().put("autoReplies", settings.put("businessHours",
        settings.containsKey("businessHours") ? settings.getJsonObject("businessHours")
            : new JsonObject().put("days", "mon-sun").put("open", "00:00").put("close", "00:00")));
  }

  @Test
  void theGreetingIsAutomaticAndTheConversationKeepsWaitingForAHuman() throws Exception {
    f.setRules(SCOPE, autoReplies(new JsonObject().put("defaultLanguage", "en")
        .put("greeting", new JsonObject().put("enabled", true))));
    String lead = f.supervisor("lin");
    f.inbox.buyerWrites(TestInbox.SHOP_MY, "811400", "aisyah.r", "Hello, is the blue vase in stock?");
    long id = f.conversationOf("811400");

    Await.until("the greeting is delivered", () -> f.inbox.shopee.acceptedSends().size() == 1
        && f.count("SELECT count(*) FROM messages WHERE conversation_id = $1 AND status = 'sent'", id) == 1);
    JsonObject sent = f.inbox.shopee.acceptedSends().get(0);
    assertThat(sent.getBoolean("auto_reply")).as("via send_autoreply_message").isTrue();
    assertThat(sent.getJsonObject("content").getString("text"))
        .isEqualTo("Hi aisyah.r, thanks for contacting Blossom Home MY! An agent will be with you shortly.");

    JsonObject detail = f.inbox.get(lead, "/api/conversations/" + id).bodyAsJsonObject();
    JsonObject conversation = detail.getJsonObject("conversation");
    Instant firstBuyerMessage = Instant.parse(detail.getJsonArray("timeline").stream().map(JsonObject.class::cast)
        .filter(e -> "in".equals(e.getString("direction"))).findFirst().orElseThrow().getString("at"));
    assertThat(Instant.parse(conversation.getString("waitingSince"))).as("not a human response")
        .isEqualTo(firstBuyerMessage);
    assertThat(conversation.getString("status")).isEqualTo("queued");
    JsonObject auto = detail.getJsonArray("timeline").stream().map(JsonObject.class::cast)
        .filter(e -> "out".equals(e.getString("direction"))).findFirst().orElseThrow();
    assertThat(auto.getBoolean("automatic")).isTrue();
    assertThat(auto.getString("author")).isEqualTo("Auto-reply");

    // Only a human answer stops the clock; the metrics measure to it, not to the auto-reply.
    f.clock.advance(Duration.ofSeconds(150));
    try (var mei = f.agent("mei")) {
      mei.socket().nextEvent("conversation.assigned");
      assertThat(f.reply(mei.token(), id, new JsonObject().put("text", "Yes, the blue one is in stock.")).statusCode())
          .isEqualTo(202);
    }
    assertThat(f.inbox.get(lead, "/api/conversations/" + id).bodyAsJsonObject().getJsonObject("conversation")
        .getString("waitingSince")).isNull();
    JsonObject metrics = f.inbox.get(lead, "/api/quality/metrics/response?withinSeconds=60&to="
        + f.clock.instant().plusSeconds(1)).bodyAsJsonObject();
    assertThat(metrics.getInteger("conversations")).isEqualTo(1);
    assertThat(metrics.getInteger("autoReplied")).isEqualTo(1);
    assertThat(metrics.getInteger("answered")).isEqualTo(1);
    assertThat(metrics.getInteger("answeredWithin")).as("the auto-reply came at once, the human after 150 s").isZero();
    assertThat(metrics.getLong("medianFirstResponseSeconds")).isGreaterThanOrEqualTo(150);

    // The same buyer writes again, now off hours: the greeting is for first contact only. The off-hours
    // decision (suppressed: Shopee's one per 24 h) shows that a sweep handled the new message.
    f.setRules(SCOPE, autoReplies(new JsonObject().put("defaultLanguage", "en")
        .put("businessHours", new JsonObject().put("days", "none"))
        .put("greeting", new JsonObject().put("enabled", true))
        .put("offHours", new JsonObject().put("enabled", true))));
    f.inbox.buyerWrites(TestInbox.SHOP_MY, "811400", "aisyah.r", "And the green one?");
    Await.until("off-hours decided for the new wait", () -> f.count("SELECT count(*) FROM auto_replies "
        + "WHERE kind = 'off_hours' AND outcome = 'suppressed'") == 1);
    assertThat(f.count("SELECT count(*) FROM auto_replies WHERE kind = 'greeting'")).isEqualTo(1);
  }

  @Test
  void surgeAndOffHoursRepliesAndShopeesOnePerDayLimit() throws Exception {
    f.setRules(SCOPE, autoReplies(new JsonObject().put("defaultLanguage", "en")
        .put("greeting", new JsonObject().put("enabled", true))
        .put("surge", new JsonObject().put("enabled", true).put("afterSeconds", 90))));
    f.inbox.buyerWrites(TestInbox.SHOP_MY, "811401", "nur", "Saya nak tukar saiz");
    long id = f.conversationOf("811401");
    Await.until("greeting", () -> f.count("SELECT count(*) FROM auto_replies WHERE kind = 'greeting' "
        + "AND outcome = 'sent'") == 1);
    assertThat(f.count("SELECT count(*) FROM auto_replies WHERE kind = 'surge'")).as("not yet 90 s").isZero();

    // 100 s later nobody has taken it: the surge reply would be due, but Shopee allows one per 24 h.
    f.clock.advance(Duration.ofSeconds(100));
    Await.until("surge decided", () -> f.count("SELECT count(*) FROM auto_replies WHERE kind = 'surge'") == 1);
    assertThat(f.count("SELECT count(*) FROM auto_replies WHERE kind = 'surge' AND outcome = 'suppressed' "
        + "AND reason LIKE 'platform limit: 1 auto-reply per buyer per 24 h%'")).isEqualTo(1);
    assertThat(f.count("SELECT count(*) FROM messages WHERE message_type = 'autoreply'")).isEqualTo(1);

    // An agent answers, the buyer writes again: a new wait. Then the shop is closed (off hours every day):
    // the off-hours reply for this wait is still within 24 h of the greeting, so it is suppressed too.
    try (var mei = f.agent("mei")) {
      mei.socket().nextEvent("conversation.assigned");
      answerAndWaitAgain(mei.token(), id, "Boleh, saiz apa?", "Saiz M");
      f.setRules(SCOPE, autoReplies(new JsonObject().put("defaultLanguage", "en")
          .put("businessHours", new JsonObject().put("days", "none"))
          .put("offHours", new JsonObject().put("enabled", true))
          .put("surge", new JsonObject().put("enabled", true).put("afterSeconds", 90))));
      Await.until("off-hours decided", () -> f.count("SELECT count(*) FROM auto_replies WHERE kind = 'off_hours'") == 1);
      assertThat(f.count("SELECT count(*) FROM auto_replies WHERE kind = 'off_hours' AND outcome = 'suppressed'"))
          .isEqualTo(1);

      // A day later (the greeting is 25 h old) the same buyer may get an auto-reply again.
      f.inbox.rows("UPDATE auto_replies SET at = at - interval '25 hours'");
      answerAndWaitAgain(mei.token(), id, "Saiz M ada.", "Terima kasih, bila hantar?");
      Await.until("off-hours reply sent", () -> f.count("SELECT count(*) FROM auto_replies WHERE kind = 'off_hours' "
          + "AND outcome = 'sent'") == 1);
      Await.until("delivered", () -> f.inbox.shopee.acceptedSends().stream().anyMatch(s -> s.getBoolean("auto_reply")
          && s.getJsonObject("content").getString("text")
          .equals("Hai nur, kami di luar waktu operasi sekarang (closed). Kami akan membalas sebaik sahaja kembali.")));
      assertThat(f.count("SELECT count(*) FROM auto_replies WHERE kind = 'surge' AND outcome = 'sent'"))
          .as("'an agent is coming' is never promised off hours, nor once an agent has it").isZero();
      assertThat(f.count("SELECT count(*) FROM conversations WHERE id = $1 AND waiting_since IS NOT NULL", id))
          .as("the off-hours reply does not answer the buyer either").isEqualTo(1);
      // solved before mei leaves: otherwise her disconnect requeues it and, once the clock moves on below,
      // it is rightly due a surge reply too, depending on which sweep runs first
      assertThat(f.inbox.post(mei.token(), "/api/conversations/" + id + "/close", new JsonObject()).statusCode())
          .isEqualTo(200);
    }

    // Without a platform limit (max 0), a queued buyer gets the greeting and then the surge reply.
    f.setRules(SCOPE, autoReplies(new JsonObject().put("defaultLanguage", "en")
        .put("limit", new JsonObject().put("max", 0))
        .put("greeting", new JsonObject().put("enabled", true))
        .put("surge", new JsonObject().put("enabled", true).put("afterSeconds", 90))));
    f.inbox.buyerWrites(TestInbox.SHOP_MY, "811403", "kok", "Where is my parcel?");
    long third = f.conversationOf("811403");
    Await.until("greeting sent", () -> f.count("SELECT count(*) FROM auto_replies WHERE conversation_id = $1 "
        + "AND kind = 'greeting' AND outcome = 'sent'", third) == 1);
    f.clock.advance(Duration.ofSeconds(100));
    Await.until("surge reply sent", () -> f.count("SELECT count(*) FROM auto_replies WHERE conversation_id = $1 "
        + "AND kind = 'surge' AND outcome = 'sent'", third) == 1);
    Await.until("delivered", () -> f.inbox.shopee.acceptedSends().stream()
        .anyMatch(s -> s.getJsonObject("content").getString("text").startsWith("We have your message, kok.")));
    List<JsonObject> autos = f.inbox.shopee.acceptedSends().stream().filter(s -> s.getBoolean("auto_reply")).toList();
    assertThat(autos).as("every auto-reply went through send_autoreply_message, each once")
        .hasSize((int) f.count("SELECT count(*) FROM auto_replies WHERE outcome = 'sent'"));
    assertThat(new JsonArray(autos).size()).isEqualTo(4);
  }

  /** The agent answers (ending the wait), then the buyer writes again (a new wait). */
  private void answerAndWaitAgain(String token, long id, String answer, String buyerAgain) throws Exception {
    assertThat(f.reply(token, id, new JsonObject().put("text", answer)).statusCode()).isEqualTo(202);
    f.inbox.buyerWrites(TestInbox.SHOP_MY, "811401", "nur", buyerAgain);
    Await.until("waiting again", () -> f.count("SELECT count(*) FROM conversations WHERE id = $1 "
        + "AND waiting_since IS NOT NULL", id) == 1);
  }
}
