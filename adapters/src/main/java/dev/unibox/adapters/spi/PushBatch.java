package dev.unibox.adapters.spi;

import java.util.List;

/** What one push carried. {@code pushId} is the platform's id of the push itself when it has one. */
public record PushBatch(String pushId, List<InboundMessage> messages) {

  public PushBatch {
    messages = List.copyOf(messages);
  }
}
