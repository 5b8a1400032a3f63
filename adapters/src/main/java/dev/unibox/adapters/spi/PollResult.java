package dev.unibox.adapters.spi;

import java.util.List;

/**
 * One step of the polling backstop.
 *
 * @param messages   messages found (possibly already stored: ingest dedupes on the platform message id)
 * @param nextCursor opaque; the backend stores it per account and passes it to the next poll
 * @param more       true when another page is ready right away (poll again without waiting)
 */
public record PollResult(List<InboundMessage> messages, String nextCursor, boolean more) {

  public PollResult {
    messages = List.copyOf(messages);
  }

  public static PollResult nothing(String cursor) {
    return new PollResult(List.of(), cursor, false);
  }
}
