package dev.unibox.adapters.spi;

import java.util.List;

/**
 * A page of pushes the platform failed to deliver (Shopee {@code get_lost_push_message}). Lost pushes are
 * kept per app (partner), not per shop, so one page can hold pushes of several accounts: the backend hands
 * each {@link Push} to the adapter of its shop ({@link PlatformAdapter#mapLostPush}), stores them, and only
 * then confirms the page with {@link PlatformAdapter#confirmLostPushes(String)}.
 *
 * @param confirmId what to confirm once everything is stored (Shopee: {@code last_message_id}); null = nothing
 */
public record LostPushes(List<Push> pushes, String confirmId, boolean more) {

  public LostPushes {
    pushes = List.copyOf(pushes);
  }

  /** One lost push: the shop it is for and the payload, opaque to the backend. */
  public record Push(String shopId, Object payload) {}

  public static LostPushes none() {
    return new LostPushes(List.of(), null, false);
  }
}
