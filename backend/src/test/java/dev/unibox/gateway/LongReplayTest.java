package dev.unibox.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.AgentSocket;
import dev.unibox.testing.Await;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.TestEvents;
import dev.unibox.testing.TestInbox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A resume over thousands of stored events (interleaved with another user's, so positions have gaps) is
 * read page by page: it arrives complete, in order, once, and the server never holds more than one page
 * for the socket.
 */
@InboxTest
class LongReplayTest {

  private static final int BATCHES = 25;
  private static final int PER_BATCH = 200;

  private TestInbox inbox;

  @Test
  void fiveThousandEventsArriveCompleteAndInOrder() throws Exception {
    long lin = inbox.createUser("lin", "supervisor", 0);
    long mei = inbox.createUser("mei", "agent", 3);
    String token = inbox.login("lin");
    List<Long> ids = new ArrayList<>();
    for (int b = 0; b < BATCHES; b++) {
      ids.addAll(TestEvents.append(inbox, List.of(lin), b * PER_BATCH, PER_BATCH, 200, Instant.now()));
      TestEvents.append(inbox, List.of(mei), 0, 7, 10, Instant.now());
    }
    long last = ids.get(ids.size() - 1);
    // the node's tail delivers these as live events too: once it has passed them, the socket sees only the replay
    Await.until("the tail passed the stored events",
        () -> inbox.app.meters().get("unibox_event_tail_position").gauge().value() >= last);
    long held = 0;
    try (AgentSocket socket = inbox.socket(token, 0)) {
      while (true) {
        held = Math.max(held, (long) inbox.app.meters().get("unibox_socket_held_events").gauge().value());
        if (socket.next(f -> "event".equals(f.getString("type"))).getLong("seq") == last) {
          break;
        }
      }
      List<Long> seqs = socket.events().stream().map(f -> f.getLong("seq")).toList();
      assertThat(seqs).hasSize(BATCHES * PER_BATCH).containsExactlyElementsOf(ids);
      assertThat(socket.events().stream().map(f -> f.getJsonObject("data").getInteger("n")).toList())
          .isSorted().doesNotHaveDuplicates();
    }
    assertThat(held).as("events held for the socket at once").isLessThanOrEqualTo(SocketOutbox.REPLAY_PAGE);
  }
}
