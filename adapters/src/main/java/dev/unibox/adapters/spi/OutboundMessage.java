package dev.unibox.adapters.spi;

/**
 * A message to send. {@code idempotencyKey} is the outbox id: the same key is never delivered twice.
 *
 * @param type text (issue 3 adds image, item, order)
 */
public record OutboundMessage(
    String idempotencyKey, String platformConversationId, String buyerId, String type, String text) {}
