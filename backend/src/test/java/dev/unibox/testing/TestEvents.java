package dev.unibox.testing;

import dev.unibox.events.EventLog;
import dev.unibox.events.EventTail;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes events straight into the real event log (as every write path does, through {@link EventLog}) and
 * kicks the node's tail, for tests that need many or large or old events without driving thousands of
 * pushes. Each event is {@code test.event} with data {@code {n, pad}}.
 */
public final class TestEvents {

  private TestEvents() {}

  /** Appends events n = first .. first+count-1 for these users, in batches of 100 per transaction; returns their ids. */
  public static List<Long> append(TestInbox inbox, List<Long> recipients, int first, int count, int padChars,
                                  Instant at) throws Exception {
    String pad = "x".repeat(padChars);
    List<Long> ids = new ArrayList<>();
    for (int from = first; from < first + count; from += 100) {
      List<EventLog.Outgoing> batch = new ArrayList<>();
      for (int n = from; n < Math.min(first + count, from + 100); n++) {
        batch.add(new EventLog.Outgoing(recipients, "test.event", new JsonObject().put("n", n).put("pad", pad)));
      }
      ids.addAll(Await.result(inbox.db.pool().withTransaction(c -> EventLog.appendAll(c, batch, at))));
      EventTail.kick(inbox.vertx);
    }
    return ids;
  }
}
