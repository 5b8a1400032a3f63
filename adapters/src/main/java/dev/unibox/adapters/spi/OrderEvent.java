package dev.unibox.adapters.spi;

import java.time.Instant;

/**
 * An order of a buyer with the shop changed status, as the platform reported it (Shopee's order status push,
 * the bridge's order events). Platform ids are strings end to end.
 *
 * @param orderId         the platform's order number (Shopee: order_sn)
 * @param platformBuyerId the buyer as chat messages name them ({@link InboundMessage#buyerId()})
 * @param status          the platform's status word (Shopee: UNPAID, READY_TO_SHIP, ..., CANCELLED)
 * @param placedAt        when the buyer placed the order (the platform's create time)
 * @param at              when the order reached this status
 */
public record OrderEvent(String accountId, String orderId, String platformBuyerId, String status, Instant placedAt,
                         Instant at) {}
