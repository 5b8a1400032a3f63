package dev.unibox.adapters.tiktok;

import dev.unibox.adapters.spi.InboundMessage;
import dev.unibox.adapters.support.BoundedMaps;
import dev.unibox.adapters.support.JsonContent;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** TikTok Shop customer-service messages as inbox messages, and their order within one second. */
final class TikTokMessages {

  private final String accountId;
  private final Clock clock;
  /** Index of recently seen messages, for ordering within one second; bounded. */
  private final Map<String, BigInteger> indexes = BoundedMaps.keepingAtMost(10_000, false);

  TikTokMessages(String accountId, Clock clock) {
    this.accountId = accountId;
    this.clock = clock;
  }

  /**
   * A message as the inbox stores it, remembering its index for {@link #sorted}. Null for invisible messages
   * and shop messages whose buyer is unknown.
   */
  InboundMessage map(JsonObject m, String conversationId, String buyerId, String buyerName) {
    InboundMessage mapped = mapped(m, conversationId, buyerId, buyerName);
    BigInteger index = index(m);
    if (mapped != null && index != null) {
      indexes.put(mapped.platformMessageId(), index);
    }
    return mapped;
  }

  private InboundMessage mapped(JsonObject m, String conversationId, String buyerId, String buyerName) {
    if (Boolean.FALSE.equals(m.getValue("is_visible")) || m.getValue("id") == null) {
      return null;
    }
    JsonObject sender = m.getJsonObject("sender", new JsonObject());
    String role = sender.getString("role", "");
    boolean fromBuyer = "BUYER".equals(role);
    String buyer = fromBuyer ? str(sender.getValue("im_user_id")) : buyerId;
    if (buyer == null) {
      return null;
    }
    String name = fromBuyer ? sender.getString("nickname", buyerName) : buyerName;
    JsonObject content = JsonContent.objectOrText(m.getValue("content"), "content");
    String type = m.getString("type", "");
    String neutral;
    String text;
    switch (type) {
      case "TEXT" -> {
        neutral = "text";
        text = content.getString("content", "");
      }
      case "IMAGE" -> {
        neutral = "image";
        text = "[image]" + (content.getString("url") == null ? "" : " " + content.getString("url"));
      }
      case "PRODUCT_CARD" -> {
        neutral = "item";
        text = "[item]" + (content.getValue("product_id") == null ? "" : " " + content.getValue("product_id"));
      }
      case "ORDER_CARD" -> {
        neutral = "order";
        text = "[order]" + (content.getValue("order_id") == null ? "" : " " + content.getValue("order_id"));
      }
      default -> {
        neutral = "other";
        text = "[" + type.toLowerCase() + "]";
      }
    }
    long created = m.getValue("create_time") instanceof Number n ? n.longValue() : clock.instant().getEpochSecond();
    return new InboundMessage(accountId, m.getValue("id").toString(), conversationId,
        buyer, fromBuyer ? name : buyerName, fromBuyer, neutral, text, Instant.ofEpochSecond(created));
  }

  /** The platform's sortable per-conversation index as a number (null when absent or not numeric). */
  private static BigInteger index(JsonObject m) {
    String raw = str(m.getValue("index"));
    try {
      return raw == null ? null : new BigInteger(raw);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * Oldest first: by time (seconds), then by the platform's sortable index within the same second, so the
   * order in which they are stored (and shown, for equal times) is the platform's.
   */
  List<InboundMessage> sorted(List<InboundMessage> messages) {
    Comparator<InboundMessage> byIndex = Comparator.comparing(
        m -> indexes.getOrDefault(m.platformMessageId(), BigInteger.ZERO));
    return messages.stream().sorted(Comparator.comparing(InboundMessage::sentAt).thenComparing(byIndex)).toList();
  }

  static String str(Object v) {
    return v == null || v.toString().isBlank() ? null : v.toString();
  }

  /** The conversation's buyer participant, or null. */
  static JsonObject buyer(JsonObject conversation) {
    JsonArray participants = conversation.getJsonArray("participants", new JsonArray());
    for (int i = 0; i < participants.size(); i++) {
      JsonObject p = participants.getJsonObject(i);
      if ("BUYER".equals(p.getString("role"))) {
        return p;
      }
    }
    return null;
  }
}
