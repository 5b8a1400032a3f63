package dev.unibox.adapters.lazada;

import dev.unibox.adapters.spi.AdapterException;
import dev.unibox.adapters.spi.ErrorKind;
import dev.unibox.adapters.spi.InboundMessage;
import dev.unibox.adapters.support.JsonContent;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * Lazada IM messages (push {@code data} and {@code /im/message/list} entries share the fields) to inbound
 * messages. {@code from_account_type} 1 = buyer, 2 = seller; {@code type} 2 = system (skipped: not a chat
 * line); {@code status} 1 = recalled (skipped). Templates: 1 text, 3 picture, 4 emoji, 6 video, 10006 item,
 * 10007 order, 10008 voucher. {@code content} is a JSON string; text is its {@code txt}.
 */
final class LazadaMapper {

  private final String accountId;

  LazadaMapper(String accountId) {
    this.accountId = accountId;
  }

  /** Null for messages that are not chat lines (system, recalled). */
  InboundMessage map(JsonObject m, String buyerIdHint, String buyerName) {
    String messageId = string(m.getValue("message_id"));
    String sessionId = string(m.getValue("session_id"));
    if (messageId == null || sessionId == null) {
      throw new AdapterException(ErrorKind.MALFORMED, null, "Lazada message without message_id or session_id");
    }
    if ("2".equals(string(m.getValue("type"))) || "1".equals(string(m.getValue("status")))) {
      return null;
    }
    boolean fromBuyer = "1".equals(string(m.getValue("from_account_type")));
    String buyerId = fromBuyer ? string(m.getValue("from_account_id")) : string(m.getValue("to_account_id"));
    if (buyerId == null) {
      buyerId = buyerIdHint;
    }
    if (buyerId == null) {
      throw new AdapterException(ErrorKind.MALFORMED, null, "Lazada message " + messageId + " names no buyer");
    }
    long sendTime = m.getValue("send_time") instanceof Number n ? n.longValue() : parseLong(m.getValue("send_time"));
    String template = string(m.getValue("template_id"));
    JsonObject content = JsonContent.objectOrText(m.getValue("content"), "txt");
    String type;
    String text;
    switch (template == null ? "1" : template) {
      case "1" -> {
        type = "text";
        text = content.getString("txt", content.getString("text", ""));
      }
      case "3" -> {
        type = "image";
        text = label("[image]", content, "imgUrl", "img_url", "url");
      }
      case "10006" -> {
        type = "item";
        text = label("[item]", content, "itemId", "item_id", "title");
      }
      case "10007" -> {
        type = "order";
        text = label("[order]", content, "orderId", "order_id");
      }
      case "4" -> {
        type = "sticker";
        text = "[sticker]";
      }
      default -> {
        type = "other";
        text = "[template " + template + "]";
      }
    }
    return new InboundMessage(accountId, messageId, sessionId, buyerId, buyerName, fromBuyer, type, text,
        Instant.ofEpochMilli(sendTime));
  }

  private static String label(String label, JsonObject content, String... fields) {
    for (String f : fields) {
      Object v = content.getValue(f);
      if (v != null && !v.toString().isBlank()) {
        return label + " " + v;
      }
    }
    return label;
  }

  static String string(Object v) {
    if (v == null) {
      return null;
    }
    String s = v.toString().trim();
    return s.isEmpty() ? null : s;
  }

  private static long parseLong(Object v) {
    try {
      return Long.parseLong(String.valueOf(v));
    } catch (NumberFormatException e) {
      throw new AdapterException(ErrorKind.MALFORMED, null, "Lazada message without a send_time");
    }
  }
}
