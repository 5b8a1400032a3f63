package dev.unibox.ingest;

import dev.unibox.adapters.spi.InboundMessage;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.time.Instant;

/**
 * Runs inside the ingest transaction after a new buyer message was stored and its conversation updated
 * (conversation row locked), before the event is built: the quality package parks spam here and reads
 * satisfaction answers, so the router never sees a conversation that is about to be parked.
 */
public interface InboundHook {

  Future<Void> afterBuyerMessage(SqlConnection conn, long conversationId, long messageId, InboundMessage message,
                                 Instant now);

  InboundHook NONE = (conn, conversationId, messageId, message, now) -> Future.succeededFuture();
}
