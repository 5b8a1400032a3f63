package dev.unibox.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.events.EventNames;
import dev.unibox.testing.AgentSocket;
import dev.unibox.testing.Await;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.MutableClock;
import dev.unibox.testing.TestInbox;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * The live projection through the whole service: a Shopee shop whose new chats go unanswered past 12 hours
 * is projected below its 80 % line; its supervisor (not the other shop's) is told once on the socket, with
 * the chat that would still count listed to save it; a lower line the shop sets ends the alert.
 */
@InboxTest
class ProjectionAlertTest {

  private final MutableClock clock = new MutableClock(FallingBehindShop.MORNING);
  private TestInbox inbox;

  @Test
  void aShopFallingBehindAlertsItsSupervisorOnceWithTheChatsThatWouldSaveIt() throws Exception {
    inbox.createUser("tia", "supervisor", 0, TestInbox.ACCOUNT_TW);
    FallingBehindShop.write(inbox, clock);
    String sam = inbox.login("sam");
    String tia = inbox.login("tia");

    try (AgentSocket samSocket = inbox.socket(sam, 0)) {
      samSocket.hello();
      Await.result(inbox.app.reports().projections().check());

      JsonObject alert = samSocket.nextEvent(EventNames.PROJECTION_ALERT).getJsonObject("data").getJsonObject("projection");
      assertThat(alert.getString("accountId")).isEqualTo(TestInbox.ACCOUNT_MY);
      assertThat(alert.getString("rule")).isEqualTo("shopee-12h");
      assertThat(alert.getInteger("met")).isEqualTo(3);
      assertThat(alert.getInteger("missed")).isEqualTo(3);
      assertThat(alert.getDouble("current")).isEqualTo(0.5);
      assertThat(alert.getDouble("projected")).isLessThan(0.5);
      JsonArray savers = alert.getJsonArray("savers");
      assertThat(savers).hasSize(1);
      assertThat(savers.getJsonObject(0).getString("buyerName")).isEqualTo(FallingBehindShop.SAVER);
      long saver = savers.getJsonObject(0).getLong("conversationId");
      assertThat(inbox.count("SELECT count(*) FROM conversations WHERE id = $1 AND account_id = $2", saver,
          TestInbox.ACCOUNT_MY)).isEqualTo(1);

      Await.result(inbox.app.reports().sweep().sweep());
      assertThat(Await.result(inbox.app.reports().projections().check())).as("no second alert").isZero();

      JsonObject samView = inbox.get(sam, "/api/reports/projections").bodyAsJsonObject();
      JsonArray samShops = samView.getJsonArray("shops");
      assertThat(samShops).as(samView.encode()).isNotNull();
      assertThat(samShops).as(samView.encode()).hasSize(1);
      assertThat(samShops.getJsonObject(0).getBoolean("below")).isTrue();
      assertThat(inbox.get(tia, "/api/reports/projections").bodyAsJsonObject().getJsonArray("shops")
          .stream().map(s -> ((JsonObject) s).getString("accountId")).toList()).containsExactly(TestInbox.ACCOUNT_TW);
      assertThat(inbox.get(inbox.login("mei"), "/api/reports/projections").statusCode()).as("an agent").isEqualTo(403);

      String line = "/api/reports/projections/" + TestInbox.ACCOUNT_MY + "/line";
      assertThat(inbox.put(sam, "/api/reports/projections/" + TestInbox.ACCOUNT_TW + "/line",
          new JsonObject().put("line", 0.5)).statusCode()).as("not sam's shop").isEqualTo(403);
      assertThat(inbox.put(sam, line, new JsonObject().put("line", 1.5)).statusCode()).isEqualTo(400);
      assertThat(inbox.put(sam, line, new JsonObject().put("line", "high")).statusCode()).isEqualTo(400);
      assertThat(inbox.count("SELECT count(*) FROM shop_indicator_lines")).isZero();

      // the client agreed a lower line with this shop: the projection is above it, the alert ends
      assertThat(inbox.put(sam, line, new JsonObject().put("line", 0.3)).statusCode()).isEqualTo(200);
      JsonObject back = samSocket.nextEvent(EventNames.PROJECTION_RECOVERED).getJsonObject("data").getJsonObject("projection");
      assertThat(back.getDouble("line")).isEqualTo(0.3);
      assertThat(back.getBoolean("ownLine")).isTrue();
      assertThat(back.getBoolean("below")).isFalse();
    }
    assertThat(inbox.rows("SELECT set_by FROM shop_indicator_lines WHERE account_id = $1", TestInbox.ACCOUNT_MY)
        .get(0).getLong(0)).isEqualTo(inbox.count("SELECT id FROM users WHERE username = 'sam'"));
    try (AgentSocket tiaSocket = inbox.socket(tia, 0)) {
      tiaSocket.hello();
      assertThat(tiaSocket.events()).as("the other shop's supervisor is told nothing")
          .noneMatch(e -> e.getString("event").startsWith("projection."));
    }
  }

  @Test
  void aLineSetByOneSupervisorReachesTheShopsOtherSupervisorsAtOnce() throws Exception {
    inbox.createUser("sam", "supervisor", 0, TestInbox.ACCOUNT_MY);
    inbox.createUser("kim", "supervisor", 0, TestInbox.ACCOUNT_MY);
    inbox.createUser("tia", "supervisor", 0, TestInbox.ACCOUNT_TW);
    String sam = inbox.login("sam");
    String line = "/api/reports/projections/" + TestInbox.ACCOUNT_MY + "/line";
    try (AgentSocket kim = inbox.socket(inbox.login("kim"), 0);
         AgentSocket tia = inbox.socket(inbox.login("tia"), 0)) {
      kim.hello();
      tia.hello();
      // no stored projection state yet: no crossing event can come, only the line's own
      assertThat(inbox.put(sam, line, new JsonObject().put("line", 0.9)).statusCode()).isEqualTo(200);
      JsonObject set = kim.nextEvent(EventNames.PROJECTION_LINE).getJsonObject("data");
      assertThat(set.getString("accountId")).isEqualTo(TestInbox.ACCOUNT_MY);
      assertThat(set.getDouble("line")).isEqualTo(0.9);
      assertThat(inbox.put(sam, line, new JsonObject().putNull("line")).statusCode()).isEqualTo(200);
      JsonObject cleared = kim.next(f -> EventNames.PROJECTION_LINE.equals(f.getString("event"))
          && f.getJsonObject("data").getValue("line") == null).getJsonObject("data");
      assertThat(cleared.getString("accountId")).isEqualTo(TestInbox.ACCOUNT_MY);
      assertThat(inbox.put(sam, line, new JsonObject().put("line", 2)).statusCode()).isEqualTo(400);
      assertThat(inbox.count("SELECT count(*) FROM event_log WHERE type = $1", EventNames.PROJECTION_LINE))
          .as("one event per change; a refused line tells nobody").isEqualTo(2);
      assertThat(tia.events()).as("the other shop's supervisor is told nothing")
          .noneMatch(e -> e.getString("event").startsWith("projection."));
    }
  }
}
