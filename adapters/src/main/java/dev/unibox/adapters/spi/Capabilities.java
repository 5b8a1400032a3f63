package dev.unibox.adapters.spi;

/**
 * What an account's platform lets agents send and what the adapter can do; the web app offers only what
 * is supported.
 *
 * @param maxTextLength  longest text, in Unicode code points; longer texts are refused before sending
 * @param polling        the adapter implements {@link PlatformAdapter#poll(String)} (the backstop)
 * @param lostPushRecovery the platform keeps pushes it failed to deliver ({@link PlatformAdapter#fetchLostPushes()})
 * @param tokenRefresh   the adapter refreshes access tokens itself
 * @param buyerOrders    the adapter lists a buyer's orders ({@link PlatformAdapter#buyerOrders(String)})
 */
public record Capabilities(
    boolean text, boolean image, boolean productCard, boolean orderCard, boolean markRead, int maxTextLength,
    boolean polling, boolean lostPushRecovery, boolean tokenRefresh, boolean buyerOrders) {

  public Capabilities(boolean text, boolean image, boolean productCard, boolean orderCard, boolean markRead,
                      int maxTextLength, boolean polling, boolean lostPushRecovery, boolean tokenRefresh) {
    this(text, image, productCard, orderCard, markRead, maxTextLength, polling, lostPushRecovery, tokenRefresh, false);
  }

  public Capabilities(boolean text, boolean image, boolean productCard, boolean orderCard, boolean markRead,
                      int maxTextLength) {
    this(text, image, productCard, orderCard, markRead, maxTextLength, false, false, false);
  }

  /** Whether an outbound message of this neutral type (text, image, item, order) may be sent. */
  public boolean supports(String type) {
    return switch (type == null ? "text" : type) {
      case "text" -> text;
      case "image" -> image;
      case "item" -> productCard;
      case "order" -> orderCard;
      default -> false;
    };
  }
}
