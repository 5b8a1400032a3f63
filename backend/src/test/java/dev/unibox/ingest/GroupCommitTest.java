package dev.unibox.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.adapters.spi.InboundMessage;
import dev.unibox.testing.Await;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.TestInbox;
import dev.unibox.testing.TestIngest;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Concurrent pushes share transactions (group commit), and each is still stored once with one event, in
 * order per conversation, and answered only after the commit that holds it.
 */
@InboxTest
class GroupCommitTest {

  private static final int CONVERSATIONS = 8;
  private static final int PER_CONVERSATION = 8;

  private TestInbox inbox;

  @Test
  void concurrentPushesShareCommitsAndKeepEveryMessageOnceInOrder() throws Exception {
    IngestService ingest = new IngestService(inbox.vertx, inbox.db.pool(), TestIngest.classifier(), Clock.systemUTC());
    Instant start = Instant.now().minusSeconds(600);
    List<Future<IngestService.Result>> calls = new ArrayList<>();
    for (int i = 0; i < PER_CONVERSATION; i++) {
      for (int c = 0; c < CONVERSATIONS; c++) {
        InboundMessage m = new InboundMessage(TestInbox.ACCOUNT_MY, "gc-" + c + "-" + i, "gc-conv-" + c, "gc-buyer-" + c,
            "Buyer " + c, true, "text", "question " + i + " about my order", start.plusSeconds(i));
        calls.add(ingest.ingest(List.of(m)));
      }
    }
    // a redelivery of every tenth message inside the same burst: stored once
    for (int c = 0; c < CONVERSATIONS; c += 2) {
      calls.add(ingest.ingest(List.of(new InboundMessage(TestInbox.ACCOUNT_MY, "gc-" + c + "-0", "gc-conv-" + c,
          "gc-buyer-" + c, "Buyer " + c, true, "text", "question 0 about my order", start))));
    }
    Await.result(Future.all(calls));
    int stored = calls.stream().mapToInt(f -> f.result().stored()).sum();
    int duplicates = calls.stream().mapToInt(f -> f.result().duplicates()).sum();

    assertThat(stored).isEqualTo(CONVERSATIONS * PER_CONVERSATION);
    assertThat(duplicates).isEqualTo(CONVERSATIONS / 2);
    assertThat(ingest.transactions()).as("batch transactions for %d calls", calls.size()).isLessThan(calls.size());
    assertThat(inbox.count("SELECT count(*) FROM messages WHERE platform_message_id LIKE 'gc-%'"))
        .isEqualTo(CONVERSATIONS * PER_CONVERSATION);
    assertThat(inbox.count("SELECT count(*) FROM conversations WHERE platform_conversation_id LIKE 'gc-conv-%'"))
        .isEqualTo(CONVERSATIONS);

    // one message.created per message, and within a conversation the events follow the order its messages were stored
    var events = inbox.rows("""
        SELECT (payload->>'conversationId')::bigint AS conversation, (payload->'message'->>'id')::bigint AS message
        FROM event_log WHERE type = 'message.created' ORDER BY id""");
    assertThat(events).hasSize(CONVERSATIONS * PER_CONVERSATION);
    Map<Long, Long> last = new HashMap<>();
    for (var e : events) {
      Long before = last.put(e.getLong("conversation"), e.getLong("message"));
      assertThat(before == null || before < e.getLong("message"))
          .as("conversation %d: message %d after %d", e.getLong("conversation"), e.getLong("message"), before).isTrue();
    }
    // the first message of each conversation queued it once: one 'queued' activity each
    assertThat(inbox.count("""
        SELECT count(*) FROM activities a JOIN conversations c ON c.id = a.conversation_id
        WHERE c.platform_conversation_id LIKE 'gc-conv-%' AND a.type = 'queued'""")).isEqualTo(CONVERSATIONS);
  }
}
