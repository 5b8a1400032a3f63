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
 * Spam is parked, not routed, left out of the response metrics and restored with one click; satisfaction
 * invites only on solved conversations, the buyer's chat answer stored per conversation and agent, and
 * the Kuaishou-style rates.
 */
class SpamAndSatisfactionTest extends QualityTest {

  @Test
  void spamIsParkedNotRoutedNotCountedAndRestoredWithOneClick() throws Exception {
    String lead = f.supervisor("lin");
    try (var mei = f.agent("mei")) {
      f.inbox.buyerWrites(TestInbox.SHOP_MY, "811500", "promo88", "兼职日赚500，加微信 abc123 详聊");
      long spam = f.conversationOf("811500");
      f.inbox.buyerWrites(TestInbox.SHOP_MY, "811501", "real.buyer", "Is the lamp still available?");
      long real = f.conversationOf("811501");
      JsonObject assigned = mei.socket().nextEvent("conversation.assigned");
      assertThat(assigned.getJsonObject("data").getJsonObject("conversation").getLong("id")).isEqualTo(real);

      assertThat(f.count("SELECT count(*) FROM conversations WHERE id = $1 AND status = 'spam' AND assignee_id IS NULL "
          + "AND waiting_since IS NULL", spam)).isEqualTo(1);
      assertThat(f.inbox.get(lead, "/api/conversations").bodyAsJsonObject().getJsonArray("conversations").encode())
          .as("not in the supervisor's inbox").doesNotContain("promo88");
      JsonArray folder = f.inbox.get(mei.token(), "/api/quality/spam").bodyAsJsonObject().getJsonArray("conversations");
      assertThat(folder).singleElement().satisfies(o -> {
        JsonObject c = (JsonObject) o;
        assertThat(c.getLong("conversationId")).isEqualTo(spam);
        assertThat(c.getString("reason")).contains("兼职").contains("加微信");
        assertThat(c.getJsonArray("recentMessages").getString(0)).contains("日赚500");
      });

      // More junk from the same buyer stays parked.
      f.inbox.buyerWrites(TestInbox.SHOP_MY, "811500", "promo88", "在吗？");
      Await.until("second message stored", () -> f.count("SELECT count(*) FROM messages WHERE conversation_id = $1",
          spam) == 2);
      assertThat(f.count("SELECT count(*) FROM conversations WHERE id = $1 AND status = 'spam' "
          + "AND waiting_since IS NULL", spam)).isEqualTo(1);

      JsonObject metrics = f.inbox.get(lead, "/api/quality/metrics/response?to="
          + f.clock.instant().plusSeconds(5)).bodyAsJsonObject();
      assertThat(metrics.getInteger("conversations")).as("only the real buyer counts").isEqualTo(1);
      assertThat(metrics.getInteger("spamExcluded")).isEqualTo(1);
      assertThat(metrics.getInteger("answered")).isZero();

      var restored = f.inbox.post(mei.token(), "/api/quality/spam/" + spam + "/restore", new JsonObject());
      assertThat(restored.statusCode()).isEqualTo(200);
      assertThat(restored.bodyAsJsonObject().getJsonObject("conversation").getString("waitingSince")).isNotNull();
      JsonObject routed = mei.socket().nextEvent("conversation.assigned");
      assertThat(routed.getJsonObject("data").getJsonObject("conversation").getLong("id"))
          .as("routed normally once restored").isEqualTo(spam);
      assertThat(f.inbox.get(mei.token(), "/api/quality/spam").bodyAsJsonObject().getJsonArray("conversations")).isEmpty();
      assertThat(f.inbox.post(mei.token(), "/api/quality/spam/" + spam + "/restore", new JsonObject()).statusCode())
          .isEqualTo(409);
      JsonArray timeline = f.inbox.get(lead, "/api/conversations/" + spam).bodyAsJsonObject().getJsonArray("timeline");
      assertThat(timeline.encode()).contains("spam_parked").contains("spam_restored");
      assertThat(f.inbox.get(lead, "/api/quality/metrics/response?to=" + f.clock.instant().plusSeconds(5))
          .bodyAsJsonObject().getInteger("conversations")).isEqualTo(2);
    }
    f.inbox.createUser("tw.only", "agent", 3, TestInbox.ACCOUNT_TW);
    f.inbox.buyerWrites(TestInbox.SHOP_MY, "811502", "promo99", "Work from home, earn money fast: bit.ly/x1y2z3");
    long other = f.conversationOf("811502");
    Await.until("parked", () -> f.count("SELECT count(*) FROM conversations WHERE id = $1 AND status = 'spam'", other) == 1);
    String tw = f.inbox.login("tw.only");
    assertThat(f.inbox.get(tw, "/api/quality/spam").bodyAsJsonObject().getJsonArray("conversations"))
        .as("another shop's spam folder").isEmpty();
    assertThat(f.inbox.post(tw, "/api/quality/spam/" + other + "/restore", new JsonObject()).statusCode()).isEqualTo(403);
  }

