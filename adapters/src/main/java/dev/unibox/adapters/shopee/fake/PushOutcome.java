package dev.unibox.adapters.shopee.fake;

/**
 * One push delivery by {@link FakeShopee}.
 *
 * @param statusCode    our webhook's HTTP status, or 0 when it gave no answer within Shopee's 3 s
 *                      (refused connection, timeout)
 * @param body          the exact JSON string that was posted (and signed)
 * @param authorization the {@code Authorization} header that was sent with it
 */
public record PushOutcome(int statusCode, String messageId, String conversationId, String body, String authorization) {

  /** Shopee counts a push as delivered on any 2xx answer. */
  public boolean accepted() {
    return statusCode >= 200 && statusCode < 300;
  }
}
