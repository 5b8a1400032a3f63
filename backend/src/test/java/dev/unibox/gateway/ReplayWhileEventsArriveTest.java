package dev.unibox.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.AgentSocket;
import dev.unibox.testing.Await;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.TestInbox;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A socket resumes from seq 0 while four producers keep writing: the events that arrive live during the
 * replay are buffered and any gap is filled from the store, so the client sees every stored position
 * exactly once, in order, with nothing missing at the end.
 */
@InboxTest
class ReplayWhileEventsArriveTest {

  private static final int BACKLOG = 100;
  private static final int PRODUCERS = 4;
  private static final int EACH = 30;

  private TestInbox inbox;

  @Test
  void everyEventArrivesOnceInOrderWhenProducersWriteDuringTheReplay() throws Exception {
    long lin = inbox.createUser("lin", "supervisor", 0);
    String token = inbox.login("lin");
    for (int batch = 0; batch < BACKLOG / 5; batch++) {  // five at a time: a shared CI machine can be slow
      List<Future<?>> pushes = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        pushes.add(push("81" + (1000 + batch * 5 + i), "backlog " + batch + "/" + i));
      }
      Await.result(Future.all(pushes));
    }

    List<Future<?>> producers = new ArrayList<>();
    for (int p = 0; p < PRODUCERS; p++) {
      int producer = p;
      Future<?> chain = Future.succeededFuture();
      for (int i = 0; i < EACH; i++) {
        int n = i;
        chain = chain.compose(v -> push("82" + (1000 + producer * EACH + n), "live " + producer + "/" + n));
      }
      producers.add(chain);
    }
    try (AgentSocket socket = inbox.socket(token, 0)) {
      long atConnect = socket.hello().getLong("lastSeq");
      Await.result(Future.all(producers));
      Await.until("every message stored", () -> {
        try {
          return inbox.count("SELECT count(*) FROM messages") == BACKLOG + PRODUCERS * EACH;
        } catch (Exception e) {
          throw new AssertionError(e);
        }
      });
      long newest;
      try (AgentSocket probe = inbox.socket(token, Long.MAX_VALUE)) {
        newest = probe.hello().getLong("lastSeq");
      }
      assertThat(atConnect).as("a backlog to replay").isGreaterThanOrEqualTo(BACKLOG);
      assertThat(newest).as("events were written after the socket authenticated").isGreaterThan(atConnect);

      socket.next(f -> f.getLong("seq", 0L) == newest);
      // positions are global (with gaps for other users' events): lin gets exactly the stored ones, in order
      List<Long> seqs = socket.events().stream().map(f -> f.getLong("seq")).toList();
      List<Long> stored = inbox.rows("SELECT id FROM event_log WHERE $1 = ANY(recipients) AND id <= $2 ORDER BY id",
          lin, newest).stream().map(r -> r.getLong("id")).toList();
      assertThat(stored).hasSizeGreaterThanOrEqualTo(BACKLOG + PRODUCERS * EACH);
      assertThat(seqs).containsExactlyElementsOf(stored);
      List<String> live = socket.events().stream().filter(f -> "message.created".equals(f.getString("event")))
          .map(f -> f.getJsonObject("data").getJsonObject("message").getString("text"))
          .filter(t -> t.startsWith("live ")).toList();
      assertThat(live).hasSize(PRODUCERS * EACH).doesNotHaveDuplicates();
    }
  }

  /** A buyer message; whether the fake saw our answer in time does not matter, every text is checked at the end. */
  private Future<?> push(String buyer, String text) {
    return inbox.shopee.pushBuyerText(TestInbox.SHOP_MY, buyer, "b" + buyer, text);
  }
}
