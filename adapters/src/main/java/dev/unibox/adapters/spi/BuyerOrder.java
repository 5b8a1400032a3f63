package dev.unibox.adapters.spi;

import java.time.Instant;
import java.util.List;

/**
 * One order of a buyer with the shop, as the platform reports it.
 *
 * @param orderId   the platform's order number (Shopee: order_sn), what an order card sends
 * @param status    the platform's status word (Shopee: UNPAID, READY_TO_SHIP, SHIPPED, COMPLETED, CANCELLED, ...)
 * @param total     the amount as the platform writes it (a decimal string)
 * @param items     item names, in the order's order
 */
public record BuyerOrder(String orderId, String status, String total, String currency, Instant createdAt,
                         List<String> items) {}
