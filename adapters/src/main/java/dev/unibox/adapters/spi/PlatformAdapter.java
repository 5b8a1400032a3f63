package dev.unibox.adapters.spi;

import io.vertx.core.Future;

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

  default Future<Void> start() {
    return Future.succeededFuture();
  }

  default Future<Void> stop() {
    return Future.succeededFuture();
  }
}
