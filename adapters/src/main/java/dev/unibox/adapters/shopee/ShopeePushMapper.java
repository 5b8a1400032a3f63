package dev.unibox.adapters.shopee;

import dev.unibox.adapters.spi.AccountConfig;
import dev.unibox.adapters.spi.AdapterException;
import dev.unibox.adapters.spi.ErrorKind;
import dev.unibox.adapters.spi.InboundMessage;
import dev.unibox.adapters.spi.PushBatch;
import dev.unibox.adapters.support.JsonContent;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * Maps a verified Shopee push (code 10, webchat) to inbound messages.
 *
 * <p>Who sent it: Shopee's push names the sender ({@code from_id}) and the receiver ({@code to_id}) by
 * chat user id, and the shop's own chat user id is not the shop id. The rule, first match wins:
 * <ol>
 *   <li>{@code from_shop_id} present and non-zero: from the shop when it equals this shop's id;</li>
 *   <li>{@code to_shop_id} present and non-zero: from the buyer when it equals this shop's id;</li>
 *   <li>option {@code shopUserId} configured: from the buyer unless {@code from_id} equals it;</li>
 *   <li>otherwise from the buyer: the captured push shape is a buyer-to-shop message.</li>
 * </ol>
 * The buyer is {@code from_id}/{@code from_user_name} of a buyer message, {@code to_id}/{@code to_user_name}
 * of a shop message.
 */
final class ShopeePushMapper {

  static final int WEBCHAT_CODE = 10;

  private final AccountConfig account;
  private final String shopUserId;

  ShopeePushMapper(AccountConfig account) {
    this.account = account;
    String configured = account.options().get("shopUserId");
    this.shopUserId = configured == null || configured.isBlank() ? null : configured.trim();
  }

  PushBatch map(JsonObject push) {
    String pushId = ShopeeIds.fromJson(push.getValue("msg_id"));
    if (!(push.getValue("code") instanceof Number code)) {
      throw malformed("push has no numeric code");
    }
    if (code.intValue() != WEBCHAT_CODE) {
      return new PushBatch(pushId, List.of());
    }
    String shopId = ShopeeIds.fromJson(push.getValue("shop_id"));
    if (shopId == null) {
      throw malformed("webchat push has no shop_id");
    }
    if (!shopId.equals(account.shopId())) {
      throw malformed("push is for shop " + shopId + ", not for shop " + account.shopId());
    }
    if (!(push.getValue("data") instanceof JsonObject data)) {
      throw malformed("webchat push has no data object");
    }
    if (!"message".equals(data.getValue("type"))) {
      return new PushBatch(pushId, List.of());
    }
    JsonObject message = JsonContent.objectOrJsonString(data.getValue("content"));
    if (message == null) {
      throw malformed("webchat push has no message content");
    }
    return new PushBatch(pushId, List.of(toInbound(message, push.getValue("timestamp"))));
  }

  /**
   * A message as {@code get_message} returns it (it carries from_shop_id/to_shop_id, but no user names):
   * the buyer's name comes from the conversation list.
   */
  InboundMessage mapPolled(JsonObject m, String buyerName) {
    JsonObject named = m.copy().put("from_user_name", buyerName).put("to_user_name", buyerName);
    return toInbound(named, null);
  }

  private InboundMessage toInbound(JsonObject m, Object pushTimestamp) {
    String messageId = required(m, "message_id");
    String conversationId = required(m, "conversation_id");
    String fromId = required(m, "from_id");
    String toId = required(m, "to_id");
    if (!(m.getValue("message_type") instanceof String type) || type.isBlank()) {
      throw malformed("message " + messageId + " has no message_type");
    }
    boolean fromBuyer = isFromBuyer(m, fromId);
    String buyerId = fromBuyer ? fromId : toId;
    String buyerName = m.getValue(fromBuyer ? "from_user_name" : "to_user_name") instanceof String name ? name : null;
    String neutralType = neutralType(type);
    String text = describe(messageId, type, neutralType, m.getValue("content"));
    return new InboundMessage(account.accountId(), messageId, conversationId, buyerId, buyerName, fromBuyer,
        neutralType, text, sentAt(messageId, m.getValue("created_timestamp"), pushTimestamp));
  }

  private boolean isFromBuyer(JsonObject m, String fromId) {
    String fromShopId = ShopeeIds.fromJson(m.getValue("from_shop_id"));
    if (fromShopId != null && !"0".equals(fromShopId)) {
      return !fromShopId.equals(account.shopId());
    }
    String toShopId = ShopeeIds.fromJson(m.getValue("to_shop_id"));
    if (toShopId != null && !"0".equals(toShopId)) {
      return toShopId.equals(account.shopId());
    }
    if (shopUserId != null) {
      return !fromId.equals(shopUserId);
    }
    return true;
  }

  private static String neutralType(String shopeeType) {
    return switch (shopeeType) {
      case "text", "image", "sticker", "item", "order" -> shopeeType;
      default -> "other";
    };
  }

  private String describe(String messageId, String shopeeType, String neutralType, Object rawContent) {
    JsonObject content = JsonContent.objectOrJsonString(rawContent);
    if ("text".equals(shopeeType)) {
      if (content == null && rawContent instanceof String plain) {
        return plain;
      }
      if (content != null && content.getValue("text") instanceof String text) {
        return text;
      }
      throw malformed("text message " + messageId + " has no content.text");
    }
    JsonObject c = content == null ? new JsonObject() : content;
    String detail = switch (neutralType) {
      case "image" -> firstString(c, "image_url", "url", "thumb_url");
      case "item" -> ShopeeIds.fromJson(c.getValue("item_id"));
      case "order" -> firstString(c, "order_sn");
      default -> null;
    };
    String label = "[" + ("other".equals(neutralType) ? shopeeType : neutralType) + "]";
    return detail == null ? label : label + " " + detail;
  }

  private static Instant sentAt(String messageId, Object created, Object pushTimestamp) {
    Object seconds = created instanceof Number ? created : pushTimestamp;
    if (seconds instanceof Number n) {
      return Instant.ofEpochSecond(n.longValue());
    }
    throw malformed("message " + messageId + " has no created_timestamp");
  }

  private static String required(JsonObject m, String field) {
    String id = ShopeeIds.fromJson(m.getValue(field));
    if (id == null) {
      throw malformed("webchat message has no " + field);
    }
    return id;
  }

  private static String firstString(JsonObject c, String... fields) {
    for (String field : fields) {
      if (c.getValue(field) instanceof String s && !s.isBlank()) {
        return s;
      }
    }
    return null;
  }


  static AdapterException malformed(String message) {
    return new AdapterException(ErrorKind.MALFORMED, null, message);
  }
}
