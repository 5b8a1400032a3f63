package dev.unibox.adapters.spi;

import java.util.List;

/**
 * What one push carried: chat messages and order events. {@code pushId} is the platform's id of the push
 * itself when it has one.
 */
public record PushBatch(String pushId, List<InboundMessage> messages, List<OrderEvent> orders) {

  public PushBatch {
    messages = List.copyOf(messages);
    orders = List.copyOf(orders);
  }

  public PushBatch(String pushId, List<InboundMessage> messages) {
    this(pushId, messages, List.of());
  }
}
