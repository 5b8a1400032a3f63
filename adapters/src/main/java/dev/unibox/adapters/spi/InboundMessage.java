package dev.unibox.adapters.spi;

import java.time.Instant;

/**
 * A chat message as the platform reported it, already mapped to platform-neutral fields.
 * Platform ids are strings end to end (Shopee ids are unsigned 64-bit).
 *
 * @param fromBuyer   false for messages the shop sent from another tool (kept on the timeline)
 * @param messageType platform-neutral: text, image, sticker, item, order, other
 * @param text        text for text messages; a short description for others (e.g. "[image] url")
 */
public record InboundMessage(
    String accountId,
    String platformMessageId,
    String platformConversationId,
    String buyerId,
    String buyerName,
    boolean fromBuyer,
    String messageType,
    String text,
    Instant sentAt) {}
