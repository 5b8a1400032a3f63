package dev.unibox.adapters.spi;

/**
 * A message to send. {@code idempotencyKey} is the outbox id: the same key is never delivered twice.
 *
 * @param type  {@code text}; {@code image} (text = an image URL already hosted by the platform, or
 *              {@code imageBytes} to upload first); {@code item} (text = the platform's product id);
 *              {@code order} (text = the platform's order id/sn)
 * @param imageBytes image to upload before sending (null unless type is image)
 */
public record OutboundMessage(
    String idempotencyKey, String platformConversationId, String buyerId, String type, String text,
    byte[] imageBytes, String imageFileName) {

  public OutboundMessage(String idempotencyKey, String platformConversationId, String buyerId, String type,
                         String text) {
    this(idempotencyKey, platformConversationId, buyerId, type, text, null, null);
  }

  public String typeOrText() {
    return type == null || type.isBlank() ? "text" : type;
  }
}