  @Test
  void aRatingCanBeInvitedOnlyOnceSolvedAndTheAnswerIsStoredForTheAgent() throws Exception {
    String lead = f.supervisor("lin");
    long id;
    try (var mei = f.agent("mei")) {
      id = f.assignedTo(mei, "811600", "wong", "我的订单 231123ABCD1234 什么时候发货？");
      String invite = "/api/conversations/" + id + "/satisfaction/invite";

      var early = f.inbox.post(mei.token(), invite, new JsonObject());
      assertThat(early.statusCode()).isEqualTo(409);
      assertThat(early.bodyAsJsonObject().getString("error")).isEqualTo("not_solved");
      assertThat(early.bodyAsJsonObject().getString("message")).contains("mark the conversation solved first");
      JsonObject state = f.inbox.get(mei.token(), "/api/conversations/" + id + "/satisfaction").bodyAsJsonObject();
      assertThat(state.getBoolean("canInvite")).isFalse();
      assertThat(state.getString("why")).contains("solved");

      assertThat(f.reply(mei.token(), id, new JsonObject().put("text", "今天下午发货，请您放心。")).statusCode()).isEqualTo(202);
      assertThat(f.inbox.post(mei.token(), "/api/conversations/" + id + "/close", new JsonObject()).statusCode())
          .isEqualTo(200);
      var invited = f.inbox.post(mei.token(), invite, new JsonObject());
      assertThat(invited.statusCode()).isEqualTo(201);
      assertThat(f.inbox.post(mei.token(), invite, new JsonObject()).bodyAsJsonObject().getString("error"))
          .isEqualTo("already_invited");
      Await.until("invite delivered", () -> f.inbox.shopee.acceptedSends().stream()
          .anyMatch(s -> s.getJsonObject("content").getString("text").contains("回复1=满意")));

      assertThat(f.inbox.post(f.inbox.loggedIn("arif", "agent", 3), invite, new JsonObject()).statusCode())
          .as("not the agent who served it").isEqualTo(403);
    }

    f.inbox.buyerWrites(TestInbox.SHOP_MY, "811600", "wong", "3 客服态度差");
    Await.until("rating stored", () -> f.count("SELECT count(*) FROM satisfaction_ratings") == 1);
    assertThat(f.count("SELECT count(*) FROM satisfaction_ratings r JOIN users u ON u.id = r.agent_id "
        + "WHERE r.conversation_id = $1 AND r.rating = 'dissatisfied' AND r.reason = 'bad_attitude' "
        + "AND r.source = 'chat' AND u.username = 'mei'", id)).isEqualTo(1);
    JsonObject after = f.inbox.get(lead, "/api/conversations/" + id).bodyAsJsonObject();
    assertThat(after.getJsonObject("conversation").getString("status")).as("the answer does not reopen it")
        .isEqualTo("closed");
    assertThat(after.getJsonArray("timeline").encode()).contains("satisfaction_invited").contains("satisfaction_rated");

    // Two more ratings for the week: one satisfied (platform-reported), one neutral for slow replies.
    assertThat(f.inbox.post(lead, "/api/conversations/" + id + "/satisfaction/ratings",
        new JsonObject().put("rating", "satisfied")).statusCode()).isEqualTo(201);
    assertThat(f.inbox.post(lead, "/api/conversations/" + id + "/satisfaction/ratings",
        new JsonObject().put("rating", "neutral").put("reason", "slow_reply")).statusCode()).isEqualTo(201);
    assertThat(f.inbox.post(lead, "/api/conversations/" + id + "/satisfaction/ratings",
        new JsonObject().put("rating", "great")).statusCode()).isEqualTo(400);

    String today = LocalDate.ofInstant(f.clock.instant(), ZoneOffset.UTC).toString();
    JsonObject week = f.inbox.get(lead, "/api/quality/satisfaction?period=week&date=" + today).bodyAsJsonObject();
    JsonObject total = week.getJsonObject("total");
    assertThat(total.getLong("satisfied")).isEqualTo(1);
    assertThat(total.getDouble("satisfactionRate")).isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(total.getDouble("badAttitudeRate")).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(week.getJsonArray("agents").getJsonObject(0).getJsonObject("agent").getString("displayName"))
        .startsWith("mei");
    JsonObject month = f.inbox.get(lead, "/api/quality/satisfaction?period=month&date=" + today).bodyAsJsonObject();
    assertThat(month.getString("from")).endsWith("-01");
    assertThat(month.getJsonObject("total").getLong("dissatisfied")).isEqualTo(1);
    assertThat(f.inbox.get(lead, "/api/quality/satisfaction?period=year").statusCode()).isEqualTo(400);

    // A buyer who writes something else instead reopens the conversation and voids the invite.
    f.inbox.buyerWrites(TestInbox.SHOP_MY, "811600", "wong", "还有一个问题，可以开发票吗？");
    Await.until("reopened", () -> f.count("SELECT count(*) FROM conversations WHERE id = $1 AND status <> 'closed'",
        id) == 1);
    assertThat(f.count("SELECT count(*) FROM satisfaction_ratings")).isEqualTo(3);
  }
}
