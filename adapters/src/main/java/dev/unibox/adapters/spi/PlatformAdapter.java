package dev.unibox.adapters.spi;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One platform account (one shop). Instances are created per account by their factory.
 *
 * <p>Only {@link #account()}, {@link #capabilities()}, {@link #parsePush} and {@link #send} are required;
 * the rest have do-nothing defaults so a minimal adapter stays small. {@link Capabilities} says which of
 * the optional operations an adapter really implements.
 */
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

  /**
   * Like {@link #parsePush} but may call the platform to complete the push (TikTok Shop pushes only name
   * the message; it is fetched through the API). The signature is always checked before any call.
   * Fails with the same {@link AdapterException}s as parsePush.
   */
  default Future<PushBatch> receivePush(PushRequest push) {
    try {
      return Future.succeededFuture(parsePush(push));
    } catch (AdapterException e) {
      return Future.failedFuture(e);
    }
  }

  /** Body of the 2xx answer the platform expects for an accepted push (Shopee: empty). */
  default String pushAckBody() {
    return "";
  }

  /** How long the platform waits for the push answer (Shopee 3 s, Lazada 500 ms). */
  default Duration pushAckDeadline() {
    return Duration.ofSeconds(3);
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

  /**
   * One step of the polling backstop with the platform's own cursors. {@code cursor} is what the previous
   * step returned (null the first time). Messages already stored come back too: ingest dedupes.
   */
  default Future<PollResult> poll(String cursor) {
    return Future.succeededFuture(PollResult.nothing(cursor));
  }

  /**
   * The buyer's recent orders with this shop, newest first, where the platform's API offers them
   * ({@link Capabilities#buyerOrders()}); adapters that cannot tell answer an empty list.
   */
  default Future<List<BuyerOrder>> buyerOrders(String platformBuyerId) {
    return Future.succeededFuture(List.of());
  }

  /** Tells the platform the shop has read the conversation up to that message. */
  default Future<Void> markRead(String platformConversationId, String lastReadMessageId) {
    return Future.succeededFuture();
  }

  /**
   * Pushes the platform failed to deliver. Several accounts may share them (see {@link LostPushes}); accounts
   * sharing one {@link #lostPushScope()} need only one fetch.
   */
  default Future<LostPushes> fetchLostPushes() {
    return Future.succeededFuture(LostPushes.none());
  }

  /** Maps a lost push of this account's shop to messages (no signature: it came through a signed API call). */
  default List<InboundMessage> mapLostPush(LostPushes.Push push) {
    return List.of();
  }

  /** Marks lost pushes up to {@code confirmId} as consumed; call only after they are stored. */
  default Future<Void> confirmLostPushes(String confirmId) {
    return Future.succeededFuture();
  }

  /** Accounts with the same scope share one lost-push queue (Shopee: the partner id). Null: no queue. */
  default String lostPushScope() {
    return null;
  }

  /** Refreshes the access token now (normally done by the adapter itself before expiry). */
  default Future<Void> refreshToken() {
    return Future.succeededFuture();
  }

  /** When the access token in use expires, when known. */
  default Optional<Instant> accessTokenExpiresAt() {
    return Optional.empty();
  }

  /** True after the refresh token died: every call fails with {@link ErrorKind#TOKEN_DEAD}. */
  default boolean tokenDead() {
    return false;
  }

  default Future<Void> start() {
    return Future.succeededFuture();
  }

  default Future<Void> stop() {
    return Future.succeededFuture();
  }
}
