package dev.unibox.ingest;

import dev.unibox.adapters.spi.InboundMessage;
import dev.unibox.domain.TextSanitizer;
import java.util.List;

/** Where platform text enters: every string of every inbound message made storable, once (see TextSanitizer). */
final class InboundText {

  private InboundText() {
  }

  static List<InboundMessage> storable(List<InboundMessage> messages) {
    return messages.stream().map(InboundText::storable).toList();
  }

  private static InboundMessage storable(InboundMessage m) {
    return new InboundMessage(TextSanitizer.storable(m.accountId()), TextSanitizer.storable(m.platformMessageId()),
        TextSanitizer.storable(m.platformConversationId()), TextSanitizer.storable(m.buyerId()),
        TextSanitizer.storable(m.buyerName()), m.fromBuyer(), TextSanitizer.storable(m.messageType()),
        TextSanitizer.storable(m.text()), m.sentAt());
  }
}
