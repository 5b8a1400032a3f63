package dev.unibox.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.AgentSocket;
import dev.unibox.testing.Await;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.TestInbox;
import io.vertx.sqlclient.Row;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The presence history is written wherever presence or the chats held change, by the service's own writers: an
 * agent's socket puts her online, routing assigns her a chat, closing the socket takes her offline. Each change
 * closes one interval and opens the next, with no gap; the sweep rolls the online time up.
 */
@InboxTest
class PresenceHistoryTest {

  private TestInbox inbox;

  @Test
  void everyChangeOfPresenceOrChatsIsAnInterval() throws Exception {
    long mei = inbox.createUser("mei", "agent", 3, TestInbox.ACCOUNT_MY);
    String token = inbox.login("mei");
    try (AgentSocket agent = inbox.onlineSocket(token)) {
      inbox.buyerWrites(TestInbox.SHOP_MY, "813001", "b1", "Ada stok?");
      agent.nextEvent("conversation.assigned");
    }
    until("mei offline", "SELECT count(*) FROM users WHERE id = $1 AND presence = 'offline'", mei);

    List<Row> rows = inbox.rows("SELECT presence, chats, capacity, started_at, ended_at FROM presence_intervals "
        + "WHERE user_id = $1 ORDER BY started_at, ended_at NULLS LAST", mei);
    assertThat(rows).extracting(r -> r.getString("presence") + "/" + r.getInteger("chats"))
        .containsSubsequence("offline/0", "online/0", "online/1");
    assertThat(rows.get(rows.size() - 1).getString("presence")).isEqualTo("offline");
    assertThat(rows.get(rows.size() - 1).getValue("ended_at")).as("the last one is open").isNull();
    for (int i = 0; i + 1 < rows.size(); i++) {
      assertThat(rows.get(i).getOffsetDateTime("ended_at")).as("no gap, no overlap")
          .isEqualTo(rows.get(i + 1).getOffsetDateTime("started_at"));
    }
    assertThat(rows).allSatisfy(r -> assertThat(r.getInteger("capacity")).isEqualTo(3));

    Await.result(inbox.app.reports().sweep().sweep());
    double online = inbox.rows("SELECT coalesce(sum(extract(epoch FROM ended_at - started_at)), 0)::float8 "
        + "FROM presence_intervals WHERE user_id = $1 AND presence = 'online'", mei).get(0).getDouble(0);
    double rolled = inbox.rows("SELECT coalesce(sum(online_seconds), 0)::float8 FROM report_workload WHERE agent_id = $1",
        mei).get(0).getDouble(0);
    assertThat(online).isPositive();
    assertThat(rolled).isCloseTo(online, org.assertj.core.api.Assertions.within(0.001));
  }

  private void until(String what, String sql, long id) throws InterruptedException {
    Await.until(what, () -> {
      try {
        return inbox.count(sql, id) == 1;
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    });
  }
}
