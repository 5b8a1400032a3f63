package dev.unibox.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.AgentSocket;
import dev.unibox.testing.Await;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.TestEvents;
import dev.unibox.testing.TestInbox;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Retention deletes events older than the limit from the front of the log (in batches) and keeps the young
 * ones; a client resuming from a position before the deleted ones is told to resync (and then gets live
 * events from the newest position), while one resuming after them gets its replay as usual.
 */
@InboxTest
class EventRetentionTest {

  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
  private static final int OLD = EventRetention.BATCH + 1_000;

  private TestInbox inbox;
  private EventRetention retention;

  @BeforeEach
  void start() throws Exception {
    retention = new EventRetention(inbox.db.pool(), Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(14));
  }

  @Test
  void oldEventsGoInBatchesAndYoungOnesStay() throws Exception {
    long lin = inbox.createUser("lin", "supervisor", 0);
    List<Long> old = TestEvents.append(inbox, List.of(lin), 0, OLD, 10, NOW.minus(Duration.ofDays(20)));
    List<Long> young = new ArrayList<>(TestEvents.append(inbox, List.of(lin), 0, 10, 10, NOW.minus(Duration.ofDays(13))));
    young.addAll(TestEvents.append(inbox, List.of(lin), 10, 10, 10, NOW));

    assertThat(Await.result(retention.prune())).isEqualTo(OLD);

    assertThat(inbox.rows("SELECT id FROM event_log ORDER BY id").stream().map(r -> r.getLong("id")).toList())
        .containsExactlyElementsOf(young);
    assertThat(markNow()).isEqualTo(old.get(old.size() - 1));
    assertThat(Await.result(retention.prune())).as("a second run finds nothing").isZero();
    assertThat(inbox.app.leases().held()).as("pruning runs as a cluster job").contains("job:event-retention");
  }

  @Test
  void aResumeFromBeforeTheMarkGetsResyncAndOneAfterItGetsItsReplay() throws Exception {
    long lin = inbox.createUser("lin", "supervisor", 0);
    String token = inbox.login("lin");
    List<Long> old = TestEvents.append(inbox, List.of(lin), 0, 30, 10, NOW.minus(Duration.ofDays(20)));
    List<Long> young = TestEvents.append(inbox, List.of(lin), 30, 10, 10, NOW);
    Await.result(retention.prune());
    long mark = old.get(old.size() - 1);

    try (AgentSocket stale = inbox.socket(token, old.get(5))) {
      long newest = stale.hello().getLong("lastSeq");
      JsonObject resync = stale.next(f -> "resync".equals(f.getString("type")));
      assertThat(resync.getLong("lastSeq")).isEqualTo(newest).isGreaterThanOrEqualTo(young.get(young.size() - 1));
      assertThat(resync.getLong("oldestSeq")).isEqualTo(mark + 1);
      List<Long> live = TestEvents.append(inbox, List.of(lin), 40, 1, 10, NOW);
      stale.next(f -> f.getLong("seq", 0L).equals(live.get(0)));
      assertThat(stale.events()).as("no replay after a resync, only what came after it")
          .extracting(f -> f.getLong("seq")).containsExactlyElementsOf(live);
    }
    assertThat(inbox.app.meters().get("unibox_socket_resyncs").functionCounter().count()).isEqualTo(1);

    try (AgentSocket fresh = inbox.socket(token, mark)) {
      long last = young.get(young.size() - 1);
      fresh.next(f -> f.getLong("seq", 0L) == last);
      assertThat(fresh.events()).extracting(f -> f.getLong("seq")).startsWith(young.toArray(Long[]::new));
      assertThat(fresh.seen()).noneMatch(f -> "resync".equals(f.getString("type")));
    }
  }

  private long markNow() throws Exception {
    return inbox.count("SELECT pruned_through FROM event_log_retention");
  }
}
