package dev.unibox.adapters.spi;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** One platform account (one shop). Instances are created per account by their factory. */
public interface PlatformAdapter {

  AccountConfig account();

  Capabilities capabilities();

  /**
   * Verifies the push signature (constant-time) and maps the push to inbound messages.
   * Pushes that carry no buyer-visible message (read receipts, session updates) give an empty batch.
   *
   * @throws AdapterException {@link ErrorKind#BAD_SIGNATURE} or {@link ErrorKind#MALFORMED}
   */
  PushBatch parsePush(PushRequest push);

  /** Body of the 2xx answer the platform expects for an accepted push (Shopee: empty). */
  default String pushAckBody() {
    return "";
  }

  /**
   * Sends one message, signed as the platform requires. Fails with an {@link AdapterException}
   * whose {@link ErrorKind} tells the caller whether a retry is safe.
   */
  Future<SendResult> send(OutboundMessage message);

  /**
   * True when a failed send may nevertheless have reached the platform (a timeout or a connection lost
   * after the request went out). The outbox then asks {@link #findDelivered} before sending again.
   */
  default boolean mayHaveBeenDelivered(AdapterException failure) {
    return false;
  }

  /**
   * Looks on the platform for a message this shop sent in the conversation with exactly this content,
   * not before {@code notBefore} and not one of {@code knownMessageIds} (ids already stored for other
   * replies). Empty means "not there": sending again is safe. Adapters that cannot look answer empty.
   */
  default Future<Optional<SendResult>> findDelivered(OutboundMessage message, Instant notBefore,
                                                     Set<String> knownMessageIds) {
    return Future.succeededFuture(Optional.empty());
  }

  default Future<Void> start() {
    return Future.succeededFuture();
  }

  default Future<Void> stop() {
    return Future.succeededFuture();
  }
}
