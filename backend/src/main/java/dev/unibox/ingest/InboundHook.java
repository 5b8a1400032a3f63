package dev.unibox.ingest;

import dev.unibox.adapters.spi.InboundMessage;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.time.Instant;

/**
 * Runs inside the ingest transaction after a new buyer message was stored and its conversation updated
 * (conversation row locked), before the event is built, with what it worked out before the transaction:
 * the quality package parks spam here and reads satisfaction answers, so the router never sees a
 * conversation that is about to be parked.
 */
public interface InboundHook {

  /** What the hook worked out from a buyer message before the transaction (its own type). */
  interface Findings {}

  /**
   * CPU work on a buyer message (e.g. the shop's spam patterns), done before the transaction on the
   * worker thread that classifies it, so the conversation is not locked while it runs; null for none.
   */
  default Findings inspect(InboundMessage message) {
    return null;
  }

  /**
   * The stored buyer message and its conversation as the ingest leaves it (the hook reads nothing back).
   *
   * @param status   the conversation's status after the message (a solved one was reopened: queued)
   * @param findings what {@link #inspect} returned for the message, or null
   */
  record Received(long conversationId, long messageId, String accountId, String platform, String status,
                  InboundMessage message, Findings findings) {}

  Future<Void> afterBuyerMessage(SqlConnection conn, Received received, Instant now);

  InboundHook NONE = (conn, received, now) -> Future.succeededFuture();
}
